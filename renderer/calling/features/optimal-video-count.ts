// Process: renderer (SDK glue, type-only SDK import). Features.OptimalVideoCount: how many remote
// videos the SDK advises rendering at most (video-slots.ts holds the views to it).
import type { OptimalVideoCountCallFeature } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import { detacher, type FeatureContext, type FeatureHandle } from './feature-context';

export function attachOptimalVideoCount(feature: OptimalVideoCountCallFeature, ctx: FeatureContext): FeatureHandle {
  const read = () => ctx.push({ type: 'optimalVideoCount', count: feature.optimalVideoCount });
  read();
  return { detach: detacher([listen(feature, 'optimalVideoCountChanged', read)]) };
}
