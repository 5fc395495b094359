// Process: renderer (SDK glue, type-only SDK import). Features.Recording: whether the meeting is
// being recorded (Microsoft's terms require showing it in real time), whether Teams asks for
// explicit consent, and giving that consent.
import type { RecordingCallFeature } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import { clearFailure, detacher, reportFailure, type FeatureContext, type FeatureHandle } from './feature-context';

export interface ConsentHooks {
  /** After a change: the session reads the meeting's consent requirement again. */
  changed(): void;
}

export interface RecordingHandle extends FeatureHandle {
  consentRequired(): boolean;
  /** Gives the explicit consent Teams asks for (failure: the actionFailed notice). */
  grantConsent(): Promise<void>;
}

export function attachRecording(feature: RecordingCallFeature, ctx: FeatureContext, hooks: ConsentHooks): RecordingHandle {
  ctx.push({ type: 'recording', active: feature.isRecordingActive });
  const off = [
    listen(feature, 'isRecordingActiveChanged', () => {
      ctx.push({ type: 'recording', active: feature.isRecordingActive });
      hooks.changed();
    }),
  ];
  return {
    detach: detacher(off),
    consentRequired: () => feature.isTeamsConsentRequired,
    async grantConsent() {
      try {
        await feature.grantTeamsConsent();
        clearFailure(ctx);
      } catch (error) {
        reportFailure(ctx, 'consent', error);
      }
      hooks.changed();
    },
  };
}
