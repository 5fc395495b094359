// The call-quality slice: levels from round-trip time, loss and jitter; hysteresis that needs
// several samples to change what is shown (no flicker); advice only once poor quality lasts; the
// guest's choices; and its composition into the call model through prefixed events.
import { describe, expect, it } from 'vitest';
import { applyEvents, initialCallState } from '../../renderer/calling/call-model';
import {
  ADVICE_AFTER,
  IMPROVE_AFTER,
  WORSEN_AFTER,
  adviceOf,
  applyMediaStatsEvent,
  initialMediaStatsState,
  nextQuality,
  overallLevel,
  rawLevel,
  remoteVideoLimit,
  type DirectionReading,
  type MediaStatsReading,
  type MediaStatsState,
  type QualityLevel,
} from '../../renderer/calling/features/media-stats-model';

const GOOD: DirectionReading = { active: true, rttMs: 40, lossPercent: 0, jitterMs: 5 };
const FAIR: DirectionReading = { active: true, rttMs: 250, lossPercent: 1, jitterMs: 5 };
const POOR: DirectionReading = { active: true, rttMs: 90, lossPercent: 15, jitterMs: 5 };
const VIDEO = { width: 1280, height: 720, frameRate: 30 };

const sample = (send: DirectionReading, receive: DirectionReading = send): { type: 'mediaStats/sample'; reading: MediaStatsReading } => ({
  type: 'mediaStats/sample',
  reading: { send, receive },
});

const times = (n: number, reading: DirectionReading): DirectionReading[] => Array.from({ length: n }, () => reading);

function feed(state: MediaStatsState, readings: DirectionReading[], receive?: DirectionReading): MediaStatsState {
  for (const reading of readings) state = applyMediaStatsEvent(state, sample(reading, receive ?? reading));
  return state;
}

/** The shown send level after each of `raws`, starting from `from` shown. */
function shownAfter(from: QualityLevel, raws: QualityLevel[]): QualityLevel[] {
  let quality = nextQuality(nextQuality({ level: 'unknown', streak: 0, toward: null, poorSamples: 0 }, from), from);
  return raws.map((raw) => (quality = nextQuality(quality, raw)).level);
}

