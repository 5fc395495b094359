// Process: renderer. Live captions under the stage: who said what, a partial line replaced by its
// final text, a history the guest can scroll back through (it stays where they scrolled; new lines
// follow only when they are at the end), the spoken and caption languages, and short notices. Not
// a live region: a screen reader would otherwise read every partial line over the meeting's audio.
import './captions.css';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CallSession, CallState } from '../../calling/call-model';
import { captionsShown, type CaptionLine, type CaptionsState } from '../../calling/features/captions-model';
import { useObservablePart } from '../../components/use-observable';
import { useLanguage, useT } from '../../i18n';
import { capabilityText } from '../capability-text';
import { memo } from '../memo';
import { languageName } from './language-name';

export interface CaptionsBannerProps {
  session: CallSession;
  /** The call's state for everything but the captions, which the banner follows itself. */
  state: CallState;
  /** The guest chose a caption language (remembered for next time). */
  onCaptionLanguage?: (language: string) => void;
}

/** How close to the end (px) still counts as "at the end" when new lines arrive. */
const FOLLOW_SLACK_PX = 24;

const captionsOf = (state: CallState): CaptionsState => state.captions;

// Memoized: a caption update re-renders the one line it changed, not the whole history.
const Line = memo(function Line({ line, unknownSpeaker }: { line: CaptionLine; unknownSpeaker: string }) {
  return (
    <p class={`captions__line ${line.final ? '' : 'is-partial'}`} data-final={line.final ? 'true' : 'false'}>
      <span class="captions__speaker">{line.speakerName || unknownSpeaker}</span>
      {/* Speech in its own direction: it need not be in the guest's language. */}
      <span class="captions__text" dir="auto">
        {line.text}
      </span>
    </p>
  );
});

interface SettingsProps {
  session: CallSession;
  active: boolean;
  spokenLanguage: string;
  spokenLanguages: readonly string[];
  captionLanguage: string;
  captionLanguages: readonly string[];
  translationBlocked: string | null | undefined;
  onCaptionLanguage?: (language: string) => void;
}

// Memoized: the language pickers (dozens of named options each) re-render when a language or the
// choice changes, not for every caption line.
const CaptionsSettings = memo(function CaptionsSettings({ session, active, spokenLanguage, spokenLanguages, captionLanguage, captionLanguages, translationBlocked, onCaptionLanguage }: SettingsProps) {
  const t = useT();
  const language = useLanguage();
  return (
    <div class="captions__settings">
      <label>
        <span>{t('captions.spokenLanguage')}</span>
        <select
          id="captions-spoken"
          value={spokenLanguage}
          disabled={!active || spokenLanguages.length === 0}
          onChange={(event) => void session.captions.setSpokenLanguage(event.currentTarget.value)}
        >
          {!spokenLanguages.includes(spokenLanguage) && <option value={spokenLanguage}>{languageName(spokenLanguage, language)}</option>}
          {spokenLanguages.map((tag) => (
            <option key={tag} value={tag}>
              {languageName(tag, language)}
            </option>
          ))}
        </select>
      </label>
      {captionLanguages.length > 0 && (
        <label>
          <span>{t('captions.captionLanguage')}</span>
          <select
            id="captions-language"
            value={captionLanguage}
            disabled={!active || Boolean(translationBlocked)}
            aria-describedby={translationBlocked ? 'captions-language-reason' : undefined}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              onCaptionLanguage?.(chosen);
              void session.captions.setCaptionLanguage(chosen);
            }}
          >
            {!captionLanguages.includes(captionLanguage) && (
              <option value={captionLanguage}>{captionLanguage ? languageName(captionLanguage, language) : t('captions.sameAsSpoken')}</option>
            )}
            {captionLanguages.map((tag) => (
              <option key={tag} value={tag}>
                {languageName(tag, language)}
              </option>
            ))}
          </select>
          {translationBlocked && (
            <span id="captions-language-reason" class="captions__reason">
              {translationBlocked}
            </span>
          )}
        </label>
      )}
    </div>
  );
});

export function CaptionsBanner({ session, state, onCaptionLanguage }: CaptionsBannerProps) {
  const t = useT();
  // Its own subscription: a caption line re-renders the banner, not the meeting view.
  const captions = useObservablePart(session.state, captionsOf);
  const history = useRef<HTMLDivElement>(null);
  const following = useRef(true);

  useLayoutEffect(() => {
    const element = history.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [captions.lines]);

  const shown = captionsShown(captions);
  if (!shown && !captions.notice) return null;
  const translationBlocked = capabilityText(t, state, 'setCaptionLanguage');

  return (
    <div class="captions" data-testid="captions">
      {captions.notice && (
        <div class="captions__notice" role="status" data-notice={captions.notice}>
          <span>{t(`captions.notice.${captions.notice}`)}</span>
          <button type="button" class="mbtn mbtn--quiet" onClick={() => session.captions.dismissNotice()}>
            {t('captions.dismiss')}
          </button>
        </div>
      )}
      {shown && (
        <>
          <CaptionsSettings
            session={session}
            active={captions.active}
            spokenLanguage={captions.spokenLanguage}
            spokenLanguages={captions.spokenLanguages}
            captionLanguage={captions.captionLanguage}
            captionLanguages={captions.captionLanguages}
            translationBlocked={translationBlocked}
            onCaptionLanguage={onCaptionLanguage}
          />
          <div
            class="captions__history"
            ref={history}
            tabIndex={0}
            role="region"
            aria-label={t('captions.region')}
            onScroll={(event) => {
              const element = event.currentTarget;
              following.current = element.scrollHeight - element.scrollTop - element.clientHeight <= FOLLOW_SLACK_PX;
            }}
          >
            {captions.lines.length === 0 && <p class="captions__waiting">{captions.active ? t('captions.waiting') : t('captions.starting')}</p>}
            {captions.lines.map((line) => (
              <Line key={line.id} line={line} unknownSpeaker={t('captions.unknownSpeaker')} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
