// The production renderer with the REAL ACS Calling SDK, offline: the harness answers the SDK's
// config host and refuses every other outside host, so callAgent.join() ends with 490/4525 after
// about 1.5 s (field notes). The guest sees the network message, with the codes for support.
// The token comes across the whole stack with nothing faked between the guest and the ACS identity
// API: the renderer's credential asks through the real preload and main IPC handler, the real
// token client (main/tokens) posts to the reference token service (server/) on loopback, which
// signs its request to a local stand-in of the identity API that verifies the HMAC signature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { createTokenService } from '../../main/tokens/token-service';
import { startHarness, type Harness as TokenServerHarness } from '../server/harness';
import { useChromiumApp } from '../support/e2e';
import { axeViolations, screenshot } from '../support/page-checks';
import { CONTROL_GLOBAL } from '../../renderer/calling/practice/control';
import { joinFromJoinScreen, waitForPhase } from '../support/scripted-meeting/page';

const app = useChromiumApp();
let tokenServer: TokenServerHarness;

beforeAll(async () => {
  tokenServer = await startHarness();
});
afterAll(async () => {
  await tokenServer?.close();
});

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate('en-US', key, params);

describe('the real SDK, offline', () => {
  it('joins, fails with 490/4525 after the SDK gives up, and tells the guest about the network', async () => {
    const mainLog: string[] = [];
    const service = createTokenService({
      branding: { tokenEndpoint: '' },
      isPackaged: false,
      env: { DOORWAY_TOKEN_ENDPOINT: `${tokenServer.url}/api/token` },
      fetch: globalThis.fetch,
      log: (line) => mainLog.push(line),
    });
    expect(service.mode).toBe('service');
    // The names the renderer asked main for tokens with.
    const requests: string[] = [];
    const tokens = {
      get: (displayName: string) => {
        requests.push(displayName);
        return service.get(displayName);
      },
      prefetch: (displayName: string) => service.prefetch(displayName),
    };
    await app.withHarness(
      { tokens },
      async (harness) => {
        // Before open: the longer timeout covers loading the page too.
        harness.page.setDefaultTimeout(20_000);
        await harness.open();
        const { page } = harness;
        // The production build has no scripted meeting to talk to.
        expect(await page.evaluate((global) => global in window, CONTROL_GLOBAL)).toBe(false);
        await joinFromJoinScreen(page, { name: 'Offline Olivia' });
        const started = Date.now();
        await waitForPhase(page, 'ended', 45_000);
        const elapsed = Date.now() - started;
        expect(await page.locator('main').getAttribute('data-reason')).toBe('networkLost');
        expect(await page.locator('.meeting-ended__reason').textContent()).toBe(en('meeting.ended.networkLost'));
        expect(await page.locator('.meeting-ended__details').textContent()).toContain('code 490, subcode 4525');
        expect(await page.getByRole('button', { name: en('meeting.ended.rejoin') }).count()).toBe(1);
        expect(elapsed).toBeLessThan(30_000);
        // The credential asked main for the token with the guest's name.
        expect(requests).toContain('Offline Olivia');
        // The identity API saw signed requests only, and issued what the page used.
        const acs = tokenServer.acs;
        expect(acs.requests.length).toBeGreaterThan(0);
        expect(acs.requests.every((request) => request.signed)).toBe(true);
        expect(acs.issuedTokens.length).toBeGreaterThan(0);
        expect(mainLog.some((line) => line.includes('tokenFetched'))).toBe(true);
        // Secrets stay out of every log: main's token log, the harness's main log, the service's.
        const logs = [...mainLog, ...harness.logs, ...tokenServer.logs].join('\n');
        for (const secret of [...acs.issuedTokens, ...acs.identities]) expect(logs.includes(secret)).toBe(false);
        await expect.poll(() => harness.joinLinks.isInMeeting).toBe(false);
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'meeting-ended-offline');
      },
      { open: false },
    );
  }, 90_000);
});
