// Features.TogetherMode through its module, against the scripted feature: on and off as the
// organizer turns it, the stream to render, a stream that stops being available, and detach.
import { describe, expect, it } from 'vitest';
import { attachTogetherMode } from '../../../renderer/calling/features/together-mode';
import { ScriptedTogetherMode } from '../../../renderer/calling/practice/features/together-mode';
import { Emitter } from '../../../renderer/calling/practice/emitter';
import { recordingContext } from './context';

/** A scene stream without painting (Node has no canvas): availability and its event. */
class Stream extends Emitter {
  readonly id = 1;
  readonly mediaStreamType = 'Video' as const;
  readonly size = { width: 1280, height: 720 };
  isAvailable = true;
  isReceiving = true;
  scriptAvailable(available: boolean): void {
    if (this.isAvailable === available) return;
    this.isAvailable = available;
    this.emit('isAvailableChanged');
  }
}

describe('together-mode feature', () => {
  it('turns the stage on and off with the scene’s stream, and detaches every listener', () => {
    const streams: Stream[] = [];
    const feature = new ScriptedTogetherMode(() => {
      const stream = new Stream();
      streams.push(stream);
      return stream;
    }, () => false);
    const ctx = recordingContext();
    const handle = attachTogetherMode(feature, ctx);
    // Off at attach is said too (a new call, e.g. a breakout room, clears the old one's scene).
    expect(ctx.take()).toEqual([{ type: 'togetherMode/stream', available: false }]);
    expect(handle.stream()).toBeNull();

    feature.scriptActive(true, ['8:acs:ada', '8:acs:bo']);
    expect(ctx.take()).toEqual([{ type: 'togetherMode/stream', available: true }]);
    expect(handle.stream()).toBe(streams[0]);
    expect(feature.togetherModeSeatingMap.size).toBe(2);
    expect(streams[0].listenerCount()).toBe(1);

    // The stream stalls and comes back: the stage follows.
    streams[0].scriptAvailable(false);
    streams[0].scriptAvailable(true);
    expect(ctx.take()).toEqual([
      { type: 'togetherMode/stream', available: false },
      { type: 'togetherMode/stream', available: true },
    ]);

    feature.scriptActive(false, []);
    expect(ctx.take()).toEqual([{ type: 'togetherMode/stream', available: false }]);
    expect(streams[0].listenerCount()).toBe(0);

    feature.scriptActive(true, []);
    ctx.take();
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    expect(streams[1].listenerCount()).toBe(0);
  });

  it('reads a scene already on at attach; a guest cannot start it', async () => {
    const feature = new ScriptedTogetherMode(() => new Stream(), () => false);
    feature.scriptActive(true, []);
    const ctx = recordingContext();
    const handle = attachTogetherMode(feature, ctx);
    expect(ctx.take()).toEqual([{ type: 'togetherMode/stream', available: true }]);
    await expect(feature.start()).rejects.toThrow(/organizer/);
    handle.detach();
  });
});
