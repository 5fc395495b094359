import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDevIdentitySource } from '../../../main/tokens/dev-identity';
import type { TokenResult, TokenSource } from '../../../main/tokens/types';
import { startFakeAcs, type FakeAcs } from '../../server/fake-acs';

let acs: FakeAcs | undefined;
afterEach(async () => {
  await acs?.close();
  acs = undefined;
});

function source(connectionString: string, now?: () => number, timeoutMs = 5_000, log?: (event: string, fields?: Record<string, unknown>) => void): TokenSource {
  const setup = createDevIdentitySource({ connectionString, isPackaged: false, timeoutMs, ...(now && { now }), ...(log && { log }) });
  if (setup.kind !== 'ok') throw new Error(setup.kind);
  return setup.source;
}

const ok = (result: TokenResult) => {
  if (!result.ok) throw new Error(`expected a token, got ${result.error}`);
  return result;
};

describe('development identity (ACS_CONNECTION_STRING)', () => {
  it('is refused in a packaged build', () => {
    expect(createDevIdentitySource({ connectionString: 'endpoint=https://x.communication.azure.com/;accesskey=a2V5', isPackaged: true })).toEqual({
      kind: 'refused',
      reason: 'packaged',
    });
  });

  it('reports an invalid connection string without keeping it', () => {
    expect(createDevIdentitySource({ connectionString: 'accesskey=only', isPackaged: false })).toEqual({ kind: 'invalid' });
  });

  it('issues a voip.join token for a new identity through the signed ACS REST API, for 60 minutes', async () => {
    acs = await startFakeAcs();
    const result = ok(await source(acs.connectionString).getToken('Ada'));
    expect(acs.identities.has(result.userId)).toBe(true);
    expect(acs.issuedTokens).toEqual([result.token]);
    expect(result.expiresOnMs - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(acs.requests).toEqual([
      { method: 'POST', url: '/identities?api-version=2023-10-01', signed: true, body: { createTokenWithScopes: ['voip.join'], expiresInMinutes: 60 } },
    ]);
  });

  it('refreshes for the same identity once the token nears expiry', async () => {
    acs = await startFakeAcs();
    let offsetMs = 0;
    const tokens = source(acs.connectionString, () => Date.now() + offsetMs);
    const first = ok(await tokens.getToken('Ada'));
    offsetMs = 50 * 60_000;
    const second = ok(await tokens.getToken('Ada'));
    expect(second.userId).toBe(first.userId);
    // A new token, not the cached one kept after a failed refresh.
    expect(second.token).not.toBe(first.token);
    expect(acs.issuedTokens).toEqual([first.token, second.token]);
    expect(acs.requests.map((r) => r.url)).toEqual([
      '/identities?api-version=2023-10-01',
      `/identities/${encodeURIComponent(first.userId)}/:issueAccessToken?api-version=2023-10-01`,
    ]);
    expect(acs.requests[1].body).toEqual({ scopes: ['voip.join'], expiresInMinutes: 60 });
  });

  it('maps a rejected signature (wrong access key) to "refused"', async () => {
    acs = await startFakeAcs();
    const wrongKey = acs.connectionString.replace(/accesskey=.*/, `accesskey=${randomBytes(32).toString('base64')}`);
    expect(await source(wrongKey).getToken('Ada')).toEqual({ ok: false, error: 'refused' });
    expect(acs.requests[0].signed).toBe(false);
  });

  it('maps an unreachable ACS endpoint to "unreachable"', async () => {
    acs = await startFakeAcs();
    const connectionString = acs.connectionString;
    await acs.close();
    acs = undefined;
    expect(await source(connectionString).getToken('Ada')).toEqual({ ok: false, error: 'unreachable' });
  });

  it.each([
    [403, 'refused'],
    [400, 'serviceError'],
  ] as const)('maps an ACS %i to "%s", and logs only the code', async (status, error) => {
    acs = await startFakeAcs();
    acs.failNext(status);
    const events: Array<[string, Record<string, unknown> | undefined]> = [];
    expect(await source(acs.connectionString, undefined, 5_000, (event, fields) => events.push([event, fields])).getToken('Ada')).toEqual({ ok: false, error });
    expect(events).toContainEqual(['devTokenFailed', { error }]);
  });

  it('maps an ACS that does not answer in time to "timeout"', async () => {
    acs = await startFakeAcs({ latencyMs: 2_000 });
    expect(await source(acs.connectionString, undefined, 50).getToken('Ada')).toEqual({ ok: false, error: 'timeout' });
  });
});
