// Process: renderer. Features.RaiseHand as the SDK declares it: the guest's own
// hand through raiseHand/lowerHand, others' through `scriptRaise`.
import type { RaiseHandCallFeature, RaisedHand } from '@azure/communication-calling';
import type { CommunicationUserIdentifier, MicrosoftTeamsUserIdentifier } from '@azure/communication-common';
import { notScripted } from '../errors';
import type { Received } from '../received';
import { ScriptedFeature } from './feature';

export type HandIdentifier = CommunicationUserIdentifier | MicrosoftTeamsUserIdentifier;

export class ScriptedRaiseHand extends ScriptedFeature implements RaiseHandCallFeature {
  private raised: RaisedHand[] = [];
  private order = 0;
  constructor(
    private readonly self: () => HandIdentifier,
    private readonly received: (action: Received) => void = () => undefined,
  ) {
    super('RaiseHand');
  }
  raiseHand(): Promise<void> {
    this.received({ kind: 'raiseHand' });
    this.scriptRaise(this.self(), true);
    return Promise.resolve();
  }
  lowerHand(): Promise<void> {
    this.received({ kind: 'lowerHand' });
    this.scriptRaise(this.self(), false);
    return Promise.resolve();
  }
  lowerHands(): Promise<void> {
    return notScripted('lowering others’ hands');
  }
  lowerAllHands(): Promise<void> {
    return notScripted('lowering all hands');
  }
  getRaisedHands(): RaisedHand[] {
    return [...this.raised];
  }
  scriptRaise(identifier: HandIdentifier, raised: boolean): void {
    const key = JSON.stringify(identifier);
    const present = this.raised.some((hand) => JSON.stringify(hand.identifier) === key);
    if (raised === present) return;
    if (raised) this.raised.push({ identifier, order: ++this.order });
    else this.raised = this.raised.filter((hand) => JSON.stringify(hand.identifier) !== key);
    this.emit(raised ? 'raisedHandEvent' : 'loweredHandEvent', { identifier });
  }
}
