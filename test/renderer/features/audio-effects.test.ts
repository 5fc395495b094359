// Features.AudioEffects through its module, against a typed stand-in of the SDK's AudioEffectsFeature:
// noise suppression uses the package's deep model where the SDK supports it, else the browser's own,
// else says it could not start; the feature's events become effects events; detach leaves no
// listener and stops reporting.
import { describe, expect, it } from 'vitest';
import { DeepModel, noiseSuppressionPackage as effectsPackage, StandInAudioEffects } from './effects-stand-ins';
import type { EffectsEvent } from '../../../renderer/calling/features/effects-model';
import { attachAudioEffects } from '../../../renderer/calling/features/audio-effects';

function attach(feature: StandInAudioEffects) {
  const events: EffectsEvent[] = [];
  const logs: string[] = [];
  const handle = attachAudioEffects(feature, effectsPackage, (event) => events.push(event), (line) => logs.push(line));
  const statuses = () => events.map((event) => (event.type === 'effects/noise' ? event.status : event.type));
  return { handle, events, logs, statuses };
}

describe('audio-effects feature', () => {
  it('starts the package’s deep model where the SDK supports it, and stops it', async () => {
    const feature = new StandInAudioEffects();
    const { handle, statuses } = attach(feature);
    await handle.setNoiseSuppression(true);
    expect(feature.started).toHaveLength(1);
    expect(feature.started[0].noiseSuppression).toBeInstanceOf(DeepModel);
    expect(feature.activeEffects.noiseSuppression).toEqual(['DeepNoiseSuppression']);
    // starting, then the feature's effectsStarted, then the module's own reading of activeEffects.
    expect(statuses()).toEqual(['starting', 'deep', 'deep']);
    await handle.setNoiseSuppression(false);
    expect(feature.activeEffects.noiseSuppression).toEqual([]);
    expect(statuses().slice(3)).toEqual(['off', 'off']);
  });

  it('falls back to the browser’s own suppression where the deep model is unsupported', async () => {
    const feature = new StandInAudioEffects();
    feature.supports.deep = false;
    const { handle, statuses, logs } = attach(feature);
    await handle.setNoiseSuppression(true);
    expect(feature.started).toEqual([{ noiseSuppression: 'BrowserNoiseSuppression' }]);
    expect(statuses().at(-1)).toBe('browser');
    expect(logs.some((line) => line.includes('browser'))).toBe(true);
  });

  it('says it could not start where neither is supported, and when the SDK refuses the start or reports an error', async () => {
    const feature = new StandInAudioEffects();
    feature.supports = { deep: false, browser: false };
    const { handle, statuses, logs } = attach(feature);
    await handle.setNoiseSuppression(true);
    expect(feature.started).toEqual([]);
    expect(statuses()).toEqual(['starting', 'failed']);
    expect(logs).toEqual(['no noise suppression available']);

    feature.supports.deep = true;
    feature.startFails = Object.assign(new Error('AudioWorklet could not be added'), { code: 500, subCode: 43000 });
    await handle.setNoiseSuppression(true);
    expect(statuses().slice(2)).toEqual(['starting', 'failed']);
    expect(logs.at(-1)).toContain('AudioWorklet could not be added');

    feature.emit('effectsError', { name: 'AudioEffectsError', code: 500, subCode: 43001, message: 'deep model crashed' });
    expect(statuses().at(-1)).toBe('failed');
    expect(logs.at(-1)).toContain('500/43001 deep model crashed');
    feature.emit('effectsError', { name: 'AudioEffectsError', code: 500, message: 'no sub-code' });
    expect(logs.at(-1)).toBe('audio effect error: 500/ no sub-code');
  });

  it('turning it off stops nothing when nothing runs', async () => {
    const feature = new StandInAudioEffects();
    let stops = 0;
    feature.stopEffects = () => {
      stops++;
      return Promise.resolve();
    };
    const { handle, statuses } = attach(feature);
    await handle.setNoiseSuppression(false);
    expect(stops).toBe(0);
    expect(statuses()).toEqual(['off']);
  });

  it('detach removes every listener it added and reports nothing more', async () => {
    const feature = new StandInAudioEffects();
    const { handle, events } = attach(feature);
    expect(feature.listenerCount()).toBe(3);
    handle.detach();
    expect(feature.listenerCount()).toBe(0);
    await handle.setNoiseSuppression(true);
    feature.emit('effectsError', { name: 'AudioEffectsError', code: 500, subCode: 1, message: 'late' });
    expect(events).toEqual([]);
  });
});
