// Process: renderer. Features.MediaStats as the SDK declares it: collectors that report a sample
// of the call's media (what is sent and received, as the call stands) on the meeting's clock,
// every `everyMs` (the SDK's samples come about once a second), or when the meeting says so. The
// network each way is scripted (round-trip time, loss, jitter); video shrinks and slows down on a
// poor network, as a real sender adapts. A summary (`summaryReported`) follows every
// `dataPointsPerAggregation` samples, with the raw values of those samples.
import type {
  IncomingAudioMediaStats,
  IncomingVideoMediaStats,
  MediaStatsCallFeature,
  MediaStatsCollector,
  MediaStatsCollectorOptions,
  MediaStatsReportSample,
  MediaStatsReportSummary,
  MediaStatValue,
  OutgoingAudioMediaStats,
  OutgoingVideoMediaStats,
} from '@azure/communication-calling';
import type { Clock } from '../clock';
import { Emitter } from '../emitter';
import { ScriptedFeature } from './feature';

/** One direction of the scripted network. */
export interface NetworkConditions {
  rttMs: number;
  lossPercent: number;
  jitterMs: number;
}

export const GOOD_NETWORK: NetworkConditions = { rttMs: 45, lossPercent: 0, jitterMs: 4 };

/** What the call is doing now: which streams a sample has. */
export interface MediaNow {
  sendingVideo: boolean;
  /** Remote people whose audio arrives (anyone in the call). */
  remoteAudio: number;
  /** Remote cameras being received. */
  remoteVideos: number;
}

const AUDIO_PACKETS_PER_SECOND = 50;
const VIDEO_PACKETS_PER_SECOND = 120;

/** The video a sender manages on this network: smaller and slower as it gets worse. */
function videoFor(network: NetworkConditions): { width: number; height: number; frameRate: number } {
  if (network.lossPercent >= 10 || network.rttMs >= 500) return { width: 320, height: 180, frameRate: 7 };
  if (network.lossPercent >= 2 || network.rttMs >= 200) return { width: 640, height: 360, frameRate: 15 };
  return { width: 1280, height: 720, frameRate: 30 };
}

function packets(perSecond: number, lossPercent: number): { packetsPerSecond: number; packetsLostPerSecond: number } {
  const lost = Math.round((perSecond * lossPercent) / 100);
  return { packetsPerSecond: perSecond - lost, packetsLostPerSecond: lost };
}

/** A sample of the call as it stands, on the scripted network. */
export function sampleOf(now: MediaNow, send: NetworkConditions, receive: NetworkConditions): MediaStatsReportSample {
  const audioSend: OutgoingAudioMediaStats<number, string> = {
    id: 'audio-send',
    codecName: 'opus',
    bitrate: 32_000,
    rttInMs: send.rttMs,
    jitterInMs: send.jitterMs,
    ...packets(AUDIO_PACKETS_PER_SECOND, send.lossPercent),
    transportId: 'transport-1',
  };
  const videoSend: OutgoingVideoMediaStats<number, string>[] = [];
  if (now.sendingVideo) {
    const video = videoFor(send);
    videoSend.push({
      id: 'video-send',
      codecName: 'H264',
      rttInMs: send.rttMs,
      jitterInMs: send.jitterMs,
      ...packets(VIDEO_PACKETS_PER_SECOND, send.lossPercent),
      frameWidthInput: 1280,
      frameHeightInput: 720,
      frameRateInput: 30,
      frameWidthSent: video.width,
      frameHeightSent: video.height,
      frameRateSent: video.frameRate,
      frameRateEncoded: video.frameRate,
      transportId: 'transport-1',
    });
  }
  const audioReceive: IncomingAudioMediaStats<number, string>[] =
    now.remoteAudio > 0 ? [{ id: 'audio-receive', codecName: 'opus', jitterInMs: receive.jitterMs, ...packets(AUDIO_PACKETS_PER_SECOND, receive.lossPercent), transportId: 'transport-1' }] : [];
  const video = videoFor(receive);
  const videoReceive: IncomingVideoMediaStats<number, string>[] = Array.from({ length: now.remoteVideos }, (_, i) => ({
    id: `video-receive-${i + 1}`,
    codecName: 'H264',
    jitterInMs: receive.jitterMs,
    ...packets(VIDEO_PACKETS_PER_SECOND, receive.lossPercent),
    streamId: i + 1,
    frameWidthReceived: video.width,
    frameHeightReceived: video.height,
    frameRateReceived: video.frameRate,
    frameRateDecoded: video.frameRate,
    transportId: 'transport-1',
  }));
  return {
    audio: { send: [audioSend], receive: audioReceive },
    video: { send: videoSend, receive: videoReceive },
    screenShare: { send: [], receive: [] },
    transports: [{ id: 'transport-1', rttInMs: Math.max(send.rttMs, receive.rttMs), availableIncomingBitrate: 2_500_000, availableOutgoingBitrate: 1_500_000 }],
  };
}

