// Process: renderer (SDK glue, type-only SDK import). Features.RaiseHand: everyone's raised hands
// (the guest's own go to the local state) and raising or lowering the guest's hand when the
// meeting allows it.
import type { RaiseHandCallFeature, RaisedHandChangedEvent } from '@azure/communication-calling';
import type { CommunicationIdentifier } from '@azure/communication-common';
import { listen } from '../sdk-events';
import { clearFailure, detacher, reportFailure, type FeatureContext, type FeatureHandle } from './feature-context';

export interface RaiseHandHandle extends FeatureHandle {
  setRaised(raised: boolean): Promise<void>;
}

export function attachRaiseHand(feature: RaiseHandCallFeature, ctx: FeatureContext): RaiseHandHandle {
  const hand = (identifier: CommunicationIdentifier, raised: boolean) => {
    const id = ctx.rawIdOf(identifier);
    if (id === ctx.localId) ctx.push({ type: 'local', patch: { handRaised: raised } });
    else ctx.push({ type: 'hand', id, raised });
  };
  for (const raised of feature.getRaisedHands()) hand(raised.identifier, true);
  const off = [
    listen(feature, 'raisedHandEvent', (event: RaisedHandChangedEvent) => hand(event.identifier, true)),
    listen(feature, 'loweredHandEvent', (event: RaisedHandChangedEvent) => hand(event.identifier, false)),
  ];
  return {
    detach: detacher(off),
    async setRaised(raised) {
      if (raised && !ctx.allowed('raiseHand')) return;
      try {
        if (raised) await feature.raiseHand();
        else await feature.lowerHand();
        ctx.push({ type: 'local', patch: { handRaised: raised } });
        clearFailure(ctx);
      } catch (error) {
        reportFailure(ctx, raised ? 'raise hand' : 'lower hand', error);
      }
    },
  };
}
