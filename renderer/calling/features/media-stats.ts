// Process: renderer (SDK glue, type-only SDK import). Features.MediaStats: one collector per call;
// each `sampleReported` (about once a second) becomes one `mediaStats/sample` reading of what the
// guest sends and receives (media-stats-model.ts judges it). A direction's round-trip time is its
// own streams' (outgoing ones report it; incoming ones rarely do); the connection's (transport)
// round-trip time is kept apart, shown but not judged per direction. The summaries (`summaryReported`)
// are not used: the indicator needs the latest second, not minute-long aggregates. Detach removes
// the listener and disposes the collector. Also the guest's own choices about quality (incoming
// video off, advice dismissed), which only change the model.
import type {
  IncomingAudioMediaStats,
  IncomingVideoMediaStats,
  MediaStatsCallFeature,
  MediaStatsReportSample,
  OutgoingAudioMediaStats,
  OutgoingVideoMediaStats,
} from '@azure/communication-calling';
import { listen } from '../sdk-events';
import type { FeatureContext, FeatureHandle } from './feature-context';
import type { DirectionReading, MediaStatsReading, VideoReading } from './media-stats-model';

export interface MediaStatsHandle extends FeatureHandle {
  setIncomingVideo(on: boolean): void;
  dismissAdvice(): void;
}

/** The collector's options: the SDK aggregates summaries over these (seconds, points); samples come regardless. */
const COLLECTOR_OPTIONS = { aggregationInterval: 10, dataPointsPerAggregation: 6 };

type StreamStats = Pick<OutgoingAudioMediaStats<number, string>, 'rttInMs' | 'jitterInMs' | 'packetsPerSecond' | 'packetsLostPerSecond'>;

const finite = (value: number | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

function lossPercent(stream: StreamStats): number | undefined {
  const { packetsPerSecond: received, packetsLostPerSecond: lost } = stream;
  if (!finite(received) || !finite(lost)) return undefined;
  const expected = received + lost;
  return expected > 0 ? (100 * lost) / expected : 0;
}

function worst(values: Array<number | undefined>): number | undefined {
  const known = values.filter(finite);
  return known.length > 0 ? Math.max(...known) : undefined;
}

function direction(streams: StreamStats[], video: VideoReading | undefined): DirectionReading {
  if (streams.length === 0) return { active: false };
  const reading: { -readonly [K in keyof DirectionReading]: DirectionReading[K] } = { active: true };
  const rttMs = worst(streams.map((s) => s.rttInMs));
  const loss = worst(streams.map(lossPercent));
  const jitterMs = worst(streams.map((s) => s.jitterInMs));
  if (rttMs !== undefined) reading.rttMs = rttMs;
  if (loss !== undefined) reading.lossPercent = loss;
  if (jitterMs !== undefined) reading.jitterMs = jitterMs;
  if (video) reading.video = video;
  return reading;
}

function sentVideo(streams: OutgoingVideoMediaStats<number, string>[]): VideoReading | undefined {
  const best = streams.filter((s) => finite(s.frameWidthSent) && finite(s.frameHeightSent)).sort((a, b) => b.frameWidthSent! * b.frameHeightSent! - a.frameWidthSent! * a.frameHeightSent!)[0];
  return best ? { width: best.frameWidthSent!, height: best.frameHeightSent!, frameRate: best.frameRateSent ?? best.frameRateEncoded ?? 0 } : undefined;
}

function receivedVideo(streams: IncomingVideoMediaStats<number, string>[]): VideoReading | undefined {
  const best = streams.filter((s) => finite(s.frameWidthReceived) && finite(s.frameHeightReceived)).sort((a, b) => b.frameWidthReceived! * b.frameHeightReceived! - a.frameWidthReceived! * a.frameHeightReceived!)[0];
  return best ? { width: best.frameWidthReceived!, height: best.frameHeightReceived!, frameRate: best.frameRateReceived ?? best.frameRateDecoded ?? 0 } : undefined;
}

/** One SDK sample as the model's reading: audio and camera video each way (screen sharing is not judged). */
export function readingOf(sample: MediaStatsReportSample): MediaStatsReading {
  const transportRtt = worst(sample.transports.map((t) => t.rttInMs));
  const send: StreamStats[] = [...sample.audio.send, ...sample.video.send];
  const receive: Array<IncomingAudioMediaStats<number, string> | IncomingVideoMediaStats<number, string>> = [...sample.audio.receive, ...sample.video.receive];
  const reading: { -readonly [K in keyof MediaStatsReading]: MediaStatsReading[K] } = {
    send: direction(send, sentVideo(sample.video.send)),
    receive: direction(receive, receivedVideo(sample.video.receive)),
  };
  if (transportRtt !== undefined) reading.rttMs = transportRtt;
  return reading;
}

export function attachMediaStats(feature: MediaStatsCallFeature, ctx: FeatureContext): MediaStatsHandle {
  const collector = feature.createCollector(COLLECTOR_OPTIONS);
  ctx.push({ type: 'mediaStats/available', available: true });
  const off = listen(collector, 'sampleReported', (sample: MediaStatsReportSample) => ctx.push({ type: 'mediaStats/sample', reading: readingOf(sample) }));
  let attached = true;
  return {
    detach() {
      if (!attached) return;
      attached = false;
      off();
      collector.dispose();
    },
    setIncomingVideo(on) {
      ctx.push({ type: 'mediaStats/incomingVideo', on });
    },
    dismissAdvice() {
      ctx.push({ type: 'mediaStats/dismissAdvice' });
    },
  };
}
