// Process: renderer (pure). The join screen's rules, apart from the view: what makes a name
// valid, how a meeting is described, what the guest's devices allow.
import type { AccessState } from '../calling/model';
import type { InviteResult } from '../../common/meeting';
import { displayNameProblem, MAX_DISPLAY_NAME, type DisplayNameProblem } from '../../common/display-name';

/** Teams refuses longer display names (400/40215). Counted like the settings schema: UTF-16 units. */
export const MAX_NAME_LENGTH = MAX_DISPLAY_NAME;

export type NameProblem = DisplayNameProblem;

/** The token service's rule (common/display-name.ts), so the guest hears the problem here, not as a failed join. */
export const nameProblem = displayNameProblem;

/** A meeting as the guest can recognise it, without the passcode. */
export type MeetingSummary = { kind: 'link'; host: string } | { kind: 'meetingId'; id: string };

export function meetingSummary(invite: InviteResult | null): MeetingSummary | null {
  if (invite?.ok !== true) return null;
  if (invite.target.kind === 'meetingId') return { kind: 'meetingId', id: groupDigits(invite.target.meetingId) };
  return { kind: 'link', host: invite.host };
}

/** "234567890123" → "234 567 890 123", the way Teams prints meeting IDs. */
export function groupDigits(digits: string): string {
  return digits.replace(/\s/g, '').replace(/(\d{3})(?=\d)/g, '$1 ');
}

/** Up to two initials for the camera-off placeholder. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const first = [...words[0]][0] ?? '';
  const last = words.length > 1 ? ([...words[words.length - 1]][0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/**
 * Whether a device will be used when the guest joins: the guest's choice, unless the device is
 * blocked or missing. While access is still unknown the choice stands (the meeting screen asks).
 */
export function willUse(wanted: boolean, access: AccessState, hasDevice: boolean): boolean {
  if (!wanted) return false;
  if (access === 'unknown') return true;
  return access === 'granted' && hasDevice;
}
