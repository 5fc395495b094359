// Process: renderer. Screen sharing as the views see it, pure (no SDK): the guest's own share,
// what a failure to start means for the guest, and what the always-on-top controls show. The
// calling module (renderer/calling/screen-share.ts) keeps a ScreenShareState; the views read it.
import type { ShareControlsState } from '../../common/ipc-contract';
import type { CallState } from '../calling/call-model';
import type { CaptureOutcome } from './capture-outcome';

/** Why sharing did not start (each has a `share.error.<kind>` message). */
export type ShareErrorKind = 'permission' | 'blocked' | 'notConnected' | 'failed';

export interface ScreenShareState {
  readonly status: 'off' | 'starting' | 'on';
  /** What the guest chose in the picker ('' when the OS picker chose, e.g. macOS or Wayland). */
  readonly sourceName: string;
  /** Why the last attempt failed, until dismissed or the next attempt. */
  readonly error: ShareErrorKind | null;
  /** The share ended on its own: the shared window or screen went away. */
  readonly endedBySource: boolean;
}

export const SHARE_OFF: ScreenShareState = Object.freeze({ status: 'off', sourceName: '', error: null, endedBySource: false });

/**
 * What a rejected startScreenSharing() means for the guest; null when there is nothing to say:
 * the guest cancelled (the picker noted it), or sharing is on after all.
 */
export function shareErrorOf(error: unknown, outcome: CaptureOutcome | null): ShareErrorKind | null {
  const { code, subCode } = (error ?? {}) as { code?: unknown; subCode?: unknown };
  if (subCode === 41035 || subCode === 60600) return null; // already sharing
  if (subCode === 41071) return 'notConnected';
  if (subCode === 43016) return 'blocked';
  if (outcome?.kind === 'cancelled') return null;
  if (subCode === 43001 || subCode === 60603 || code === 403) return 'permission';
  if (error instanceof DOMException && error.name === 'NotAllowedError') return 'permission';
  return 'failed';
}

/** Who the controls name as speaking: the main speaker if they speak, else anyone speaking. */
export function speakerName(state: CallState): string | null {
  const dominant = state.dominantSpeakers[0];
  const main = dominant ? state.participants.get(dominant) : undefined;
  if (main?.speaking) return main.name || null;
  for (const participant of state.participants.values()) if (participant.speaking) return participant.name || null;
  return null;
}

/** What the sharing controls window shows, from the call and the share. */
export function shareControlsStateOf(call: CallState | null, share: ScreenShareState): ShareControlsState {
  if (!call || share.status !== 'on' || call.phase === 'ended') return { sharing: false, muted: true, canUnmute: true, speaker: null };
  return {
    sharing: true,
    muted: call.local.muted,
    canUnmute: call.capabilities.unmuteMic.allowed,
    speaker: speakerName(call),
  };
}

/**
 * The remote participant whose screen takes the stage. Teams lets one person present at a time
 * (a new presenter takes over), so this is mostly the only sharer; should two overlap, the one on
 * the stage stays there until they stop, and then whoever joined the meeting first.
 */
export function presenterOf(state: CallState, previous: string | null): string | null {
  const sharing = [...state.participants.values()].filter((p) => p.screenShareAvailable);
  if (sharing.length === 0) return null;
  if (previous && sharing.some((p) => p.id === previous)) return previous;
  sharing.sort((a, b) => a.joinSeq - b.joinSeq);
  return sharing[0].id;
}
