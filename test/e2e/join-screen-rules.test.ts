// The join screen's pure rules (no browser): name limits, how a meeting is named, device fallbacks,
// what the preview shows, the meter's scale and the speaker routing of the test sound.
import { describe, expect, it } from 'vitest';
import { pickDevice } from '../../renderer/calling/model';
import { sinkIdOf } from '../../renderer/media/device-choice';
import { MAX_NAME_LENGTH, groupDigits, initials, meetingSummary, nameProblem, willUse } from '../../renderer/join/join-model';
import { METER_STEPS, levelOfStep, meterFraction, meterStep } from '../../renderer/join/MicMeter';
import { previewState } from '../../renderer/join/PreviewPanel';

describe('join screen rules', () => {
  it('accepts trimmed names of 1 to 256 characters', () => {
    expect(nameProblem('')).toBe('empty');
    expect(nameProblem(' \t\n')).toBe('empty');
    expect(nameProblem('  Ada  ')).toBeNull();
    expect(nameProblem('가'.repeat(MAX_NAME_LENGTH))).toBeNull();
    expect(nameProblem(` ${'x'.repeat(MAX_NAME_LENGTH)} `)).toBeNull();
    expect(nameProblem('x'.repeat(MAX_NAME_LENGTH + 1))).toBe('tooLong');
    // The token service refuses control characters inside a name (a pasted tab), so the screen does too.
    expect(nameProblem('Ada\tLovelace')).toBe('controlCharacters');
    expect(nameProblem('Ada\u0000')).toBe('controlCharacters');
  });

  it('names a meeting by host or grouped meeting ID, never with its passcode', () => {
    expect(meetingSummary(null)).toBeNull();
    expect(meetingSummary({ ok: false, problem: 'empty' })).toBeNull();
    const link = meetingSummary({ ok: true, target: { kind: 'link', meetingLink: 'https://teams.microsoft.com/meet/1?p=secret' }, normalized: '', host: 'teams.microsoft.com' });
    expect(link).toEqual({ kind: 'link', host: 'teams.microsoft.com' });
    const id = meetingSummary({ ok: true, target: { kind: 'meetingId', meetingId: '2345678901234', passcode: 'secret' }, normalized: '', host: 'teams.microsoft.com' });
    expect(id).toEqual({ kind: 'meetingId', id: '234 567 890 123 4' });
    expect(JSON.stringify(id)).not.toContain('secret');
    expect(groupDigits('123 456789')).toBe('123 456 789');
  });

  it('makes initials for the camera-off picture', () => {
    expect(initials('Ada Lovelace')).toBe('AL');
    expect(initials('  grace  brewster  hopper ')).toBe('GH');
    expect(initials('김지민')).toBe('김');
    expect(initials('')).toBe('');
  });

  it('joins with a device only when it is wanted and usable', () => {
    expect(willUse(true, 'granted', true)).toBe(true);
    expect(willUse(true, 'unknown', false)).toBe(true);
    expect(willUse(true, 'denied', true)).toBe(false);
    expect(willUse(true, 'missing', false)).toBe(false);
    expect(willUse(false, 'granted', true)).toBe(false);
  });

  it('falls back from a remembered device to the default, then the first', () => {
    const list = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B' },
    ];
    expect(pickDevice(list, 'b', 'a')).toBe('b');
    expect(pickDevice(list, 'gone', 'a')).toBe('a');
    expect(pickDevice(list, 'gone', 'gone-too')).toBe('a');
    expect(pickDevice([], 'b')).toBeNull();
  });

  it('shows why there is no picture', () => {
    const base = { cameraOn: true, access: 'granted' as const, status: 'on' as const };
    expect(previewState(base)).toBe('on');
    expect(previewState({ ...base, status: 'starting' })).toBe('starting');
    expect(previewState({ ...base, cameraOn: false })).toBe('off');
    expect(previewState({ ...base, access: 'unknown', status: 'starting' })).toBe('loading');
    // The camera's first frame shows before the rest of access is known.
    expect(previewState({ ...base, access: 'unknown' })).toBe('on');
    expect(previewState({ ...base, access: 'denied' })).toBe('blocked');
    expect(previewState({ ...base, access: 'missing' })).toBe('missing');
    expect(previewState({ ...base, status: 'failed' })).toBe('failed');
  });

  it('scales the meter so quiet sound shows, and routes the test sound to the chosen output', () => {
    expect(meterFraction(0)).toBe(0);
    expect(meterFraction(1)).toBeGreaterThan(0.1);
    expect(meterFraction(50)).toBe(1);
    expect(meterFraction(100)).toBe(1);
    // The bar is drawn in steps: quiet sound is a few steps already, a change too small to see draws nothing.
    expect(meterStep(0)).toBe(0);
    expect(meterStep(1)).toBeGreaterThanOrEqual(4);
    expect(meterStep(50)).toBe(METER_STEPS);
    expect(meterStep(100)).toBe(METER_STEPS);
    expect(meterStep(20.05)).toBe(meterStep(20));
    expect(meterStep(30)).toBeGreaterThan(meterStep(20));
    // The bar is within half a step of the level, and what a step says (aria-valuenow, data-level) is the level it shows.
    for (const level of [0, 0.3, 1, 5, 20, 42]) {
      expect(Math.abs(meterStep(level) / METER_STEPS - meterFraction(level))).toBeLessThanOrEqual(0.5 / METER_STEPS);
      expect(meterFraction(levelOfStep(meterStep(level)))).toBeCloseTo(meterStep(level) / METER_STEPS, 9);
    }
    expect(sinkIdOf('91edaf02')).toBe('91edaf02');
    expect(sinkIdOf('default')).toBe('');
    // An id remembered by an older version, in the SDK's form.
    expect(sinkIdOf('speaker:91edaf02')).toBe('91edaf02');
    expect(sinkIdOf(null)).toBe('');
  });
});
