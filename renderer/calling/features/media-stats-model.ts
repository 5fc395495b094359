// Process: renderer. The call-quality slice of the call model (Features.MediaStats): one reading
// per sample the SDK reports (about one a second), turned into good / fair / poor separately for
// what the guest sends and what they receive. The level shown changes only after several samples
// agree (hysteresis), so one bad second does not flicker the indicator; poor quality that lasts
// brings advice. Events are prefixed `mediaStats/`. No SDK import, not even types: views and Node
// tests load it (features/media-stats.ts turns the SDK's samples into readings).

export type QualityLevel = 'unknown' | 'good' | 'fair' | 'poor';
export type Direction = 'send' | 'receive';
export type QualityAdvice = 'turnOffIncomingVideo' | 'turnOffCamera' | 'moveCloserToWifi';

/** Video as measured (the SDK's frame width/height and frame rate). */
export interface VideoReading {
  readonly width: number;
  readonly height: number;
  readonly frameRate: number;
}

/** One direction of one sample: the worst of its audio and video streams. Absent numbers were not reported. */
export interface DirectionReading {
  /** Whether any stream flows this way (nothing to judge otherwise). */
  readonly active: boolean;
  readonly rttMs?: number;
  /** Packets lost per packets expected, in percent, over the last second. */
  readonly lossPercent?: number;
  readonly jitterMs?: number;
  /** The best video stream this way (the guest's camera; the largest video received). */
  readonly video?: VideoReading;
}

export interface MediaStatsReading {
  readonly send: DirectionReading;
  readonly receive: DirectionReading;
  /** The transport's round-trip time (the connection itself), when reported: shown where a direction has none. */
  readonly rttMs?: number;
}

/** Where fair and poor begin (Microsoft's network guidance for Teams/ACS media: latency, loss, jitter). */
export const THRESHOLDS = {
  rttMs: { fair: 200, poor: 500 },
  lossPercent: { fair: 2, poor: 10 },
  jitterMs: { fair: 30, poor: 60 },
} as const;

/** Samples that must agree before the shown level gets worse, and before it gets better. */
export const WORSEN_AFTER = 3;
export const IMPROVE_AFTER = 5;
/** Samples of poor quality (shown) before advice appears (about 10 seconds). */
export const ADVICE_AFTER = 10;

export interface DirectionQuality {
  /** The level shown (after hysteresis). */
  readonly level: QualityLevel;
  /** Consecutive samples disagreeing with `level` in one direction (worse or better), and the level they point to. */
  readonly streak: number;
  readonly toward: QualityLevel | null;
  /** Consecutive samples while `level` has been poor. */
  readonly poorSamples: number;
}

export interface MediaStatsState {
  /** The feature is attached (the SDK offered media stats). */
  readonly available: boolean;
  readonly send: DirectionQuality;
  readonly receive: DirectionQuality;
  /** The latest reading, for the details panel. */
  readonly latest: MediaStatsReading | null;
  /** The guest turned incoming video off (the gallery then renders no remote cameras). */
  readonly incomingVideoOff: boolean;
  /** The guest dismissed the current advice; it comes back only after quality recovered and fell again. */
  readonly adviceDismissed: boolean;
}

export type MediaStatsEvent =
  | { type: 'mediaStats/available'; available: boolean }
  | { type: 'mediaStats/sample'; reading: MediaStatsReading }
  | { type: 'mediaStats/incomingVideo'; on: boolean }
  | { type: 'mediaStats/dismissAdvice' };

const UNKNOWN: DirectionQuality = Object.freeze({ level: 'unknown', streak: 0, toward: null, poorSamples: 0 });

export const initialMediaStatsState: MediaStatsState = {
  available: false,
  send: UNKNOWN,
  receive: UNKNOWN,
  latest: null,
  incomingVideoOff: false,
  adviceDismissed: false,
};

const SEVERITY: Record<QualityLevel, number> = { unknown: -1, good: 0, fair: 1, poor: 2 };

function levelOf(value: number | undefined, limits: { fair: number; poor: number }): QualityLevel {
  if (value === undefined || !Number.isFinite(value)) return 'unknown';
  return value >= limits.poor ? 'poor' : value >= limits.fair ? 'fair' : 'good';
}

/** The level of one direction in one sample: the worst of round-trip time, loss and jitter. */
export function rawLevel(reading: DirectionReading): QualityLevel {
  if (!reading.active) return 'unknown';
  const levels = [levelOf(reading.rttMs, THRESHOLDS.rttMs), levelOf(reading.lossPercent, THRESHOLDS.lossPercent), levelOf(reading.jitterMs, THRESHOLDS.jitterMs)];
  let worst: QualityLevel = 'unknown';
  for (const level of levels) if (SEVERITY[level] > SEVERITY[worst]) worst = level;
  return worst;
}

