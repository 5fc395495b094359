// Process: renderer (SDK glue, type-only SDK import). Features.Captions (Teams live captions):
// turning them on and off, the spoken language, the caption language where the meeting allows
// translation (setCaptionLanguage), and every caption as `captions/received` (a partial result is
// replaced by its final text in the slice). Failures and the service stopping captions become
// short notices, never call failures. Attached once the call is Connected (the feature exists only
// then); follows the captions object again when its kind changes.
import type { Captions, CaptionsCallFeature, CaptionsCommon, CaptionsInfo, TeamsCaptions, TeamsCaptionsInfo } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import { detacher, type FeatureContext, type FeatureHandle } from './feature-context';
import type { CaptionsNotice } from './captions-model';

/** The spoken language when the service does not say one (Teams' own default). */
const DEFAULT_SPOKEN_LANGUAGE = 'en-us';

export interface CaptionsOptions {
  /** The caption language the guest chose last time ('' for the spoken language). */
  captionLanguage(): string;
}

export interface CaptionsHandle extends FeatureHandle {
  start(): Promise<void>;
  stop(): Promise<void>;
  setSpokenLanguage(language: string): Promise<void>;
  setCaptionLanguage(language: string): Promise<void>;
  dismissNotice(): void;
}

const isTeams = (captions: CaptionsCommon): captions is TeamsCaptions => captions.kind === 'TeamsCaptions';

export function attachCaptions(feature: CaptionsCallFeature, ctx: FeatureContext, options: CaptionsOptions): CaptionsHandle {
  let captions = feature.captions;
  let stopping = false;
  const notice = (kind: CaptionsNotice | null) => ctx.push({ type: 'captions/notice', notice: kind });
  const fail = (kind: CaptionsNotice, what: string, error: unknown) => {
    ctx.log('warn', `captions: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    notice(kind);
  };

  const announce = () =>
    ctx.push({
      type: 'captions/available',
      active: captions.isCaptionsFeatureActive,
      spokenLanguage: captions.activeSpokenLanguage ?? '',
      spokenLanguages: captions.supportedSpokenLanguages ?? [],
      captionLanguage: isTeams(captions) ? (captions.activeCaptionLanguage ?? '') : '',
      captionLanguages: isTeams(captions) ? (captions.supportedCaptionLanguages ?? []) : [],
    });

  // The guest's remembered caption language, once captions are on and the meeting translates.
  const applyPreferredLanguage = () => {
    const wanted = options.captionLanguage();
    if (!wanted || !isTeams(captions) || captions.activeCaptionLanguage === wanted || !ctx.allowed('setCaptionLanguage')) return;
    if (!captions.supportedCaptionLanguages.includes(wanted)) return;
    captions.setCaptionLanguage(wanted).catch((error: unknown) => fail('languageFailed', 'remembered caption language', error));
  };

  const bind = (): Array<() => void> => {
    // CaptionsCommon declares no on/off; both kinds the SDK hands out (TeamsCaptions, Captions) have them.
    const target = captions as TeamsCaptions;
    const offs = [
      listen(target, 'CaptionsActiveChanged', () => {
        const active = target.isCaptionsFeatureActive;
        ctx.push({ type: 'captions/active', active });
        if (!active && !stopping) notice('stopped');
        stopping = false;
        if (active) applyPreferredLanguage();
      }),
      listen(target, 'SpokenLanguageChanged', () => ctx.push({ type: 'captions/spokenLanguage', language: target.activeSpokenLanguage })),
    ];
    if (isTeams(target)) {
      offs.push(
        listen(target, 'CaptionsReceived', (info: TeamsCaptionsInfo) => {
          const speaker = info.speaker?.identifier;
          ctx.push({
            type: 'captions/received',
            speakerId: speaker ? ctx.rawIdOf(speaker) : '',
            speakerName: info.speaker?.displayName ?? '',
            // Translated text when a caption language is set, else what was said.
            text: info.captionText || info.spokenText || '',
            final: info.resultType === 'Final',
            at: ctx.now(),
          });
        }),
        listen(target, 'CaptionLanguageChanged', () => ctx.push({ type: 'captions/captionLanguage', language: target.activeCaptionLanguage })),
      );
    } else {
      // Plain ACS captions: what was said, never translated.
      const plain = captions as Captions;
      offs.push(
        listen(plain, 'CaptionsReceived', (info: CaptionsInfo) => {
          const speaker = info.speaker?.identifier;
          ctx.push({ type: 'captions/received', speakerId: speaker ? ctx.rawIdOf(speaker) : '', speakerName: info.speaker?.displayName ?? '', text: info.spokenText || '', final: info.resultType === 'Final', at: ctx.now() });
        }),
      );
    }
    return offs;
  };

  let bound = bind();
  announce();
  const offKind = listen(feature, 'CaptionsKindChanged', () => {
    for (const off of bound.splice(0)) off();
    captions = feature.captions;
    bound = bind();
    announce();
  });

  const detachKind = detacher([offKind]);
  return {
    detach() {
      detachKind();
      for (const off of bound.splice(0)) off();
    },
    async start() {
      if (captions.isCaptionsFeatureActive) return;
      notice(null);
      ctx.push({ type: 'captions/starting', starting: true });
      try {
        await captions.startCaptions({ spokenLanguage: captions.activeSpokenLanguage || DEFAULT_SPOKEN_LANGUAGE });
      } catch (error) {
        ctx.push({ type: 'captions/starting', starting: false });
        fail('startFailed', 'start', error);
      }
    },
    async stop() {
      if (!captions.isCaptionsFeatureActive) {
        ctx.push({ type: 'captions/starting', starting: false });
        return;
      }
      stopping = true;
      try {
        await captions.stopCaptions();
        notice(null);
      } catch (error) {
        stopping = false;
        fail('stopFailed', 'stop', error);
      }
    },
    async setSpokenLanguage(language) {
      try {
        await captions.setSpokenLanguage(language);
      } catch (error) {
        fail('languageFailed', 'spoken language', error);
      }
    },
    async setCaptionLanguage(language) {
      if (!isTeams(captions) || !ctx.allowed('setCaptionLanguage')) {
        notice('translationUnavailable');
        return;
      }
      try {
        await captions.setCaptionLanguage(language);
      } catch (error) {
        fail('languageFailed', 'caption language', error);
      }
    },
    dismissNotice: () => notice(null),
  };
}
