// Process: renderer. Features.Spotlight as the SDK declares it: the organizer spotlights and
// un-spotlights people (`scriptSet`, in spotlight order, up to maxParticipantsToSpotlight), and
// 'spotlightChanged' carries who was added and removed. The guest may stop their own spotlight
// (stopSpotlight() with no one named); spotlighting others needs the spotlightParticipant
// capability, which a guest does not have. Type-only SDK imports, so Node tests load it.
import type { SpotlightCallFeature, SpotlightedParticipant } from '@azure/communication-calling';
import type { CommunicationIdentifier } from '@azure/communication-common';
import { ScriptedCallingError } from '../errors';
import type { Received } from '../received';
import { ScriptedFeature } from './feature';

export class ScriptedSpotlight extends ScriptedFeature implements SpotlightCallFeature {
  readonly maxParticipantsToSpotlight = 7;
  private spotlighted: SpotlightedParticipant[] = [];
  private order = 0;

  constructor(
    /** The guest's own identifier (stopSpotlight() with no one named is them). */
    readonly self: () => CommunicationIdentifier,
    private readonly canSpotlightOthers: () => boolean,
    private readonly received: (action: Received) => void = () => undefined,
  ) {
    super('Spotlight');
  }


  getSpotlightedParticipants(): SpotlightedParticipant[] {
    return [...this.spotlighted];
  }

  async startSpotlight(participants?: CommunicationIdentifier[]): Promise<void> {
    this.received({ kind: 'startSpotlight', ...(this.canSpotlightOthers() ? {} : { refused: 'RoleRestricted' }) });
    if (!this.canSpotlightOthers()) throw new ScriptedCallingError('spotlight not allowed for this role', 403, 46300);
    this.scriptSet([...this.spotlighted.map((p) => p.identifier), ...(participants ?? [this.self()])]);
  }

  async stopSpotlight(participants?: CommunicationIdentifier[]): Promise<void> {
    const own = participants === undefined;
    this.received({ kind: 'stopSpotlight', self: own, ...(own || this.canSpotlightOthers() ? {} : { refused: 'RoleRestricted' }) });
    if (!own && !this.canSpotlightOthers()) throw new ScriptedCallingError('removing others’ spotlight not allowed for this role', 403, 46301);
    const gone = new Set((participants ?? [this.self()]).map(keyOf));
    this.scriptSet(this.spotlighted.map((p) => p.identifier).filter((identifier) => !gone.has(keyOf(identifier))));
  }

  async stopAllSpotlight(): Promise<void> {
    this.received({ kind: 'stopSpotlight', self: false, ...(this.canSpotlightOthers() ? {} : { refused: 'RoleRestricted' }) });
    if (!this.canSpotlightOthers()) throw new ScriptedCallingError('removing all spotlights not allowed for this role', 403, 46301);
    this.scriptSet([]);
  }

  /** The organizer's spotlight list, in order (the first is the first spotlighted). */
  scriptSet(identifiers: CommunicationIdentifier[]): void {
    const wanted = identifiers.slice(0, this.maxParticipantsToSpotlight);
    const keys = new Set(wanted.map(keyOf));
    const removed = this.spotlighted.filter((p) => !keys.has(keyOf(p.identifier)));
    const kept = this.spotlighted.filter((p) => keys.has(keyOf(p.identifier)));
    const keptKeys = new Set(kept.map((p) => keyOf(p.identifier)));
    const added = wanted.filter((identifier) => !keptKeys.has(keyOf(identifier))).map((identifier) => ({ identifier, order: ++this.order }));
    if (added.length === 0 && removed.length === 0) return;
    this.spotlighted = [...kept, ...added];
    this.emit('spotlightChanged', { added, removed });
  }
}

const keyOf = (identifier: CommunicationIdentifier) => JSON.stringify(identifier);
