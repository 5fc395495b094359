// Process: main. Which window may call which channel. The sharing controls are a second page of
// our own origin in a second window; they get exactly two channels (their first paint, and a
// button press) and nothing else, while the meeting window gets every channel but those two.
// A compromised controls page can therefore ask to stop sharing or to toggle mute, and no more.
import type { InvokeName } from '../../common/ipc-contract';
import type { SenderCheck } from '../ipc/ipc-manager';

export const SHARE_CONTROLS_CHANNELS: ReadonlySet<InvokeName> = new Set<InvokeName>(['shareControlsReady', 'shareControlAction']);

/** Routes each channel to the sender check of the one window allowed to use it. */
export function trustByChannel(meetingWindow: SenderCheck, controlsWindow: SenderCheck): SenderCheck {
  return (event, name) => (SHARE_CONTROLS_CHANNELS.has(name) ? controlsWindow(event, name) : meetingWindow(event, name));
}
