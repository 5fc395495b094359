// Typed stand-ins of the SDK's VideoEffectsFeature and AudioEffectsFeature (features of a local
// stream) and of the two parts of the effects package, for the effects modules' Node tests.
import type {
  ActiveAudioEffects,
  AudioEffectsFeature,
  AudioEffectsStartConfig,
  AudioEffectsStopConfig,
  VideoEffectName,
  VideoEffectProcessor,
  VideoEffectsFeature,
} from '@azure/communication-calling';
import { ScriptedFeature } from '../../../renderer/calling/practice/features/feature';
import type { BackgroundEffectsPackage, NoiseSuppressionPackage } from '../../../renderer/calling/effects-package';

type Checked = Parameters<AudioEffectsFeature['isSupported']>[0];

export class DeepModel {
  readonly name = 'DeepNoiseSuppression';
}

export class StandInAudioEffects extends ScriptedFeature implements AudioEffectsFeature {
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
export const noiseSuppressionPackage = { DeepNoiseSuppressionEffect: DeepModel } as unknown as NoiseSuppressionPackage;

export class StandInVideoEffects extends ScriptedFeature implements VideoEffectsFeature {
  constructor() {
    super('VideoEffects');
  }
  activeEffects: VideoEffectName[] = [];
  supported = true;
  isSupported(_effect: VideoEffectProcessor): Promise<boolean> {
    return Promise.resolve(this.supported);
  }
  startEffects(effect: VideoEffectProcessor): Promise<void> {
    this.activeEffects = [effect.name];
    this.emit('effectsStarted', this.activeEffects);
    return Promise.resolve();
  }
  stopEffects(): Promise<void> {
    this.activeEffects = [];
    this.emit('effectsStopped', []);
    return Promise.resolve();
  }
  /** Public here: the tests fire the SDK's events themselves. */
  override emit(event: string, ...args: unknown[]): void {
    super.emit(event, ...args);
  }
}

// The two processors the module constructs; the package's other exports are not used by it.
export const backgroundEffectsPackage = {
  BackgroundBlurEffect: class {
    readonly name = 'BackgroundBlur';
  },
  BackgroundReplacementEffect: class {
    readonly name = 'BackgroundReplacement';
    constructor(readonly options: { backgroundImageUrl: string }) {}
  },
} as unknown as BackgroundEffectsPackage;
