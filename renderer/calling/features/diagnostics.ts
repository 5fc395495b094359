// Process: renderer (SDK glue, type-only SDK import). Features.UserFacingDiagnostics: network and
// media problems as `diagnostic` events (the model turns them into short notices and the
// reconnecting phase). Reads the latest values first, then follows both channels.
import type {
  LatestDiagnosticValue,
  MediaDiagnosticChangedEventArgs,
  NetworkDiagnosticChangedEventArgs,
  UserFacingDiagnosticsFeature,
} from '@azure/communication-calling';
import { diagnosticActive } from '../call-model';
import { listen } from '../sdk-events';
import { detacher, type FeatureContext, type FeatureHandle } from './feature-context';

export function attachDiagnostics(feature: UserFacingDiagnosticsFeature, ctx: FeatureContext): FeatureHandle {
  const apply = (latest: Record<string, LatestDiagnosticValue | undefined>) => {
    for (const [name, value] of Object.entries(latest)) if (value) ctx.push({ type: 'diagnostic', name, active: diagnosticActive(value.value), at: ctx.now() });
  };
  apply(feature.network.getLatest() as Record<string, LatestDiagnosticValue | undefined>);
  apply(feature.media.getLatest() as Record<string, LatestDiagnosticValue | undefined>);
  const onChange = (args: NetworkDiagnosticChangedEventArgs | MediaDiagnosticChangedEventArgs) =>
    ctx.push({ type: 'diagnostic', name: args.diagnostic, active: diagnosticActive(args.value), at: ctx.now() });
  return { detach: detacher([listen(feature.network, 'diagnosticChanged', onChange), listen(feature.media, 'diagnosticChanged', onChange)]) };
}
