// Process: renderer. The meeting's control bar: microphone, camera, share, raise hand, reactions,
// captions, chat, people, devices, leave. A control the meeting forbids stays focusable (aria-disabled) and says why; Teams'
// shortcuts (Ctrl/Cmd+Shift+M, Ctrl/Cmd+Shift+O) work wherever the focus is.
import { useEffect, useRef } from 'preact/hooks';
import type { CallSession, CallState } from '../calling/call-model';
import type { ChatState } from '../chat/chat-model';
import { useObservablePart, type Readable } from '../components/use-observable';
import { useT } from '../i18n';
import { ShareButton } from '../share/ShareButton';
import { capabilityText } from './capability-text';
import { MeetingIcon, type MeetingIconName } from './icons';
import { ChatButton } from './chat/ChatButton';
import { ReactionsButton } from './reactions/ReactionsButton';

export type Panel = 'none' | 'people' | 'devices' | 'quality' | 'chat' | 'info';

interface ControlButtonProps {
  id: string;
  icon: MeetingIconName;
  label: string;
  onClick: () => void;
  /** Why it cannot be used now; makes the button aria-disabled. */
  blocked?: string;
  expanded?: boolean;
  controls?: string;
  shortcut?: string;
  tone?: 'danger' | 'active';
  disabled?: boolean;
}

function ControlButton({ id, icon, label, onClick, blocked, expanded, controls, shortcut, tone, disabled }: ControlButtonProps) {
  const reasonId = `${id}-reason`;
  return (
    <div class="control">
      <button
        type="button"
        id={id}
        class={`control__button ${tone ? `control__button--${tone}` : ''} ${blocked ? 'is-blocked' : ''}`}
        aria-disabled={blocked ? 'true' : undefined}
        aria-describedby={blocked ? reasonId : undefined}
        aria-expanded={expanded === undefined ? undefined : expanded ? 'true' : 'false'}
        aria-controls={expanded ? controls : undefined}
        aria-keyshortcuts={shortcut}
        disabled={disabled}
        onClick={onClick}
      >
        <MeetingIcon name={icon} />
        <span class="control__label">{label}</span>
      </button>
      {blocked && (
        <span id={reasonId} role="tooltip" class="control__reason">
          {blocked}
        </span>
      )}
    </div>
  );
}

/** The captions button's whole state in one value: it re-renders when that changes, not per caption line. */
const captionsButtonOf = (state: CallState): 'none' | 'off' | 'starting' | 'on' =>
  !state.captions.available ? 'none' : state.captions.starting ? 'starting' : state.captions.active ? 'on' : 'off';

function CaptionsButton({ session }: { session: CallSession }) {
  const t = useT();
  const captions = useObservablePart(session.state, captionsButtonOf);
  if (captions === 'none') return null;
  return (
    <ControlButton
      id="control-captions"
      icon="captions"
      label={captions === 'starting' ? t('captions.button.starting') : captions === 'on' ? t('captions.button.off') : t('captions.button.on')}
      tone={captions === 'on' ? 'active' : undefined}
      onClick={() => void (captions === 'on' || captions === 'starting' ? session.captions.stop() : session.captions.start())}
    />
  );
}

export interface ControlsProps {
  session: CallSession;
  state: CallState;
  /** The lobby shows microphone, camera and leave only. */
  compact?: boolean;
  panel?: Panel;
  onPanel?: (panel: Panel) => void;
  /** The guest pressed a control that needs their consent to recording first. */
  onNeedConsent?: () => void;
  /** The meeting chat (the button's unread count); no chat button without it. */
  chat?: Readable<ChatState>;
}

export function Controls({ session, state, compact, panel = 'none', onPanel, onNeedConsent, chat }: ControlsProps) {
  const t = useT();
  const { local } = state;
  const micBlocked = local.muted ? capabilityText(t, state, 'unmuteMic') : '';
  const cameraBlocked = local.videoOn ? '' : capabilityText(t, state, 'turnVideoOn');
  const handBlocked = local.handRaised ? '' : capabilityText(t, state, 'raiseHand');

  const toggleMic = () => {
    if (micBlocked) {
      if (state.capabilities.unmuteMic.reason === 'consent') onNeedConsent?.();
      return;
    }
    void session.setMicrophone(local.muted);
  };
  const toggleCamera = () => {
    if (cameraBlocked) {
      if (state.capabilities.turnVideoOn.reason === 'consent') onNeedConsent?.();
      return;
    }
    void session.setCamera(!local.videoOn);
  };

  // Shortcuts: the latest handlers, without re-subscribing on every render. A shortcut pressed
  // again before the screen caught up flips the call's live state, not the one on screen.
  const shortcut = {
    toggleMic: () => (micBlocked ? toggleMic() : void session.toggleMicrophone()),
    toggleCamera: () => (cameraBlocked ? toggleCamera() : void session.toggleCamera()),
  };
  const handlers = useRef(shortcut);
  handlers.current = shortcut;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 'm') handlers.current.toggleMic();
      else if (key === 'o') handlers.current.toggleCamera();
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const togglePanel = (which: Panel) => onPanel?.(panel === which ? 'none' : which);

  return (
    <div class="controls" role="group" aria-label={t('meeting.region.controls')}>
      <ControlButton
        id="control-mic"
        icon={local.muted ? 'micOff' : 'mic'}
        label={local.muted ? t('meeting.mic.unmute') : t('meeting.mic.mute')}
        blocked={micBlocked}
        shortcut="Control+Shift+M Meta+Shift+M"
        tone={local.muted ? undefined : 'active'}
        onClick={toggleMic}
      />
      <ControlButton
        id="control-camera"
        icon={local.videoOn ? 'camera' : 'cameraOff'}
        label={local.videoOn ? t('meeting.camera.off') : t('meeting.camera.on')}
        blocked={cameraBlocked}
        shortcut="Control+Shift+O Meta+Shift+O"
        tone={local.videoOn ? 'active' : undefined}
        onClick={toggleCamera}
      />
      {!compact && <ShareButton session={session} state={state} onNeedConsent={onNeedConsent} />}
      {!compact && (
        <ControlButton
          id="control-hand"
          icon="hand"
          label={local.handRaised ? t('meeting.hand.lower') : t('meeting.hand.raise')}
          blocked={handBlocked}
          tone={local.handRaised ? 'active' : undefined}
          onClick={() => {
            if (!handBlocked) void session.setHandRaised(!local.handRaised);
          }}
        />
      )}
      {!compact && <ReactionsButton session={session} state={state} />}
      {!compact && <CaptionsButton session={session} />}
      {!compact && chat && <ChatButton open={panel === 'chat'} chat={chat} onClick={() => togglePanel('chat')} />}
      {!compact && (
        <ControlButton
          id="control-people"
          icon="people"
          label={t('meeting.people')}
          expanded={panel === 'people'}
          controls="people-panel"
          onClick={() => togglePanel('people')}
        />
      )}
      <ControlButton
        id="control-devices"
        icon="devices"
        label={t('meeting.devices')}
        expanded={panel === 'devices'}
        controls="devices-panel"
        onClick={() => togglePanel('devices')}
      />
      <ControlButton
        id="control-leave"
        icon="leave"
        label={local.leaving ? t('meeting.leaving') : t('meeting.leave')}
        tone="danger"
        disabled={local.leaving}
        onClick={() => void session.leave()}
      />
    </div>
  );
}
