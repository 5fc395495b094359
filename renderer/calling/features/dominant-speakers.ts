// Process: renderer (SDK glue, type-only SDK import). Features.DominantSpeakers: who speaks most
// now, most dominant first (the gallery puts them first).
import type { DominantSpeakersCallFeature } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import { detacher, type FeatureContext, type FeatureHandle } from './feature-context';

export function attachDominantSpeakers(feature: DominantSpeakersCallFeature, ctx: FeatureContext): FeatureHandle {
  const read = () => ctx.push({ type: 'dominantSpeakers', ids: (feature.dominantSpeakers?.speakersList ?? []).map((id) => ctx.rawIdOf(id)) });
  const off = [listen(feature, 'dominantSpeakersChanged', read)];
  if (feature.dominantSpeakers?.speakersList?.length) read();
  return { detach: detacher(off) };
}
