// Test code only (Node). Driving the scripted meeting from a Playwright test: a fake ACS token,
// configuring the meeting before the page loads, joining from the join screen, and calling the
// page's control surface (control.ts) with types.
import type { Page } from 'playwright-core';
import type { TokenReply } from '../../../common/ipc-contract';
import type { MainServices } from '../../../main/ipc/invoke-handlers';
import type { ChromiumApp, HarnessSetup } from '../e2e';
import type { Harness } from '../harness';
import { CONFIG_GLOBAL, CONTROL_GLOBAL, type ScriptedMeetingConfig, type ScriptedMeetingControl } from '../../../renderer/calling/practice/control';

/** A meeting link the invitation parser accepts (a meetup-join link as invitations carry it). */
export const SCRIPTED_MEETING_LINK =
  'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ2YmY4MzAtYWE4Zi00ZGU4LTk3ZjMtYzk2ZTdhMjQ5YmM0%40thread.v2/0?context=%7b%22Tid%22%3a%2272f988bf-86f1-41af-91ab-2d7cd011db47%22%2c%22Oid%22%3a%22c0a8b1e2-3f4d-4a5b-8c6d-7e8f9a0b1c2d%22%7d';

const base64url = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT the SDK's credential parses (it checks no signature client-side): skypeid and exp. */
export function fakeAcsToken(skypeid = 'acs:scripted_guest', lifetimeMs = 3_600_000): string {
  const exp = Math.floor((Date.now() + lifetimeMs) / 1000);
  return `${base64url({ alg: 'RS256', kid: 'doorway-test', typ: 'JWT' })}.${base64url({ skypeid, scp: 1792, csi: String(exp - 3600), exp, acsScope: 'voip', resourceId: 'doorway-test' })}.${base64url('not-a-signature')}`;
}

/** The token service main would call: always answers with a fresh fake token (of `lifetimeMs`). */
export function fakeTokenService(skypeid?: string, lifetimeMs = 3_600_000): MainServices['tokens'] & { requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    get: async (displayName: string): Promise<TokenReply> => {
      requests.push(displayName);
      return { ok: true, token: fakeAcsToken(skypeid, lifetimeMs), expiresOnMs: Date.now() + lifetimeMs };
    },
    prefetch: () => undefined,
  };
}

/** Configures the scripted meeting for every load of this page (call before harness.open()). */
export async function configureScriptedMeeting(page: Page, config: ScriptedMeetingConfig): Promise<void> {
  await page.addInitScript(([name, value]) => Object.defineProperty(window, name, { value, configurable: true, writable: true }), [CONFIG_GLOBAL, config] as const);
}

/** Fills the join screen and presses Join. */
export async function joinFromJoinScreen(page: Page, options: { name: string; meeting?: string; joinLabel?: string }): Promise<void> {
  await page.locator('#meeting-input').fill(options.meeting ?? SCRIPTED_MEETING_LINK);
  await page.locator('#name-input').fill(options.name);
  const join = page.locator('.join form button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('.join form button[type="submit"]')?.getAttribute('aria-disabled') !== 'true', undefined, { timeout: 40_000 });
  await join.click();
}

type Method = { [K in keyof ScriptedMeetingControl]: ScriptedMeetingControl[K] extends (...args: never[]) => unknown ? K : never }[keyof ScriptedMeetingControl];

/** Calls the scripted meeting in the page. */
export async function scripted<K extends Method>(page: Page, method: K, ...args: Parameters<ScriptedMeetingControl[K]>): Promise<Awaited<ReturnType<ScriptedMeetingControl[K]>>> {
  return page.evaluate(
    ([global, name, params]) => {
      const control = (window as unknown as Record<string, Record<string, (...a: unknown[]) => unknown>>)[global];
      if (!control) throw new Error('the scripted meeting is not loaded (configure it before the page loads, in a development build)');
      return control[name](...params);
    },
    [CONTROL_GLOBAL, method, args as unknown[]] as const,
  ) as Promise<Awaited<ReturnType<ScriptedMeetingControl[K]>>>;
}

/** What the guest's client sent the scripted meeting (received()) from index `from` on, as `kind` or `kind:refused`; only the kinds in `only` if given. */
export async function receivedKinds(page: Page, from = 0, only?: string[]): Promise<string[]> {
  const received = (await scripted(page, 'received')).slice(from);
  return received.filter((action) => !only || only.includes(action.kind)).map((action) => ('refused' in action && action.refused ? `${action.kind}:${action.refused}` : action.kind));
}

/** Waits until the meeting screen shows `phase` (its <main data-phase>). */
export async function waitForPhase(page: Page, phase: string, timeout = 30_000): Promise<void> {
  await page.locator(`main[data-phase="${phase}"]`).waitFor({ timeout });
}

/** Waits until the scripted meeting has a call (the guest pressed Join and the agent joined). */
export async function waitForScriptedCall(page: Page, timeout = 40_000): Promise<void> {
  await page.waitForFunction((global) => (window as unknown as Record<string, { hasCall(): boolean } | undefined>)[global]?.hasCall() === true, CONTROL_GLOBAL, { timeout });
}

/**
 * Opens the page on `app` with the meeting configured first, joins as `name` and waits for the
 * connected meeting, then runs `run`; the harness is always closed.
 */
export function inScriptedMeeting(
  app: ChromiumApp,
  setup: { config: ScriptedMeetingConfig; name: string; options?: HarnessSetup },
  run: (harness: Harness) => Promise<void>,
): Promise<void> {
  return app.withHarness(
    { tokens: fakeTokenService(), ...setup.options },
    async (harness) => {
      harness.page.setDefaultTimeout(15_000);
      await configureScriptedMeeting(harness.page, setup.config);
      await harness.open();
      await joinFromJoinScreen(harness.page, { name: setup.name });
      await waitForPhase(harness.page, 'connected');
      await run(harness);
    },
    { open: false },
  );
}
