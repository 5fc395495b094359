// Test code only. In the TEST build of the renderer (build.ts), this file takes the place of
// renderer/calling/index.ts: the same `loadCalling()`, but the calling module is created with the
// scripted meeting's call agent and remote renderer (createCallingApi's deps). Everything else —
// the App, the join and meeting screens, renderer/calling/ itself, the real SDK for devices, the
// self-view and the token credential — is the production code, unchanged.
//
// Why a separate build and not a hook: the production bundle must not contain anything a test
// could switch on. The production build never sees this folder; test/build/scripted-meeting
// checks both bundles (production without it, test build with it).
import type { CallingApi } from '../../../renderer/calling/acs';

export type { CallingApi } from '../../../renderer/calling/acs';

let loading: Promise<CallingApi> | null = null;

export function loadCalling(): Promise<CallingApi> {
  loading ??= Promise.all([import('../../../renderer/calling/acs'), import('./meeting')]).then(([acs, scripted]) => {
    const meeting = scripted.installScriptedMeeting(window);
    return acs.createCallingApi(meeting.deps);
  });
  return loading;
}
