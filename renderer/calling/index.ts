// Process: renderer. The façade the views use to reach calling. It does not import the ACS SDK:
// `loadCalling()` pulls the SDK chunk in on demand, after the first screen has painted.
import type { CallingApi, ScriptedForTests } from './acs';
import { CONFIG_GLOBAL, CONTROL_GLOBAL, type ScriptedMeetingConfig, type ScriptedMeetingControl } from './practice/control';

export type { CallingApi } from './acs';

// The build defines process.env.NODE_ENV ('production' for the shipped app).
declare const process: { env: { NODE_ENV?: string } };

declare global {
  interface Window {
    [CONFIG_GLOBAL]?: ScriptedMeetingConfig;
    [CONTROL_GLOBAL]?: ScriptedMeetingControl;
  }
}

let loading: Promise<CallingApi> | null = null;

export function loadCalling(): Promise<CallingApi> {
  // Development builds (npm start, the tests) let a test set window.__doorwayScriptedMeetingConfig
  // before the page loads, and every join then goes to a scripted meeting instead of Teams. The
  // production build compiles this away: nothing in the shipped app can switch it on.
  loading ??= import('./acs').then((module) => module.createCallingApi(process.env.NODE_ENV !== 'production' ? scriptedForTests() : undefined));
  return loading;
}

function scriptedForTests(): ScriptedForTests | undefined {
  const config = window[CONFIG_GLOBAL];
  if (!config) return undefined;
  return {
    config,
    expose: (meeting) => {
      window[CONTROL_GLOBAL] = meeting;
    },
  };
}
