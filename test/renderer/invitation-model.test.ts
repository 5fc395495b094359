// The join screen's description of an invitation's meeting: day words and times in the guest's
// language and time zone, and the meeting's timing.
import { describe, expect, it } from 'vitest';
import { allowsFallback, meetingTiming, meetingWhen } from '../../renderer/join/invitation-model';

const meeting = { subject: 'Review', organizer: 'Dana', startsAt: '2026-12-02T06:00:00Z', endsAt: '2026-12-02T07:00:00Z' };
const at = (iso: string) => Date.parse(iso);

describe('meetingWhen', () => {
  it('says today, in the guest’s time zone and language', () => {
    expect(meetingWhen(meeting, 'en', at('2026-12-02T01:00:00Z'), 'Asia/Seoul')).toEqual({
      day: 'today',
      date: 'Wednesday, December 2',
      time: '3:00 PM',
      endTime: '4:00 PM',
    });
    const ko = meetingWhen(meeting, 'ko', at('2026-12-02T01:00:00Z'), 'Asia/Seoul');
    // Node's ICU here may lack Korean data ("PM 3:00"); Chromium says "오후 3:00". Either way: 3 o'clock today.
    expect([ko.day, ko.time.includes('3:00')]).toEqual(['today', true]);
  });

  it('counts days in the guest’s zone, not in UTC', () => {
    // 06:00 UTC is still 1 December in Los Angeles; at 23:00 there on 30 November it is tomorrow.
    expect(meetingWhen(meeting, 'en', at('2026-12-01T07:00:00Z'), 'America/Los_Angeles').day).toBe('tomorrow');
    expect(meetingWhen(meeting, 'en', at('2026-12-02T09:00:00Z'), 'America/Los_Angeles').day).toBe('yesterday');
    expect(meetingWhen(meeting, 'en', at('2026-12-05T09:00:00Z'), 'UTC')).toMatchObject({ day: 'date', date: 'Wednesday, December 2' });
  });
});

describe('meetingTiming', () => {
  it.each([
    ['2026-12-02T05:00:00Z', 'later'],
    ['2026-12-02T05:45:00Z', 'startsSoon'],
    ['2026-12-02T06:00:00Z', 'started'],
    ['2026-12-02T06:59:59Z', 'started'],
    ['2026-12-02T07:00:00Z', 'ended'],
  ])('at %s: %s', (now, timing) => {
    expect(meetingTiming(meeting, at(now))).toBe(timing);
  });
});

describe('allowsFallback', () => {
  it('joins by the carried Teams link only when the service could not be asked', () => {
    expect(['unreachable', 'offline', 'timeout', 'serviceError'].every((e) => allowsFallback(e as never))).toBe(true);
    expect(['revoked', 'expired', 'unknownInvitation', 'locked', 'notJoinable'].some((e) => allowsFallback(e as never))).toBe(false);
  });
});
