// Process: renderer (meeting window). Keeps main's mini window in step with the meeting (what it
// shows) and carries out what the guest pressed in it: mute, camera, leave. Main decides when the
// window shows; this only reports.
import { useEffect } from 'preact/hooks';
import { bridge } from '../bridge';
import type { CallSession, CallState } from '../calling/call-model';
import { useObservable } from '../components/use-observable';
import { SHARE_OFF } from '../share/share-model';
import { miniWindowKey, miniWindowStateOf } from './mini-window-model';
import { NOT_IN_MEETING } from '../../common/mini-window';

export function useMiniWindowRelay(session: CallSession, state: CallState): void {
  const share = useObservable(session.screenShare, SHARE_OFF);
  const mini = miniWindowStateOf(state, share);
  const key = miniWindowKey(mini);
  useEffect(() => {
    void bridge.setMiniWindow(mini).catch(() => undefined);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- key is mini by value
  }, [key]);
  useEffect(() => () => void bridge.setMiniWindow(NOT_IN_MEETING).catch(() => undefined), []);
  useEffect(
    () =>
      bridge.on.miniWindowRequested((action) => {
        const current = session.state.get();
        if (action === 'leave') void session.leave();
        else if (action === 'toggleMute') {
          if (current.local.muted && !current.capabilities.unmuteMic.allowed) return;
          void session.toggleMicrophone();
        } else {
          if (!current.local.videoOn && !current.capabilities.turnVideoOn.allowed) return;
          void session.toggleCamera();
        }
      }),
    [session],
  );
}
