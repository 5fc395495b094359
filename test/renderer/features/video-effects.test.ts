// Features.VideoEffects through its module, against a typed stand-in of the SDK's VideoEffectsFeature:
// apply() checks support, starts, replaces and stops; the feature's events become effects events;
// detach leaves no listener and stops reporting.
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
});
