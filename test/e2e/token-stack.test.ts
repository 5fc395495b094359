// Tokens across the whole stack, with nothing faked between the guest and the ACS identity API:
// the renderer's credential asks through the real preload and the real main IPC handler, the real
// token client (main/tokens) posts to the reference token service (server/) on loopback, which
// signs its request to a local stand-in of the ACS identity API that verifies the HMAC signature.
// The SDK accepts the token (its call agent is created and the join runs), then, offline, the
// join ends with 490/4525. No token or user id reaches main's log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../common/i18n';
import { createTokenService } from '../../main/tokens/token-service';
import { startHarness, type Harness as TokenServerHarness } from '../server/harness';
import { useChromiumApp } from '../support/e2e';
import { joinFromJoinScreen, waitForPhase } from '../support/scripted-meeting/page';

const app = useChromiumApp();
let tokenServer: TokenServerHarness;

beforeAll(async () => {
  tokenServer = await startHarness();
});
afterAll(async () => {
  await tokenServer?.close();
});

describe('tokens from the reference token service to the SDK', () => {
  it('gets a token through preload, main and the token service, and the SDK joins with it', async () => {
    const mainLog: string[] = [];
    const tokens = createTokenService({
      branding: { tokenEndpoint: '' },
      isPackaged: false,
      env: { DOORWAY_TOKEN_ENDPOINT: `${tokenServer.url}/api/token` },
      fetch: globalThis.fetch,
      log: (line) => mainLog.push(line),
    });
    expect(tokens.mode).toBe('service');
    await app.withHarness(
      { tokens },
      async (harness) => {
        harness.page.setDefaultTimeout(20_000);
        await harness.open();
        const { page } = harness;
        await joinFromJoinScreen(page, { name: 'Token Tam', meeting: 'https://teams.microsoft.com/meet/2345678901234?p=Ab3xYz' });
        // The join ran with the token (only a created call agent can join), then failed offline.
        await waitForPhase(page, 'ended', 45_000);
        expect(await page.locator('main').getAttribute('data-reason')).toBe('networkLost');
        expect(await page.locator('.meeting-ended__reason').textContent()).toBe(translate('en', 'meeting.ended.networkLost'));

        // The identity API saw signed requests only, and issued what the page used.
        const acs = tokenServer.acs;
        expect(acs.requests.length).toBeGreaterThan(0);
        expect(acs.requests.every((request) => request.signed)).toBe(true);
        expect(acs.issuedTokens.length).toBeGreaterThan(0);

        // Secrets stay out of every log: main's token log, the harness's main log, the service's.
        const logs = [...mainLog, ...harness.logs, ...tokenServer.logs].join('\n');
        for (const secret of [...acs.issuedTokens, ...acs.identities]) expect(logs.includes(secret)).toBe(false);
        expect(mainLog.some((line) => line.includes('tokenFetched'))).toBe(true);
      },
      { open: false },
    );
  }, 90_000);
});
