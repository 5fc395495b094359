// Process: common (main and renderer). The meeting mini window's state outside a meeting: it
// exists only in one. Shared so both sides mean the same thing by "not in a meeting".
import type { MiniWindowState } from './ipc-contract';

export const NOT_IN_MEETING: MiniWindowState = Object.freeze({ inMeeting: false, sharing: false, muted: true, canUnmute: true, videoOn: false, canTurnVideoOn: true, speaker: null });
