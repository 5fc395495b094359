// Process: renderer (types only). The part of @azure/communication-calling-effects 1.3.2 that
// Doorway uses, copied from the package's own types/communication-calling-effects.d.ts. Needed
// because the package's "exports" has no "types" entry (TypeScript cannot find its types), and its
// .d.ts references Node's types and `events`, which the renderer must never see. The calling SDK's
// own .d.ts declares the same shapes as interfaces (VideoEffectProcessor, DeepNoiseSuppressionEffect),
// so these classes are checked against it wherever they are passed to the SDK.
declare module '@azure/communication-calling-effects' {
  export type VideoEffectName = 'BackgroundBlur' | 'BackgroundReplacement';
  export type NoiseSuppressionEffectName = 'BrowserNoiseSuppression' | 'DeepNoiseSuppression';

  export interface VideoEffectConfig {
    effectInitTimeThresholdInMs?: number;
    fpsWarningThreshold?: number;
  }
  export type BackgroundBlurConfig = VideoEffectConfig;
  export interface BackgroundReplacementConfig extends VideoEffectConfig {
    backgroundImageUrl: string;
  }

  export class BackgroundBlurEffect {
    readonly name: VideoEffectName;
    constructor(bgBlurConfig?: BackgroundBlurConfig);
    configure(newBgBlurConfig: BackgroundBlurConfig): Promise<void>;
    /** @deprecated use VideoEffectsFeature.isSupported */
    isSupported(): Promise<boolean>;
  }

  export class BackgroundReplacementEffect {
    readonly name: VideoEffectName;
    constructor(bgReplacementConfig: BackgroundReplacementConfig);
    configure(newBgReplacementConfig: BackgroundReplacementConfig): Promise<void>;
    /** @deprecated use VideoEffectsFeature.isSupported */
    isSupported(): Promise<boolean>;
  }

  export class DeepNoiseSuppressionEffect {
    readonly name: NoiseSuppressionEffectName;
    constructor();
    /** @deprecated use AudioEffectsFeature.isSupported */
    isSupported(): Promise<boolean>;
  }
}

// The package in two parts, each its own chunk (scripts/effects-parts.mjs): noise suppression
// alone, and the background effects.
declare module '@azure/communication-calling-effects/noise-suppression' {
  export { DeepNoiseSuppressionEffect } from '@azure/communication-calling-effects';
}
declare module '@azure/communication-calling-effects/background' {
  export { BackgroundBlurEffect, BackgroundReplacementEffect } from '@azure/communication-calling-effects';
}
