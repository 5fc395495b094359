// Process: renderer (SDK glue, type-only SDK import). Features.Capabilities: what the meeting
// allows the guest (unmute, camera, share, raise hand, reactions) and why not, as `capabilities`
// events. Reads the current values first, then follows `capabilitiesChanged`.
import type { CapabilitiesChangeInfo, CapabilitiesFeature, ParticipantCapabilities } from '@azure/communication-calling';
import { CAPABILITY_NAMES, capabilityOf, type Capability, type CapabilityName } from '../call-model';
import { listen } from '../sdk-events';
import { detacher, type FeatureContext, type FeatureHandle } from './feature-context';

export interface CapabilitiesHooks {
  /** After a change: consent may have changed with it (the session reads it again). */
  changed(): void;
}

export function attachCapabilities(feature: CapabilitiesFeature, ctx: FeatureContext, hooks: CapabilitiesHooks): FeatureHandle {
  const apply = (values: Partial<ParticipantCapabilities>) => {
    const changes: Partial<Record<CapabilityName, Capability>> = {};
    for (const name of CAPABILITY_NAMES) if (values[name]) changes[name] = capabilityOf(values[name]);
    ctx.push({ type: 'capabilities', changes });
  };
  apply(feature.capabilities ?? {});
  const off = [
    listen(feature, 'capabilitiesChanged', (info: CapabilitiesChangeInfo) => {
      apply(info.newValue);
      hooks.changed();
    }),
  ];
  return { detach: detacher(off) };
}
