// Process: renderer. The "Share screen" / "Stop sharing" control in the meeting's control bar.
// Like the other controls, a share the meeting forbids stays focusable (aria-disabled) and says
// why; Teams' shortcut (Ctrl/Cmd+Shift+E) works wherever the focus is.
import './share.css';
import { useEffect, useRef } from 'preact/hooks';
import type { CallSession, CallState } from '../calling/call-model';
import { useObservable } from '../components/use-observable';
import { useT } from '../i18n';
import { SHARE_OFF } from './share-model';

export function ShareIcon({ stop }: { stop?: boolean }) {
  return (
    <svg class="micon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d="M3 5h18v11H3zM8 20h8M12 16v4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
      <path d={stop ? 'M9.5 8.5l5 5M14.5 8.5l-5 5' : 'M12 13.5V8M9.5 10.5 12 8l2.5 2.5'} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export interface ShareButtonProps {
  session: CallSession;
  state: CallState;
  /** The meeting needs the guest's consent to recording first (opens the consent prompt). */
  onNeedConsent?: () => void;
}

export function ShareButton({ session, state, onNeedConsent }: ShareButtonProps) {
  const t = useT();
  const share = useObservable(session.screenShare, SHARE_OFF);
  const sharing = share.status === 'on';
  const starting = share.status === 'starting';
  const capability = state.capabilities.shareScreen;
  const blocked = !sharing && !capability.allowed && capability.reason !== 'none' ? `${t('meeting.capability.shareScreen')} ${t(`meeting.reason.${capability.reason}`)}` : '';

  const toggle = () => {
    if (blocked) {
      if (capability.reason === 'consent') onNeedConsent?.();
      return;
    }
    if (sharing) void session.stopScreenShare();
    else if (!starting) void session.startScreenShare();
  };
  const latest = useRef(toggle);
  latest.current = toggle;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || !event.shiftKey || event.altKey || event.key.toLowerCase() !== 'e') return;
      event.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div class="control">
      <button
        type="button"
        id="control-share"
        class={`control__button ${sharing ? 'control__button--active' : ''} ${blocked ? 'is-blocked' : ''}`}
        aria-disabled={blocked || starting ? 'true' : undefined}
        aria-describedby={blocked ? 'control-share-reason' : undefined}
        aria-keyshortcuts="Control+Shift+E Meta+Shift+E"
        data-sharing={share.status}
        onClick={toggle}
      >
        <ShareIcon stop={sharing} />
        <span class="control__label">{sharing ? t('share.stop') : starting ? t('share.starting') : t('share.start')}</span>
      </button>
      {blocked && (
        <span id="control-share-reason" role="tooltip" class="control__reason">
          {blocked}
        </span>
      )}
    </div>
  );
}
