// Process: renderer (SDK glue, type-only SDK import). Features.Spotlight: who the organizer put in
// the spotlight, in the meeting's order, with the guest's own spotlight apart (they are told), and
// the guest stepping out of their own spotlight (stopSpotlight() with no one named is the local
// participant, which Teams lets anyone do for themselves).
import type { SpotlightCallFeature } from '@azure/communication-calling';
import { listen } from '../sdk-events';
import { clearFailure, detacher, reportFailure, type FeatureContext, type FeatureHandle } from './feature-context';

export interface SpotlightHandle extends FeatureHandle {
  /** The guest leaves their own spotlight (failure: the actionFailed notice). */
  leave(): Promise<void>;
}

export function attachSpotlight(feature: SpotlightCallFeature, ctx: FeatureContext): SpotlightHandle {
  const read = () => {
    // The SDK's `order` is the meeting's spotlight order; participants without one go last.
    const spotlighted = [...feature.getSpotlightedParticipants()].sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER));
    const ids: string[] = [];
    let self = false;
    for (const participant of spotlighted) {
      const id = ctx.rawIdOf(participant.identifier);
      if (id === ctx.localId) self = true;
      else if (!ids.includes(id)) ids.push(id);
    }
    ctx.push({ type: 'spotlight/changed', ids, self });
  };
  // Always read at attach: after a call switch (breakout room) the old call's spotlight is gone.
  read();
  const off = [listen(feature, 'spotlightChanged', read)];
  return {
    detach: detacher(off),
    async leave() {
      try {
        await feature.stopSpotlight();
        clearFailure(ctx);
      } catch (error) {
        reportFailure(ctx, 'leave spotlight', error);
      }
    },
  };
}
