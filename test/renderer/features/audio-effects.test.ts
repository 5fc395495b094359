// Features.AudioEffects through its module, against a typed stand-in of the SDK's AudioEffectsFeature:
// noise suppression uses the package's deep model where the SDK supports it, else the browser's own,
// else says it could not start; the feature's events become effects events; detach leaves no
// listener and stops reporting.
import type { ActiveAudioEffects, AudioEffectsFeature, AudioEffectsStartConfig, AudioEffectsStopConfig } from '@azure/communication-calling';
import { describe, expect, it } from 'vitest';
import { ScriptedFeature } from '../../../renderer/calling/practice/features/feature';
import type { NoiseSuppressionPackage } from '../../../renderer/calling/effects-package';
import type { EffectsEvent } from '../../../renderer/calling/features/effects-model';
import { attachAudioEffects } from '../../../renderer/calling/features/audio-effects';

type Checked = Parameters<AudioEffectsFeature['isSupported']>[0];

class DeepModel {
  readonly name = 'DeepNoiseSuppression';
}

class StandInAudioEffects extends ScriptedFeature implements AudioEffectsFeature {
  constructor() {
    super('AudioEffects');
  }
  activeEffects: ActiveAudioEffects = { echoCancellation: [], noiseSuppression: [] };
  /** What this machine supports: the deep model, the browser's own suppression. */
  supports = { deep: true, browser: true };
  /** A start that the SDK refuses (the worklet could not load, for instance). */
  startFails: Error | null = null;
  readonly started: AudioEffectsStartConfig[] = [];
  isSupported(effect: Checked): Promise<boolean> {
    if (effect === 'BrowserNoiseSuppression') return Promise.resolve(this.supports.browser);
    if (effect instanceof DeepModel) return Promise.resolve(this.supports.deep);
    return Promise.resolve(false);
  }
  startEffects(config: AudioEffectsStartConfig): Promise<void> {
    if (this.startFails) return Promise.reject(this.startFails);
    this.started.push(config);
    const suppression = config.noiseSuppression;
    if (suppression) this.activeEffects = { ...this.activeEffects, noiseSuppression: [suppression === 'BrowserNoiseSuppression' ? suppression : 'DeepNoiseSuppression'] };
    this.emit('effectsStarted', this.activeEffects);
    return Promise.resolve();
  }
  stopEffects(config: AudioEffectsStopConfig): Promise<void> {
    if (config.noiseSuppression) this.activeEffects = { ...this.activeEffects, noiseSuppression: [] };
    this.emit('effectsStopped', this.activeEffects);
    return Promise.resolve();
  }
  /** Public here: the tests fire the SDK's events themselves. */
  override emit(event: string, ...args: unknown[]): void {
    super.emit(event, ...args);
  }
}

// The one processor the module constructs; the package's other exports are not used by it.
const effectsPackage = { DeepNoiseSuppressionEffect: DeepModel } as unknown as NoiseSuppressionPackage;

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

    feature.supports.deep = true;
    feature.startFails = Object.assign(new Error('AudioWorklet could not be added'), { code: 500, subCode: 43000 });
    await handle.setNoiseSuppression(true);
    expect(statuses().slice(2)).toEqual(['starting', 'failed']);
    expect(logs.at(-1)).toContain('AudioWorklet could not be added');

    feature.emit('effectsError', { name: 'AudioEffectsError', code: 500, subCode: 43001, message: 'deep model crashed' });
    expect(statuses().at(-1)).toBe('failed');
    expect(logs.at(-1)).toContain('500/43001 deep model crashed');
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
