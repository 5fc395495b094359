// Process: renderer. In the meeting: the header (which meeting, how long, how many, the View menu
// and meeting info), the recording/transcription banner (required by Microsoft's terms for Teams
// interop), the spotlight notice, reconnecting and call-health notices, the stage and gallery,
// the side panels, the controls, meeting chat, and the consent prompt when the meeting requires
// explicit consent.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { CallSession, CallState } from '../calling/call-model';
import { useT } from '../i18n';
import { SharingBanner } from '../share/SharingBanner';
import { BreakoutBanner } from './breakout/BreakoutBanner';
import { useMiniWindowRelay } from '../mini/use-mini-window-relay';
import { CaptionsBanner } from './captions/CaptionsBanner';
import { ChatPanel } from './chat/ChatPanel';
import { useMeetingChat } from './chat/use-meeting-chat';
import { Controls, type Panel } from './Controls';
import { MeetingIcon } from './icons';
import { togglePin, type MeetingLayout } from './layout';
import { DevicesPanel, PeoplePanel } from './Panels';
import { QualityAdvice } from './media-stats/QualityAdvice';
import { QualityPanel } from './media-stats/QualityPanel';
import { useFocusOnMount } from './phases';
import { QualityIndicator } from './media-stats/QualityIndicator';
import { MeetingHeader } from './stage/MeetingHeader';
import { MeetingInfoPanel } from './stage/MeetingInfoPanel';
import type { MeetingInfo } from './stage/meeting-info';
import { SpotlightBanner } from './stage/SpotlightBanner';
import { StageLayout } from './stage/StageLayout';

function RecordingBanner({ state }: { state: CallState }) {
  const t = useT();
  const { recordingActive: recording, transcriptionActive: transcribing } = state;
  if (!recording && !transcribing) return null;
  const key = recording && transcribing ? 'meeting.recording.both' : recording ? 'meeting.recording.recording' : 'meeting.recording.transcribing';
  return (
    <div class="meeting-banner meeting-banner--recording" role="status" data-testid="recording-banner">
      <MeetingIcon name="record" class="meeting-banner__dot" />
      <p>
        <strong>{t(key)}</strong> {t('meeting.recording.note')}
      </p>
    </div>
  );
}

