// Process: renderer. The façade the views use to reach calling. It does not import the ACS SDK:
// `loadCalling()` pulls the SDK chunk in on demand, after the first screen has painted.
import type { CallingApi } from './acs';

export type { CallingApi } from './acs';

let loading: Promise<CallingApi> | null = null;

export function loadCalling(): Promise<CallingApi> {
  loading ??= import('./acs').then((module) => module.createCallingApi());
  return loading;
}
