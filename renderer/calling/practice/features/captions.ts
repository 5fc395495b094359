// Process: renderer. Features.Captions with Teams captions, as the SDK declares them: starting and stopping (confirmed by CaptionsActiveChanged, as the service
// does), spoken and caption languages (the latter only where the meeting allows translation), and
// `scriptCaption` for someone speaking. A translated caption is marked "(<language>) <text>" so a
// test or the practice meeting can see the caption language took effect. Every request is reported
// as received. Type-only SDK imports, so Node tests load it directly.
import type { CaptionsCallFeature, CaptionsKind, StartCaptionsOptions, TeamsCaptions } from '@azure/communication-calling';
import type { CommunicationIdentifier } from '@azure/communication-common';
import { Emitter } from '../emitter';
import { ScriptedCallingError } from '../errors';
import type { Received } from '../received';
import { ScriptedFeature } from './feature';

export class ScriptedTeamsCaptions extends Emitter implements TeamsCaptions {
  readonly kind: CaptionsKind = 'TeamsCaptions';
  isCaptionsFeatureActive = false;
  activeSpokenLanguage = 'en-us';
  activeCaptionLanguage = '';
  readonly supportedSpokenLanguages = ['en-us', 'ko-kr', 'de-de', 'fr-fr', 'ja-jp'];
  readonly supportedCaptionLanguages = ['en', 'ko', 'de', 'fr', 'ja'];
  /** The next startCaptions fails with this (then it is cleared). */
  failNextStart: Error | null = null;

  constructor(
    private readonly translationAllowed: () => boolean,
    private readonly received: (action: Received) => void,
  ) {
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
  async setCaptionLanguage(language: string): Promise<void> {
    this.received({ kind: 'captionLanguage', language, ...(this.translationAllowed() ? {} : { refused: 'setCaptionLanguage' }) });
    if (!this.translationAllowed()) throw new ScriptedCallingError('caption translation is not allowed in this meeting', 403, 8532);
    if (!this.supportedCaptionLanguages.includes(language)) throw new ScriptedCallingError(`caption language ${language} is not supported`, 400, 8533);
    this.activeCaptionLanguage = language;
    this.emit('CaptionLanguageChanged');
  }

  /** The service turns captions on or off (also on its own: a stop nobody asked for). */
  scriptActive(active: boolean): void {
    if (this.isCaptionsFeatureActive === active) return;
    this.isCaptionsFeatureActive = active;
    this.emit('CaptionsActiveChanged');
  }

  /** Someone speaks: a partial result, or the final text of the phrase. */
  scriptCaption(speaker: { identifier?: CommunicationIdentifier; displayName?: string }, spokenText: string, final: boolean): void {
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
  readonly captions: ScriptedTeamsCaptions;
  constructor(translationAllowed: () => boolean, received: (action: Received) => void = () => undefined) {
    super('Captions');
    this.captions = new ScriptedTeamsCaptions(translationAllowed, received);
  }
}
