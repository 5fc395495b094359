// Process: renderer (SDK glue, type-only SDK import). Features.Transcription: whether the meeting
// is being transcribed (shown in real time, as Microsoft's terms require) and whether Teams asks
// for explicit consent (given through the recording feature, which shares it).
import type { TranscriptionCallFeature } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import { detacher, type FeatureContext, type FeatureHandle } from './feature-context';
import type { ConsentHooks } from './recording';

export interface TranscriptionHandle extends FeatureHandle {
  consentRequired(): boolean;
}

export function attachTranscription(feature: TranscriptionCallFeature, ctx: FeatureContext, hooks: ConsentHooks): TranscriptionHandle {
  ctx.push({ type: 'transcription', active: feature.isTranscriptionActive });
  const off = [
    listen(feature, 'isTranscriptionActiveChanged', () => {
      ctx.push({ type: 'transcription', active: feature.isTranscriptionActive });
      hooks.changed();
    }),
  ];
  return { detach: detacher(off), consentRequired: () => feature.isTeamsConsentRequired };
}
