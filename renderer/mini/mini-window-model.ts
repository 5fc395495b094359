// Process: renderer. What the meeting's mini window shows, from the call: in the meeting or not,
// sharing (the sharing controls stand in then), the guest's microphone and camera and whether the
// meeting lets them turn each on, and who is on stage: the dominant speaker, else whoever speaks,
// else the first person in the gallery's order. Pure; no SDK, no DOM.
import type { MiniWindowState } from '../../common/ipc-contract';
import { galleryTop, initialsOf, type CallState, type Participant } from '../calling/call-model';
import type { ScreenShareState } from '../share/share-model';
import { NOT_IN_MEETING } from '../../common/mini-window';

function onStage(state: CallState): Participant | null {
  const dominant = state.dominantSpeakers[0];
  const main = dominant ? state.participants.get(dominant) : undefined;
  if (main) return main;
  for (const participant of state.participants.values()) if (participant.speaking) return participant;
  return galleryTop(state.participants, 1).top[0] ?? null;
}

export function miniWindowStateOf(call: CallState | null, share: ScreenShareState): MiniWindowState {
  // Only once in the meeting (not the lobby), and not during a breakout move.
  if (!call || (call.phase !== 'connected' && call.phase !== 'reconnecting')) return NOT_IN_MEETING;
  const speaker = onStage(call);
  return {
    inMeeting: true,
    sharing: share.status === 'on',
    muted: call.local.muted,
    canUnmute: call.capabilities.unmuteMic.allowed,
    videoOn: call.local.videoOn,
    canTurnVideoOn: call.capabilities.turnVideoOn.allowed,
    speaker: speaker ? { name: speaker.name, initials: initialsOf(speaker.name), speaking: speaker.speaking } : null,
  };
}

/** A key that changes exactly when what the mini window shows changes. */
export function miniWindowKey(state: MiniWindowState): string {
  const s = state.speaker;
  return [state.inMeeting, state.sharing, state.muted, state.canUnmute, state.videoOn, state.canTurnVideoOn, s?.name, s?.initials, s?.speaking].join('|');
}