/**
 * One sample's level applied to the shown level. A different level is shown only after
 * WORSEN_AFTER (getting worse) or IMPROVE_AFTER (getting better) samples in a row point the same
 * way; it then moves to the level nearest the shown one among them, so alternating fair and poor
 * samples after good show fair. No data (unknown) shows unknown at once: there is nothing to judge.
 */
export function nextQuality(quality: DirectionQuality, raw: QualityLevel): DirectionQuality {
  if (raw === 'unknown') return quality === UNKNOWN ? quality : UNKNOWN;
  // The first data after none is shown at once.
  if (quality.level === 'unknown') return { level: raw, streak: 0, toward: null, poorSamples: raw === 'poor' ? 1 : 0 };
  const shown = quality.level;
  const poorSamples = shown === 'poor' ? quality.poorSamples + 1 : 0;
  if (raw === shown) return quality.streak === 0 && poorSamples === quality.poorSamples ? quality : { level: shown, streak: 0, toward: null, poorSamples };
  const worse = SEVERITY[raw] > SEVERITY[shown];
  const sameWay = quality.toward !== null && SEVERITY[quality.toward] > SEVERITY[shown] === worse;
  const streak = sameWay ? quality.streak + 1 : 1;
  // The level nearest the shown one among the streak's samples.
  const toward = sameWay && quality.toward !== null ? (worse ? minLevel(quality.toward, raw) : maxLevel(quality.toward, raw)) : raw;
  if (streak >= (worse ? WORSEN_AFTER : IMPROVE_AFTER)) return { level: toward, streak: 0, toward: null, poorSamples: toward === 'poor' ? 1 : 0 };
  return { level: shown, streak, toward, poorSamples };
}

const minLevel = (a: QualityLevel, b: QualityLevel) => (SEVERITY[a] <= SEVERITY[b] ? a : b);
const maxLevel = (a: QualityLevel, b: QualityLevel) => (SEVERITY[a] >= SEVERITY[b] ? a : b);

/** Applies one media-stats event; the same object back when nothing changed. */
export function applyMediaStatsEvent(state: MediaStatsState, event: MediaStatsEvent): MediaStatsState {
  switch (event.type) {
    case 'mediaStats/available':
      return state.available === event.available ? state : { ...state, available: event.available };
    case 'mediaStats/sample': {
      const send = nextQuality(state.send, rawLevel(event.reading.send));
      const receive = nextQuality(state.receive, rawLevel(event.reading.receive));
      // Advice dismissed stays dismissed while quality stays poor.
      const adviceDismissed = state.adviceDismissed && (send.level === 'poor' || receive.level === 'poor');
      return { ...state, send, receive, latest: event.reading, adviceDismissed };
    }
    case 'mediaStats/incomingVideo':
      return state.incomingVideoOff === !event.on ? state : { ...state, incomingVideoOff: !event.on };
    case 'mediaStats/dismissAdvice':
      return state.adviceDismissed ? state : { ...state, adviceDismissed: true };
  }
}

/** The worse of the two directions (what a one-glance indicator shows). */
export function overallLevel(state: MediaStatsState): QualityLevel {
  return maxLevel(state.send.level, state.receive.level);
}

/**
 * What to suggest once quality has been poor for ADVICE_AFTER samples, most effective first:
 * receiving badly → stop incoming video (if some is coming in); sending badly → turn the camera
 * off (if it is on); either → a better network. Empty when there is nothing to suggest.
 */
export function adviceOf(state: MediaStatsState, local: { videoOn: boolean }): QualityAdvice[] {
  if (state.adviceDismissed) return [];
  const receivePoor = state.receive.level === 'poor' && state.receive.poorSamples >= ADVICE_AFTER;
  const sendPoor = state.send.level === 'poor' && state.send.poorSamples >= ADVICE_AFTER;
  if (!receivePoor && !sendPoor) return [];
  const advice: QualityAdvice[] = [];
  if (receivePoor && !state.incomingVideoOff && state.latest?.receive.video) advice.push('turnOffIncomingVideo');
  if (sendPoor && local.videoOn) advice.push('turnOffCamera');
  advice.push('moveCloserToWifi');
  return advice;
}

/** How many remote cameras the gallery may render: none while the guest turned incoming video off. */
export function remoteVideoLimit(state: MediaStatsState, optimalVideoCount: number): number {
  return state.incomingVideoOff ? 0 : optimalVideoCount;
}
