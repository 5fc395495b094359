// Process: renderer. In the meeting, above the stage: "You are sharing …" with Stop while the
// guest shares; why sharing did not start (permission, blocked by the OS, not in the meeting yet);
// that it stopped because what was shared closed. It also keeps main's always-on-top sharing
// controls in step (what they show) and carries out what the guest presses there.
import './share.css';
import { useEffect } from 'preact/hooks';
import type { ShareControlsState } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import type { CallSession, CallState } from '../calling/call-model';
import { Button } from '../components/Button';
import { useObservable } from '../components/use-observable';
import { useT } from '../i18n';
import { shareAppInfo } from './share-app';
import { SHARE_OFF, shareControlsStateOf, type ScreenShareState } from './share-model';

const NOT_SHARING: ShareControlsState = { sharing: false, muted: true, canUnmute: true, speaker: null };

/** Tells main what the sharing controls show, and does what the guest pressed in them. */
export function useShareControlsRelay(session: CallSession, state: CallState, share: ScreenShareState): void {
  const controls = shareControlsStateOf(state, share);
  const key = `${controls.sharing}|${controls.muted}|${controls.canUnmute}|${controls.speaker ?? ''}`;
  useEffect(() => {
    void bridge.setShareControls(controls).catch(() => undefined);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key is controls by value
  }, [key]);
  useEffect(() => () => void bridge.setShareControls(NOT_SHARING).catch(() => undefined), []);
  useEffect(
    () =>
      bridge.on.shareControlRequested((action) => {
        if (action === 'stopSharing') void session.stopScreenShare();
        else if (action === 'toggleMute') {
          const current = session.state.get();
          if (current.local.muted && !current.capabilities.unmuteMic.allowed) return;
          void session.toggleMicrophone();
        }
      }),
    [session],
  );
}

export function SharingBanner({ session, state }: { session: CallSession; state: CallState }) {
  const t = useT();
  const share = useObservable(session.screenShare, SHARE_OFF);
  useShareControlsRelay(session, state, share);
  const { productName: app, platform } = shareAppInfo();

  if (share.status === 'on') {
    return (
      <div class="share-banner" role="status" data-testid="sharing-banner">
        <span class="share-banner__dot" aria-hidden="true" />
        <p class="share-banner__text">
          <strong>{share.sourceName ? t('share.banner.sharingNamed', { name: share.sourceName }) : t('share.banner.sharing')}</strong>
          {t('share.banner.note')}
        </p>
        <Button variant="primary" onClick={() => void session.stopScreenShare()}>
          {t('share.stop')}
        </Button>
      </div>
    );
  }
  if (share.error) {
    return (
      <div class="share-banner share-banner--error" role="alert" data-testid="share-error" data-error={share.error}>
        <p class="share-banner__text">{t(`share.error.${share.error}`, { app })}</p>
        {share.error === 'blocked' && (platform === 'darwin' || platform === 'win32') && (
          <Button icon="external" onClick={() => void bridge.openMediaSettings('screen')}>
            {t('share.permission.open')}
          </Button>
        )}
        <Button variant="quiet" onClick={() => session.dismissScreenShareMessage()}>
          {t('share.error.dismiss')}
        </Button>
      </div>
    );
  }
  if (share.endedBySource) {
    return (
      <div class="share-banner share-banner--info" role="status" data-testid="share-ended">
        <p class="share-banner__text">{t('share.ended.sourceClosed')}</p>
        <Button variant="quiet" onClick={() => session.dismissScreenShareMessage()}>
          {t('share.error.dismiss')}
        </Button>
      </div>
    );
  }
  return null;
}
