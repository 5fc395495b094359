// Process: renderer (pure). How the join screen describes an invitation's meeting: when it is, in
// the guest's language and time zone ("Today at 15:00"), and whether it starts soon, has started
// or has ended. Also which failures still let the guest join by the Teams link their deep link
// carried. No SDK, no bridge: Node tests load it.
import type { InvitationFailure } from '../../common/ipc-contract';
import type { InvitationMeeting } from '../../common/invitation';

/** "Starts soon" within this long before the start. */
export const STARTS_SOON_MS = 15 * 60_000;

export type MeetingTiming = 'later' | 'startsSoon' | 'started' | 'ended';

export function meetingTiming(meeting: InvitationMeeting, nowMs: number): MeetingTiming {
  const start = Date.parse(meeting.startsAt);
  const end = Date.parse(meeting.endsAt);
  if (nowMs >= end) return 'ended';
  if (nowMs >= start) return 'started';
  return start - nowMs <= STARTS_SOON_MS ? 'startsSoon' : 'later';
}

export type MeetingDay = 'today' | 'tomorrow' | 'yesterday' | 'date';

export interface MeetingWhen {
  day: MeetingDay;
  /** The date, for 'date' ("Thursday, December 3"). */
  date: string;
  time: string;
  endTime: string;
}

/**
 * The meeting's start and end as the guest reads them. `timeZone` undefined means the system's
 * (the guest's own); tests pass one.
 */
export function meetingWhen(meeting: InvitationMeeting, locale: string, nowMs: number, timeZone?: string): MeetingWhen {
  const start = new Date(meeting.startsAt);
  const zone = timeZone === undefined ? {} : { timeZone };
  const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...zone });
  const dayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...zone });
  const daysApart = Math.round((Date.parse(dayKey.format(start)) - Date.parse(dayKey.format(new Date(nowMs)))) / 86_400_000);
  const day: MeetingDay = daysApart === 0 ? 'today' : daysApart === 1 ? 'tomorrow' : daysApart === -1 ? 'yesterday' : 'date';
  const date = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', ...zone }).format(start);
  return { day, date, time: time.format(start), endTime: time.format(new Date(meeting.endsAt)) };
}

/**
 * Failures where the invitation may still be valid and only the service could not be asked: then
 * a Teams link the deep link carried is joined instead. A revoked, expired, unknown or locked
 * invitation is never joined around.
 */
export function allowsFallback(error: InvitationFailure): boolean {
  return ['offline', 'unreachable', 'timeout', 'serviceError', 'badResponse', 'rateLimited', 'notConfigured'].includes(error);
}
