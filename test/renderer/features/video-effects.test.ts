// Features.VideoEffects through its module, against a typed stand-in of the SDK's VideoEffectsFeature:
// apply() checks support, starts, replaces and stops; the feature's events become effects events;
// detach leaves no listener and stops reporting.
import type { VideoEffectProcessor } from '@azure/communication-calling';
import { describe, expect, it } from 'vitest';
import { backgroundEffectsPackage as effectsPackage, StandInVideoEffects } from './effects-stand-ins';
import type { EffectsEvent } from '../../../renderer/calling/features/effects-model';
import { attachVideoEffects } from '../../../renderer/calling/features/video-effects';

function attach(feature: StandInVideoEffects) {
  const events: EffectsEvent[] = [];
  const logs: string[] = [];
  const handle = attachVideoEffects(feature, effectsPackage, (event) => events.push(event), (line) => logs.push(line));
  return { handle, events, logs };
}

describe('video-effects feature', () => {
  it('starts blur, replaces it with a picture, stops, and reports each as the feature confirms it', async () => {
    const feature = new StandInVideoEffects();
    const { handle, events } = attach(feature);
    await handle.apply({ kind: 'blur' });
    expect(feature.activeEffects).toEqual(['BackgroundBlur']);
    expect(events).toEqual([
      { type: 'effects/video', status: 'starting' },
      { type: 'effects/video', status: 'on' },
      { type: 'effects/video', status: 'on' },
    ]);
    events.length = 0;
    await handle.apply({ kind: 'image', url: '/backgrounds/blue.png' });
    expect(feature.activeEffects).toEqual(['BackgroundReplacement']);
    expect(events.at(-1)).toEqual({ type: 'effects/video', status: 'on' });
    events.length = 0;
    await handle.apply({ kind: 'none' });
    expect(feature.activeEffects).toEqual([]);
    expect(events).toEqual([
      { type: 'effects/video', status: 'off' },
      { type: 'effects/video', status: 'off' },
    ]);
  });

  it('reports unsupported machines and SDK errors without starting anything', async () => {
    const feature = new StandInVideoEffects();
    feature.supported = false;
    const { handle, events, logs } = attach(feature);
    expect(await handle.checkSupport()).toBe(false);
    await handle.apply({ kind: 'blur' });
    expect(feature.activeEffects).toEqual([]);
    expect(events).toEqual([
      { type: 'effects/video', status: 'unsupported' },
      { type: 'effects/video', status: 'starting' },
      { type: 'effects/video', status: 'unsupported' },
    ]);
    events.length = 0;
    feature.emit('effectsError', { code: 415, message: 'Current source is unsupported to use effects' });
    expect(events).toEqual([{ type: 'effects/video', status: 'failed' }]);
    expect(logs.some((line) => line.includes('415'))).toBe(true);
  });

  it('detach removes every listener it added and reports nothing more', async () => {
    const feature = new StandInVideoEffects();
    const { handle, events } = attach(feature);
    expect(feature.listenerCount()).toBe(3);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    await handle.apply({ kind: 'none' });
    feature.emit('effectsStopped', []);
    expect(events).toEqual([]);
  });
  it('says failed and logs why when the SDK refuses to start an effect or to answer about support', async () => {
    const feature = new StandInVideoEffects();
    const { handle, events, logs } = attach(feature);
    feature.startEffects = () => Promise.reject(Object.assign(new Error('camera busy'), { code: 500, subCode: 1 }));
    await handle.apply({ kind: 'blur' });
    expect(events).toEqual([
      { type: 'effects/video', status: 'starting' },
      { type: 'effects/video', status: 'failed' },
    ]);
    feature.isSupported = () => Promise.reject(new Error('no GPU'));
    events.length = 0;
    expect(await handle.checkSupport()).toBe(false);
    expect(events).toEqual([]);
    expect(logs).toEqual(['video effect failed: camera busy (500/1)', 'video effects support check failed: no GPU']);
  });

  it('gives the SDK the picture’s URL, reads an empty start as off, and stops only what runs', async () => {
    const feature = new StandInVideoEffects();
    const started: VideoEffectProcessor[] = [];
    const start = feature.startEffects.bind(feature);
    feature.startEffects = (effect) => {
      started.push(effect);
      return start(effect);
    };
    let stops = 0;
    const stop = feature.stopEffects.bind(feature);
    feature.stopEffects = () => {
      stops++;
      return stop();
    };
    const { handle, events, logs } = attach(feature);
    await handle.apply({ kind: 'none' });
    expect(stops).toBe(0);
    await handle.apply({ kind: 'image', url: 'blob:doorway/1' });
    expect((started[0] as unknown as { options: { backgroundImageUrl: string } }).options).toEqual({ backgroundImageUrl: 'blob:doorway/1' });
    events.length = 0;
    feature.emit('effectsStarted', []);
    expect(events).toEqual([{ type: 'effects/video', status: 'off' }]);
    feature.supported = false;
    await handle.apply({ kind: 'blur' });
    expect(logs).toEqual(['video effects unsupported on this machine']);
  });

  it('reports nothing once detached, whatever the SDK answers', async () => {
    const feature = new StandInVideoEffects();
    const { handle, events } = attach(feature);
    handle.detach();
    feature.supported = false;
    expect(await handle.checkSupport()).toBe(false);
    feature.supported = true;
    await handle.apply({ kind: 'blur' });
    feature.startEffects = () => Promise.reject(new Error('late'));
    await handle.apply({ kind: 'blur' });
    await handle.apply({ kind: 'none' });
    // Neither the outcome (on, failed) nor the support answer is reported for a stream let go.
    expect(events.filter((event) => event.type !== 'effects/video' || event.status !== 'starting')).toEqual([]);
  });
});
