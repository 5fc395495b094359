// Process: renderer. Features.Captions as the SDK declares it: the feature's `captions` object is
// Teams captions (TeamsCaptions) or plain ACS captions (Captions), and `scriptKind` swaps one for
// the other with CaptionsKindChanged, as the service does when it learns what kind of call this
// is. Both start and stop (confirmed by CaptionsActiveChanged, as the service does) and set the
// spoken language; Teams captions also set the caption language where the meeting allows
// translation. `scriptCaption` is someone speaking. A translated caption is marked
// "(<language>) <text>" so a test or the practice meeting can see the caption language took
// effect. Every request is reported as received. Type-only SDK imports, so Node tests load it directly.
import type { Captions, CaptionsCallFeature, CaptionsKind, StartCaptionsOptions, TeamsCaptions } from '@azure/communication-calling';
import type { CommunicationIdentifier } from '@azure/communication-common';
import { Emitter } from '../emitter';
import { ScriptedCallingError } from '../errors';
import type { Received } from '../received';
import { ScriptedFeature } from './feature';

type Speaker = { identifier?: CommunicationIdentifier; displayName?: string };

/** What both kinds share: turning captions on and off, and the spoken language. */
abstract class ScriptedCaptionsBase extends Emitter {
  abstract readonly kind: CaptionsKind;
  isCaptionsFeatureActive = false;
  activeSpokenLanguage = 'en-us';
  readonly supportedSpokenLanguages = ['en-us', 'ko-kr', 'de-de', 'fr-fr', 'ja-jp'];
  /** The next startCaptions fails with this (then it is cleared). */
  failNextStart: Error | null = null;

  constructor(protected readonly received: (action: Received) => void) {
    super();
  }

  async startCaptions(options?: StartCaptionsOptions): Promise<void> {
    this.received({ kind: 'startCaptions', spokenLanguage: options?.spokenLanguage ?? null });
    const failure = this.failNextStart;
    this.failNextStart = null;
    if (failure) throw failure;
    if (options?.spokenLanguage) this.activeSpokenLanguage = options.spokenLanguage;
    // The promise settles first; the service confirms afterwards.
    queueMicrotask(() => this.scriptActive(true));
  }
  async stopCaptions(): Promise<void> {
    this.received({ kind: 'stopCaptions' });
    queueMicrotask(() => this.scriptActive(false));
  }
  async setSpokenLanguage(language: string): Promise<void> {
    this.received({ kind: 'spokenLanguage', language });
    if (!this.supportedSpokenLanguages.includes(language)) throw new ScriptedCallingError(`spoken language ${language} is not supported`, 400, 8531);
    this.activeSpokenLanguage = language;
    this.emit('SpokenLanguageChanged');
  }

  /** The service turns captions on or off (also on its own: a stop nobody asked for). */
  scriptActive(active: boolean): void {
    if (this.isCaptionsFeatureActive === active) return;
    this.isCaptionsFeatureActive = active;
    this.emit('CaptionsActiveChanged');
  }

  /** Someone speaks: a partial result, or the final text of the phrase. */
  abstract scriptCaption(speaker: Speaker, spokenText: string, final: boolean): void;
}

/** Plain ACS captions (kind 'Captions'): no caption language, no translation. */
export class ScriptedAcsCaptions extends ScriptedCaptionsBase implements Captions {
  readonly kind = 'Captions' as const;

  scriptCaption(speaker: Speaker, spokenText: string, final: boolean): void {
    if (!this.isCaptionsFeatureActive) return;
    this.emit('CaptionsReceived', {
      resultType: final ? 'Final' : 'Partial',
      speaker: { identifier: speaker.identifier, displayName: speaker.displayName },
      spokenLanguage: this.activeSpokenLanguage,
      spokenText,
      timestamp: new Date(),
    });
  }
}

export class ScriptedTeamsCaptions extends ScriptedCaptionsBase implements TeamsCaptions {
  readonly kind = 'TeamsCaptions' as const;
  activeCaptionLanguage = '';
  readonly supportedCaptionLanguages = ['en', 'ko', 'de', 'fr', 'ja'];

  constructor(
    private readonly translationAllowed: () => boolean,
    received: (action: Received) => void,
  ) {
    super(received);
  }

  async setCaptionLanguage(language: string): Promise<void> {
    this.received({ kind: 'captionLanguage', language, ...(this.translationAllowed() ? {} : { refused: 'setCaptionLanguage' }) });
    if (!this.translationAllowed()) throw new ScriptedCallingError('caption translation is not allowed in this meeting', 403, 8532);
    if (!this.supportedCaptionLanguages.includes(language)) throw new ScriptedCallingError(`caption language ${language} is not supported`, 400, 8533);
    this.activeCaptionLanguage = language;
    this.emit('CaptionLanguageChanged');
  }

  scriptCaption(speaker: Speaker, spokenText: string, final: boolean): void {
    if (!this.isCaptionsFeatureActive) return;
    const translated = this.activeCaptionLanguage && !this.activeSpokenLanguage.startsWith(this.activeCaptionLanguage);
    this.emit('CaptionsReceived', {
      captionText: translated ? `(${this.activeCaptionLanguage}) ${spokenText}` : spokenText,
      captionLanguage: this.activeCaptionLanguage,
      resultType: final ? 'Final' : 'Partial',
      speaker: { identifier: speaker.identifier, displayName: speaker.displayName },
      spokenLanguage: this.activeSpokenLanguage,
      spokenText,
      timestamp: new Date(),
    });
  }
}

export class ScriptedCaptions extends ScriptedFeature implements CaptionsCallFeature {
  readonly teams: ScriptedTeamsCaptions;
  readonly acs: ScriptedAcsCaptions;
  private current: ScriptedTeamsCaptions | ScriptedAcsCaptions;

  constructor(translationAllowed: () => boolean, received: (action: Received) => void = () => undefined) {
    super('Captions');
    this.teams = new ScriptedTeamsCaptions(translationAllowed, received);
    this.acs = new ScriptedAcsCaptions(received);
    this.current = this.teams;
  }

  /** The captions object of the current kind (a Teams meeting's is TeamsCaptions). */
  get captions(): ScriptedTeamsCaptions | ScriptedAcsCaptions {
    return this.current;
  }

  /** The service changes the kind of captions: the new object takes over the state, then CaptionsKindChanged. */
  scriptKind(kind: CaptionsKind): void {
    const next = kind === 'TeamsCaptions' ? this.teams : this.acs;
    if (next === this.current) return;
    next.isCaptionsFeatureActive = this.current.isCaptionsFeatureActive;
    next.activeSpokenLanguage = this.current.activeSpokenLanguage;
    this.current.isCaptionsFeatureActive = false;
    this.current = next;
    this.emit('CaptionsKindChanged');
  }
}
