// Process: main. Which window may call which channel. The sharing controls and the meeting's mini
// window are second pages of our own origin in windows of their own; each gets exactly two
// channels (its first paint, and a button press) and nothing else, while the meeting window gets
// every channel but those. A compromised controls page can therefore ask to stop sharing or to
// toggle mute, a compromised mini window to toggle mute or camera, leave, or show the meeting,
// and no more.
import type { InvokeName } from '../../common/ipc-contract';
import type { SenderCheck } from '../ipc/ipc-manager';

export const SHARE_CONTROLS_CHANNELS: ReadonlySet<InvokeName> = new Set<InvokeName>(['shareControlsReady', 'shareControlAction']);
export const MINI_WINDOW_CHANNELS: ReadonlySet<InvokeName> = new Set<InvokeName>(['miniWindowReady', 'miniWindowAction']);

const nobody: SenderCheck = () => false;

/** Routes each channel to the sender check of the one window allowed to use it (no mini window: its channels are refused). */
export function trustByChannel(meetingWindow: SenderCheck, controlsWindow: SenderCheck, miniWindow: SenderCheck = nobody): SenderCheck {
  return (event, name) => {
    if (SHARE_CONTROLS_CHANNELS.has(name)) return controlsWindow(event, name);
    if (MINI_WINDOW_CHANNELS.has(name)) return miniWindow(event, name);
    return meetingWindow(event, name);
  };
}