describe('media stats slice', () => {
  it('judges one direction by its worst measure, and nothing flowing as unknown', () => {
    expect(rawLevel(GOOD)).toBe('good');
    expect(rawLevel(FAIR)).toBe('fair');
    expect(rawLevel(POOR)).toBe('poor');
    expect(rawLevel({ active: true, jitterMs: 80 })).toBe('poor');
    expect(rawLevel({ active: true, rttMs: 199.9, lossPercent: 1.99, jitterMs: 29 })).toBe('good');
    expect(rawLevel({ active: true, rttMs: 500 })).toBe('poor');
    expect(rawLevel({ active: false, rttMs: 900 })).toBe('unknown');
    expect(rawLevel({ active: true })).toBe('unknown');
  });

  it('shows the first data at once, then changes only after samples agree: worse after 3, better after 5', () => {
    expect(WORSEN_AFTER).toBe(3);
    expect(IMPROVE_AFTER).toBe(5);
    expect(shownAfter('good', ['poor', 'poor', 'poor'])).toEqual(['good', 'good', 'poor']);
    expect(shownAfter('poor', ['good', 'good', 'good', 'good', 'good'])).toEqual(['poor', 'poor', 'poor', 'poor', 'good']);
    // One good sample breaks a run of poor ones: the count starts again.
    expect(shownAfter('good', ['poor', 'poor', 'good', 'poor', 'poor', 'poor'])).toEqual(['good', 'good', 'good', 'good', 'good', 'poor']);
  });

  it('does not flicker on a noisy line: alternating samples settle on the level nearest the shown one', () => {
    // Good shown; fair and poor alternate: both are worse, so it moves, but only to fair.
    expect(shownAfter('good', ['fair', 'poor', 'fair'])).toEqual(['good', 'good', 'fair']);
    // Poor shown; good and fair alternate: better, but only as far as fair.
    expect(shownAfter('poor', ['good', 'fair', 'good', 'fair', 'good'])).toEqual(['poor', 'poor', 'poor', 'poor', 'fair']);
    // Good and poor alternating one by one never moves it.
    expect(shownAfter('good', ['poor', 'good', 'poor', 'good', 'poor', 'good'])).toEqual(Array(6).fill('good'));
  });

  it('keeps sending and receiving apart, and shows the worse of the two at a glance', () => {
    const state = feed(initialMediaStatsState, [GOOD, GOOD, GOOD, GOOD], POOR);
    expect(state.send.level).toBe('good');
    expect(state.receive.level).toBe('poor');
    expect(overallLevel(state)).toBe('poor');
    expect(overallLevel(initialMediaStatsState)).toBe('unknown');
  });

  it('advises only once poor quality has lasted, and only what applies', () => {
    let state = feed(initialMediaStatsState, [GOOD]);
    const poorReceiving = { ...POOR, video: VIDEO };
    state = feed(state, times(WORSEN_AFTER, GOOD), poorReceiving);
    state = feed(state, times(WORSEN_AFTER, POOR), poorReceiving);
    expect(state.receive.level).toBe('poor');
    expect(adviceOf(state, { videoOn: true })).toEqual([]);
    state = feed(state, times(ADVICE_AFTER, POOR), poorReceiving);
    expect(adviceOf(state, { videoOn: true })).toEqual(['turnOffIncomingVideo', 'turnOffCamera', 'moveCloserToWifi']);
    // Camera off: nothing to turn off on the sending side.
    expect(adviceOf(state, { videoOn: false })).toEqual(['turnOffIncomingVideo', 'moveCloserToWifi']);
    // Incoming video already off: not suggested again.
    const videoOff = applyMediaStatsEvent(state, { type: 'mediaStats/incomingVideo', on: false });
    expect(videoOff.incomingVideoOff).toBe(true);
    expect(remoteVideoLimit(videoOff, 9)).toBe(0);
    expect(remoteVideoLimit(state, 9)).toBe(9);
    expect(adviceOf(videoOff, { videoOn: false })).toEqual(['moveCloserToWifi']);
    // Dismissed: gone while it stays poor; back after it recovered and fell again.
    let dismissed = applyMediaStatsEvent(state, { type: 'mediaStats/dismissAdvice' });
    expect(adviceOf(dismissed, { videoOn: true })).toEqual([]);
    dismissed = feed(dismissed, times(20, POOR));
    expect(adviceOf(dismissed, { videoOn: true })).toEqual([]);
    dismissed = feed(dismissed, times(IMPROVE_AFTER, GOOD));
    expect(dismissed.adviceDismissed).toBe(false);
    dismissed = feed(dismissed, times(WORSEN_AFTER + ADVICE_AFTER, POOR));
    expect(adviceOf(dismissed, { videoOn: false })).toEqual(['moveCloserToWifi']);
  });

  it('returns the same object when nothing changed', () => {
    const available = applyMediaStatsEvent(initialMediaStatsState, { type: 'mediaStats/available', available: true });
    expect(applyMediaStatsEvent(available, { type: 'mediaStats/available', available: true })).toBe(available);
    expect(applyMediaStatsEvent(available, { type: 'mediaStats/incomingVideo', on: true })).toBe(available);
    const good = nextQuality(nextQuality({ level: 'unknown', streak: 0, toward: null, poorSamples: 0 }, 'good'), 'good');
    expect(nextQuality(good, 'good')).toBe(good);
  });

  it('is composed into the call model through its prefixed events', () => {
    const state = initialCallState({ muted: true, videoOn: false, now: 0 });
    const next = applyEvents(state, [{ type: 'mediaStats/available', available: true }, sample(GOOD, POOR)]);
    expect(next.mediaStats.available).toBe(true);
    expect(next.mediaStats.latest).toEqual({ send: GOOD, receive: POOR });
    expect(next.mediaStats.receive.level).toBe('poor');
    expect(applyEvents(next, [{ type: 'mediaStats/available', available: true }])).toBe(next);
  });
  it('starts unavailable with no advice dismissed, and takes the first poor sample as the start of a poor stretch', () => {
    expect(initialMediaStatsState).toMatchObject({ available: false, adviceDismissed: false, incomingVideoOff: false, latest: null });
    expect(nextQuality(initialMediaStatsState.send, 'poor')).toEqual({ level: 'poor', streak: 0, toward: null, poorSamples: 1 });
    expect(nextQuality(initialMediaStatsState.send, 'fair')).toEqual({ level: 'fair', streak: 0, toward: null, poorSamples: 0 });
    // Shown poor once three samples agreed: those count as the first poor sample of the stretch.
    let quality = nextQuality(initialMediaStatsState.send, 'good');
    for (let i = 0; i < WORSEN_AFTER; i++) quality = nextQuality(quality, 'poor');
    expect(quality).toEqual({ level: 'poor', streak: 0, toward: null, poorSamples: 1 });
    for (let i = 0; i < WORSEN_AFTER; i++) quality = nextQuality(quality, 'fair');
    expect(quality.level).toBe('poor');
    for (let i = 0; i < IMPROVE_AFTER - WORSEN_AFTER; i++) quality = nextQuality(quality, 'fair');
    expect(quality).toEqual({ level: 'fair', streak: 0, toward: null, poorSamples: 0 });
  });

  it('reads a measure that is not a finite number as not measured, and its boundaries as the worse level', () => {
    expect(rawLevel({ active: true, rttMs: Number.POSITIVE_INFINITY })).toBe('unknown');
    expect(rawLevel({ active: true, rttMs: Number.NaN, lossPercent: Number.POSITIVE_INFINITY })).toBe('unknown');
    expect(rawLevel({ active: true, rttMs: 200 })).toBe('fair');
    expect(rawLevel({ active: true, lossPercent: 2 })).toBe('fair');
    expect(rawLevel({ active: true, jitterMs: 30 })).toBe('fair');
  });

  it('shows unknown at once when nothing flows any more, and then stays the same object', () => {
    const good = nextQuality(initialMediaStatsState.send, 'good');
    const gone = nextQuality(good, 'unknown');
    expect(gone).toEqual({ level: 'unknown', streak: 0, toward: null, poorSamples: 0 });
    expect(nextQuality(gone, 'unknown')).toBe(gone);
    expect(nextQuality(initialMediaStatsState.send, 'unknown')).toBe(initialMediaStatsState.send);
  });

  it('starts the count again when the samples turn the other way', () => {
    // Fair shown: a better sample between worse ones breaks their run (and the reverse).
    expect(shownAfter('fair', ['poor', 'good', 'poor', 'poor'])).toEqual(['fair', 'fair', 'fair', 'fair']);
    expect(shownAfter('fair', ['good', 'poor', 'poor', 'poor'])).toEqual(['fair', 'fair', 'fair', 'poor']);
    // Good shown, poor then fair then poor: worse three times, and the nearest of them is fair.
    expect(shownAfter('good', ['poor', 'fair', 'poor'])).toEqual(['good', 'good', 'fair']);
  });

  it('advises on one poor direction alone, from the ADVICE_AFTER-th poor sample, and keeps a dismissal while either stays poor', () => {
    const poorReceiving = { ...POOR, video: VIDEO };
    let state = feed(initialMediaStatsState, [GOOD], poorReceiving);
    expect(state.receive).toMatchObject({ level: 'poor', poorSamples: 1 });
    state = feed(state, times(ADVICE_AFTER - 2, GOOD), poorReceiving);
    expect(adviceOf(state, { videoOn: true })).toEqual([]);
    state = feed(state, [GOOD], poorReceiving);
    expect(state.receive.poorSamples).toBe(ADVICE_AFTER);
    expect(adviceOf(state, { videoOn: true })).toEqual(['turnOffIncomingVideo', 'moveCloserToWifi']);
    const dismissed = feed(applyMediaStatsEvent(state, { type: 'mediaStats/dismissAdvice' }), [GOOD], poorReceiving);
    expect(dismissed.adviceDismissed).toBe(true);
    let sending = feed(initialMediaStatsState, [POOR], GOOD);
    sending = feed(sending, times(ADVICE_AFTER - 1, POOR), GOOD);
    expect(adviceOf(sending, { videoOn: true })).toEqual(['turnOffCamera', 'moveCloserToWifi']);
    expect(feed(applyMediaStatsEvent(sending, { type: 'mediaStats/dismissAdvice' }), [POOR], GOOD).adviceDismissed).toBe(true);
  });
});
