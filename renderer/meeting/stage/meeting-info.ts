// Process: renderer. What the meeting screen knows about the meeting it joined, for the header and
// the meeting info panel: its name (the invitation's subject, else the link's host), the link, and
// the meeting ID and passcode when the guest joined with them. Pure.
import type { MeetingTarget } from '../../../common/meeting';

export interface MeetingInfo {
  name: string;
  /** The Teams link the guest joined with ('' when they joined with an ID). */
  link: string;
  meetingId: string;
  passcode: string;
}

/** The numeric ID in a Teams short link (teams.microsoft.com/meet/<id>?p=...), else ''. */
function idInLink(link: string): string {
  try {
    const url = new URL(link);
    const match = /^\/meet\/(\d{6,20})$/.exec(url.pathname);
    return match ? match[1] : '';
  } catch {
    return '';
  }
}

/** The meeting's info from the join target, the invitation's subject (if any) and the link's host. */
export function meetingInfoOf(target: MeetingTarget, host: string, subject?: string): MeetingInfo {
  const name = subject?.trim() || host;
  if (target.kind === 'meetingId') return { name, link: '', meetingId: target.meetingId, passcode: target.passcode ?? '' };
  return { name, link: target.meetingLink, meetingId: idInLink(target.meetingLink), passcode: '' };
}

/** Digits of a meeting ID in groups of three, as Teams prints it ("123 456 789 012"). */
export function formatMeetingId(id: string): string {
  return /^\d+$/.test(id) ? id.replace(/(\d{3})(?=\d)/g, '$1 ') : id;
}