function ConsentDialog({ onAgree, onLater }: { onAgree: () => void; onLater: () => void }) {
  const t = useT();
  const agree = useRef<HTMLButtonElement>(null);
  useEffect(() => agree.current?.focus(), []);
  return (
    <div class="meeting-dialog__backdrop">
      <div
        class="meeting-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="consent-title"
        aria-describedby="consent-body"
        onKeyDown={(event) => {
          if (event.key === 'Escape') onLater();
          // Modal: Tab cycles between its two buttons.
          if (event.key === 'Tab') {
            const buttons = [...event.currentTarget.querySelectorAll('button')];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            event.preventDefault();
            buttons[(at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
          }
        }}
      >
        <h2 id="consent-title">{t('meeting.consent.title')}</h2>
        <p id="consent-body">{t('meeting.consent.body')}</p>
        <div class="meeting-actions">
          <button type="button" class="mbtn mbtn--primary" ref={agree} onClick={onAgree}>
            {t('meeting.consent.agree')}
          </button>
          <button type="button" class="mbtn" onClick={onLater}>
            {t('meeting.consent.later')}
          </button>
        </div>
      </div>
    </div>
  );
}

export interface CallViewProps {
  session: CallSession;
  state: CallState;
  displayName: string;
  /** Which meeting this is (the header and the meeting info panel). */
  meeting: MeetingInfo;
  /** The remembered layout, and the guest choosing another (saved in the settings). */
  layout: MeetingLayout;
  onLayout: (layout: MeetingLayout) => void;
  /** The guest chose a caption language (remembered in the settings). */
  onCaptionLanguage?: (language: string) => void;
  /** The practice meeting: its chat is simulated and stays on this computer. */
  practice?: boolean;
}

export function CallView({ session, state, displayName, meeting, layout, onLayout, onCaptionLanguage, practice }: CallViewProps) {
  const t = useT();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [panel, setPanel] = useState<Panel>('none');
  const chat = useMeetingChat(session, state.phase, practice ? { guestName: displayName } : undefined);
  // Pins are the guest's own view rule: kept here, never sent to the meeting.
  const [pinned, setPinned] = useState<readonly string[]>([]);
  const onPin = useCallback((id: string) => setPinned((current) => togglePin(current, id)), []);
  // The consent prompt opens whenever consent becomes required; "Not now" hides it until the
  // guest presses a control that needs it.
  const [consentDismissed, setConsentDismissed] = useState(false);
  const needsConsent =
    state.consentRequired || state.capabilities.unmuteMic.reason === 'consent' || state.capabilities.turnVideoOn.reason === 'consent';
  useEffect(() => {
    if (!needsConsent) setConsentDismissed(false);
  }, [needsConsent]);
  const showConsent = needsConsent && !consentDismissed;
  useMiniWindowRelay(session, state);

  return (
    <main class="meeting meeting--call" data-phase={state.phase}>
      <h1 class="meeting-sr" ref={heading} tabIndex={-1}>
        {t('meeting.title')}
      </h1>
      <MeetingHeader
        name={meeting.name}
        state={state}
        layout={layout}
        onLayout={onLayout}
        infoOpen={panel === 'info'}
        onInfo={() => setPanel(panel === 'info' ? 'none' : 'info')}
      >
        <QualityIndicator state={state} expanded={panel === 'quality'} onToggle={() => setPanel(panel === 'quality' ? 'none' : 'quality')} />
      </MeetingHeader>
      <RecordingBanner state={state} />
      <SpotlightBanner session={session} state={state} />
      <SharingBanner session={session} state={state} />
      <BreakoutBanner session={session} state={state} />
      {state.phase === 'reconnecting' && (
        <div class="meeting-banner meeting-banner--warning" role="status" data-testid="reconnecting">
          <span class="meeting-spinner meeting-spinner--small" aria-hidden="true" />
          <p>{t('meeting.reconnecting')}</p>
        </div>
      )}
      <ul class="meeting-notices" aria-live="polite">
        {state.notices.map((kind) => (
          <li key={kind} class="meeting-notice" data-notice={kind}>
            <MeetingIcon name="warning" />
            <span>{t(`meeting.notice.${kind}`)}</span>
          </li>
        ))}
      </ul>
      <QualityAdvice session={session} state={state} onDetails={() => setPanel('quality')} />
      <div class="meeting__body">
        <StageLayout
          session={session}
          state={state}
          displayName={displayName}
          layout={layout}
          pinned={pinned}
          onPin={onPin}
          onShowPeople={() => setPanel('people')}
        />
        {panel === 'people' && <PeoplePanel state={state} displayName={displayName} onClose={() => setPanel('none')} />}
        {panel === 'devices' && <DevicesPanel session={session} onClose={() => setPanel('none')} />}
        {panel === 'quality' && <QualityPanel session={session} state={state} onClose={() => setPanel('none')} />}
        {panel === 'chat' && <ChatPanel loaded={chat.loaded} state={chat.state} onClose={() => setPanel('none')} />}
        {panel === 'info' && <MeetingInfoPanel info={meeting} state={state} onClose={() => setPanel('none')} />}
      </div>
      <CaptionsBanner session={session} state={state} onCaptionLanguage={onCaptionLanguage} />
      <footer class="meeting__footer">
        <Controls session={session} state={state} panel={panel} onPanel={setPanel} onNeedConsent={() => setConsentDismissed(false)} chat={chat.state} />
      </footer>
      {showConsent && (
        <ConsentDialog
          onAgree={() => {
            setConsentDismissed(true);
            void session.grantConsent();
          }}
          onLater={() => setConsentDismissed(true)}
        />
      )}
    </main>
  );
}