/** Raw values of a field over the samples, as the summary's MediaStatValue (no aggregation). */
function valueOf<T>(raw: T[], at: Date): MediaStatValue<T> {
  return { raw, timestamp: at };
}

/** The samples folded into the summary's shape: each stream (by id) with every field's raw values. */
export function summaryOf(samples: MediaStatsReportSample[], at: Date): MediaStatsReportSummary {
  const fold = <S extends { id: string }>(lists: S[][]) => {
    const byId = new Map<string, Record<string, unknown[]>>();
    for (const list of lists)
      for (const stream of list) {
        const fields = byId.get(stream.id) ?? {};
        for (const [key, value] of Object.entries(stream)) if (key !== 'id') (fields[key] ??= []).push(value);
        byId.set(stream.id, fields);
      }
    return [...byId].map(([id, fields]) => ({ id, ...Object.fromEntries(Object.entries(fields).map(([key, raw]) => [key, valueOf(raw, at)])) })) as never[];
  };
  return {
    audio: { send: fold(samples.map((s) => s.audio.send)), receive: fold(samples.map((s) => s.audio.receive)) },
    video: { send: fold(samples.map((s) => s.video.send)), receive: fold(samples.map((s) => s.video.receive)) },
    screenShare: { send: [], receive: [] },
    transports: fold(samples.map((s) => s.transports)),
  };
}

class ScriptedMediaStatsCollector extends Emitter implements MediaStatsCollector {
  private pending: MediaStatsReportSample[] = [];
  constructor(
    private readonly pointsPerSummary: number,
    private readonly clock: Clock,
    readonly disposeSelf: (collector: ScriptedMediaStatsCollector) => void,
  ) {
    super();
  }
  report(sample: MediaStatsReportSample): void {
    this.emit('sampleReported', sample);
    this.pending.push(sample);
    if (this.pending.length < this.pointsPerSummary) return;
    this.emit('summaryReported', summaryOf(this.pending.splice(0), new Date(this.clock.now())));
  }
  dispose(): void {
    this.disposeSelf(this);
  }
}

export class ScriptedMediaStats extends ScriptedFeature implements MediaStatsCallFeature {
  private readonly collectors = new Set<ScriptedMediaStatsCollector>();
  private timer: unknown = null;
  send: NetworkConditions = GOOD_NETWORK;
  receive: NetworkConditions = GOOD_NETWORK;

  constructor(
    private readonly now: () => MediaNow,
    private readonly clock: Clock,
    /** How often samples come by themselves (0: only when the meeting reports them). */
    private readonly everyMs: number,
  ) {
    super('MediaStats');
  }

  createCollector(options?: MediaStatsCollectorOptions): MediaStatsCollector {
    const collector = new ScriptedMediaStatsCollector(options?.dataPointsPerAggregation ?? 6, this.clock, (c) => {
      this.collectors.delete(c);
      if (this.collectors.size === 0) this.stopTimer();
    });
    this.collectors.add(collector);
    if (this.everyMs > 0 && this.timer === null) this.timer = this.clock.setInterval(() => this.scriptReport(1), this.everyMs);
    return collector;
  }

  /** The scripted network, one direction or both. */
  scriptNetwork(direction: 'send' | 'receive' | 'both', conditions: NetworkConditions): void {
    if (direction !== 'receive') this.send = conditions;
    if (direction !== 'send') this.receive = conditions;
  }

  /** `count` samples now, to every collector. */
  scriptReport(count: number): void {
    for (let i = 0; i < count; i++) {
      const sample = sampleOf(this.now(), this.send, this.receive);
      for (const collector of [...this.collectors]) collector.report(sample);
    }
  }

  /** Collectors not disposed, and the listeners on them and on the feature. */
  collectorCount(): number {
    return this.collectors.size;
  }
  override listenerCount(event?: string): number {
    let n = super.listenerCount(event);
    for (const collector of this.collectors) n += collector.listenerCount(event);
    return n;
  }

  /** The call ended: no more samples. */
  stopTimer(): void {
    if (this.timer !== null) this.clock.clearInterval(this.timer);
    this.timer = null;
  }
}
