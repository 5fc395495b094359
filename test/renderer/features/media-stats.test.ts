// Features.MediaStats through its module, over the scripted feature: one collector, each sample
// as one reading of both directions (worst stream each way, loss as a share of packets expected,
// the connection's round-trip time apart, the best video), summaries ignored,
// the guest's choices, and after detach no listener and no collector left.
import { describe, expect, it } from 'vitest';
import type { MediaStatsReportSample } from '@azure/communication-calling';
import { attachMediaStats, readingOf } from '../../../renderer/calling/features/media-stats';
import { systemClock } from '../../../renderer/calling/practice/clock';
import { GOOD_NETWORK, ScriptedMediaStats, sampleOf, type MediaNow } from '../../../renderer/calling/practice/features/media-stats';
import { recordingContext } from './context';

function setup(now: MediaNow = { sendingVideo: true, remoteAudio: 2, remoteVideos: 1 }) {
  // everyMs 0: samples come only when the test reports them (no timer, no waiting).
  const feature = new ScriptedMediaStats(() => now, systemClock, 0);
  const ctx = recordingContext({ now: 100, tick: 0 });
  const handle = attachMediaStats(feature, ctx);
  return { feature, ctx, handle };
}

describe('media stats feature', () => {
  it('creates one collector and pushes each sample as a reading of both directions', () => {
    const { feature, ctx } = setup();
    expect(feature.collectorCount()).toBe(1);
    expect(ctx.take()).toEqual([{ type: 'mediaStats/available', available: true }]);
    feature.scriptNetwork('send', { rttMs: 320, lossPercent: 10, jitterMs: 12 });
    feature.scriptNetwork('receive', { rttMs: 320, lossPercent: 20, jitterMs: 70 });
    feature.scriptReport(2);
    const events = ctx.take();
    expect(events).toHaveLength(2);
    expect(events[0]).toEqual({
      type: 'mediaStats/sample',
      reading: {
        rttMs: 320,
        send: { active: true, rttMs: 320, lossPercent: 10, jitterMs: 12, video: { width: 320, height: 180, frameRate: 7 } },
        // Incoming streams report no round-trip time: only the connection's (rttMs above) is known.
        receive: { active: true, lossPercent: 20, jitterMs: 70, video: { width: 320, height: 180, frameRate: 7 } },
      },
    });
  });

  it('reads nothing flowing as inactive, and takes the worst stream and the largest video', () => {
    const alone = readingOf(sampleOf({ sendingVideo: false, remoteAudio: 0, remoteVideos: 0 }, GOOD_NETWORK, GOOD_NETWORK));
    expect(alone.receive).toEqual({ active: false });
    expect(alone.send.video).toBeUndefined();
    const sample: MediaStatsReportSample = {
      audio: { send: [{ id: 'a', rttInMs: 80, packetsPerSecond: 49, packetsLostPerSecond: 1, jitterInMs: 3 }], receive: [] },
      video: {
        send: [{ id: 'v', rttInMs: 120, packetsPerSecond: 90, packetsLostPerSecond: 10, jitterInMs: 9, frameWidthSent: 640, frameHeightSent: 360, frameRateEncoded: 24 }],
        receive: [
          { id: 'r1', packetsPerSecond: 0, packetsLostPerSecond: 0, frameWidthReceived: 320, frameHeightReceived: 180, frameRateReceived: 10 },
          { id: 'r2', frameWidthReceived: 1280, frameHeightReceived: 720, frameRateDecoded: 25 },
        ],
      },
      screenShare: { send: [], receive: [] },
      transports: [],
    };
    expect(readingOf(sample)).toEqual({
      send: { active: true, rttMs: 120, lossPercent: 10, jitterMs: 9, video: { width: 640, height: 360, frameRate: 24 } },
      receive: { active: true, lossPercent: 0, video: { width: 1280, height: 720, frameRate: 25 } },
    });
  });

  it('passes the guest’s choices on as model events', () => {
    const { ctx, handle } = setup();
    ctx.take();
    handle.setIncomingVideo(false);
    handle.dismissAdvice();
    expect(ctx.take()).toEqual([{ type: 'mediaStats/incomingVideo', on: false }, { type: 'mediaStats/dismissAdvice' }]);
  });

  it('ignores summaries, and leaves no listener and no collector after detach', () => {
    const { feature, ctx, handle } = setup();
    ctx.take();
    // Six samples make one summary (the collector's dataPointsPerAggregation): still six readings.
    feature.scriptReport(6);
    expect(ctx.take().map((e) => e.type)).toEqual(Array(6).fill('mediaStats/sample'));
    expect(feature.listenerCount()).toBe(1);
    handle.detach();
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    expect(feature.collectorCount()).toBe(0);
    feature.scriptReport(1);
    expect(ctx.take()).toEqual([]);
  });
  it('reads a hand-made sample: the largest video each way, loss only where both packet counts are known, nothing made up', () => {
    const sample = {
      transports: [{ rttInMs: undefined }],
      audio: {
        send: [{ rttInMs: 80, jitterInMs: 4, packetsPerSecond: 50, packetsLostPerSecond: undefined }],
        receive: [{ jitterInMs: Number.NaN, packetsPerSecond: 0, packetsLostPerSecond: 0 }],
      },
      video: {
        send: [
          { frameWidthSent: 640, frameHeightSent: 360, frameRateEncoded: 24 },
          { frameWidthSent: 1280, frameHeightSent: 720, frameRateSent: 30 },
          { frameWidthSent: 1920, frameHeightSent: undefined, frameRateSent: 30 },
          { frameWidthSent: 320, frameHeightSent: 180, frameRateSent: 15 },
        ],
        receive: [
          { frameWidthReceived: 320, frameHeightReceived: 180, frameRateDecoded: 12, packetsPerSecond: 90, packetsLostPerSecond: 10 },
          { frameWidthReceived: 640, frameHeightReceived: 360, packetsPerSecond: 100, packetsLostPerSecond: 0 },
          { frameWidthReceived: Number.POSITIVE_INFINITY, frameHeightReceived: 2160 },
        ],
      },
    } as unknown as MediaStatsReportSample;
    // Strictly: a measure that is not known is left out, not present as undefined.
    expect(readingOf(sample)).toStrictEqual({
      send: { active: true, rttMs: 80, jitterMs: 4, video: { width: 1280, height: 720, frameRate: 30 } },
      receive: { active: true, lossPercent: 10, video: { width: 640, height: 360, frameRate: 0 } },
    });
    const smallest = { ...sample, video: { send: [sample.video.send[0]], receive: [sample.video.receive[0]] } };
    expect(readingOf(smallest).send.video).toEqual({ width: 640, height: 360, frameRate: 24 });
    expect(readingOf(smallest).receive.video).toEqual({ width: 320, height: 180, frameRate: 12 });
    const silent = { transports: [], audio: { send: [], receive: [] }, video: { send: [], receive: [] } } as unknown as MediaStatsReportSample;
    expect(readingOf(silent)).toStrictEqual({ send: { active: false }, receive: { active: false } });
  });
});
