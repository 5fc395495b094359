import { afterEach, describe, expect, it } from 'vitest';
import { createTokenService } from '../../../main/tokens/token-service';
import { TOKEN_ERROR_CODES } from '../../../main/tokens/types';
import { LOCALE_TAGS, messagesOf } from '../../../common/i18n';
import { startFakeAcs, type FakeAcs } from '../../server/fake-acs';
import { startHarness, type Harness } from '../../server/harness';
import { json, startLoopback, tokenBody, type Loopback } from './loopback';

let server: Loopback | undefined;
let acs: FakeAcs | undefined;
let service: Harness | undefined;
afterEach(async () => {
  await server?.close();
  await acs?.close();
  await service?.close();
  server = acs = service = undefined;
});

describe('token service (what the IPC handlers use)', () => {
  it('answers "notConfigured" when the build has no endpoint', async () => {
    const lines: string[] = [];
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: true, env: {}, fetch, log: (l) => lines.push(l) });
    expect(tokens).toMatchObject({ mode: 'notConfigured', configured: false });
    expect(await tokens.get('Ada')).toEqual({ ok: false, error: 'notConfigured' });
    expect(lines).toEqual([
      'tokens: source {"use":"none","why":"packaged build without a tokenEndpoint in its branding"}',
      'tokens: tokenEndpointUnavailable {"reason":"notConfigured"}',
    ]);
  });

  it('uses the endpoint and hands the renderer no user id', async () => {
    server = await startLoopback((_req, res) => json(res, 200, tokenBody(Date.now(), 60 * 60_000)));
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: false, env: { DOORWAY_TOKEN_ENDPOINT: server.url }, fetch });
    expect(tokens.mode).toBe('service');
    const reply = await tokens.get('Ada');
    expect(reply.ok && Object.keys(reply).sort()).toEqual(['expiresOnMs', 'ok', 'token']);
  });

  it('hands the renderer the chat endpoint when the service grants chat', async () => {
    server = await startLoopback((_req, res) => json(res, 200, tokenBody(Date.now(), 60 * 60_000, undefined, { chatEndpoint: 'https://contoso.communication.azure.com/' })));
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: false, env: { DOORWAY_TOKEN_ENDPOINT: server.url }, fetch });
    const reply = await tokens.get('Ada');
    expect(reply.ok && Object.keys(reply).sort()).toEqual(['chatEndpoint', 'expiresOnMs', 'ok', 'token']);
    expect(reply.ok && reply.chatEndpoint).toBe('https://contoso.communication.azure.com');
  });

  it('refuses a plain-http endpoint in a packaged build', async () => {
    const tokens = createTokenService({ branding: { tokenEndpoint: 'http://localhost:8080/api/token' }, isPackaged: true, env: {}, fetch });
    expect(tokens.mode).toBe('notConfigured');
    expect(await tokens.get('Ada')).toEqual({ ok: false, error: 'notConfigured' });
  });

  it('issues tokens itself with ACS_CONNECTION_STRING in development', async () => {
    acs = await startFakeAcs();
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: false, env: { ACS_CONNECTION_STRING: acs.connectionString }, fetch });
    expect(tokens.mode).toBe('development');
    expect((await tokens.get('Ada')).ok).toBe(true);
  });

  it('ignores ACS_CONNECTION_STRING in a packaged build and uses the configured service', async () => {
    const lines: string[] = [];
    const tokens = createTokenService({
      branding: { tokenEndpoint: 'https://tokens.example.com/api/token' },
      isPackaged: true,
      env: { ACS_CONNECTION_STRING: 'endpoint=https://x.communication.azure.com/;accesskey=c2VjcmV0' },
      fetch,
      log: (l) => lines.push(l),
    });
    expect(tokens.mode).toBe('service');
    expect(lines[0]).toMatch(/^tokens: source \{"use":"buildEndpoint".*"ignored":\[\{"name":"ACS_CONNECTION_STRING"/);
    expect(lines.join('\n')).not.toContain('c2VjcmV0');
  });

  it("sends the branding's app key to a service that requires APP_KEY (the real token service), and only to the build's endpoint", async () => {
    const appKey = 'contoso-app-key-0123456789';
    service = await startHarness({ appKey });
    const endpoint = `${service.url}/api/token`;
    const keyless = createTokenService({ branding: { tokenEndpoint: endpoint, tokenAppKey: '' }, isPackaged: false, env: {}, fetch });
    expect(await keyless.get('Ada')).toEqual({ ok: false, error: 'refused' });
    const branded = createTokenService({ branding: { tokenEndpoint: endpoint, tokenAppKey: appKey }, isPackaged: false, env: {}, fetch });
    expect((await branded.get('Ada')).ok).toBe(true);

    // A developer's DOORWAY_TOKEN_ENDPOINT is another service: the organization's key does not go there.
    server = await startLoopback((_req, res) => json(res, 200, tokenBody(Date.now(), 60 * 60_000)));
    const overridden = createTokenService({
      branding: { tokenEndpoint: endpoint, tokenAppKey: appKey },
      isPackaged: false,
      env: { DOORWAY_TOKEN_ENDPOINT: server.url },
      fetch,
    });
    expect((await overridden.get('Ada')).ok).toBe(true);
    expect(server.requests[0].headers['x-doorway-app-key']).toBeUndefined();
  });

  it('uses DOORWAY_TOKEN_ENDPOINT over ACS_CONNECTION_STRING when both are set, and logs why', async () => {
    server = await startLoopback((_req, res) => json(res, 200, tokenBody(Date.now(), 60 * 60_000)));
    const lines: string[] = [];
    const env = { DOORWAY_TOKEN_ENDPOINT: server.url, ACS_CONNECTION_STRING: 'endpoint=https://x.communication.azure.com/;accesskey=c2VjcmV0' };
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: false, env, fetch, log: (l) => lines.push(l) });
    expect(tokens.mode).toBe('service');
    expect(await tokens.get('Ada')).toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(1);
    expect(lines[0]).toMatch(/^tokens: source \{"use":"envEndpoint","why":"DOORWAY_TOKEN_ENDPOINT is set.*"ignored":\[\{"name":"ACS_CONNECTION_STRING","reason":"DOORWAY_TOKEN_ENDPOINT is set and wins"\}\]\}$/);
    expect(lines.join('\n')).not.toContain('c2VjcmV0');
  });

  it('gives each meeting its own ACS identity: the token and its identity are dropped when a meeting ends', async () => {
    let issued = 0;
    server = await startLoopback((_req, res) => json(res, 200, tokenBody(Date.now(), 60 * 60_000, `8:acs:resource_user-${++issued}`)));
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: false, env: { DOORWAY_TOKEN_ENDPOINT: server.url }, fetch });
    const first = await tokens.get('Ada');
    tokens.presenceChanged(true);
    expect(await tokens.get('Ada')).toEqual(first);
    // Presence repeated during the meeting (its name or call id changed) keeps the identity.
    expect(await tokens.get('Ada')).toEqual(first);
    tokens.presenceChanged(false);
    const second = await tokens.get('Ada');
    expect(second.ok && first.ok && second.token !== first.token).toBe(true);
    expect(server.requests).toHaveLength(2);
    // The second request is a fresh identity, not a refresh of the first one.
    expect(JSON.parse(server.requests[1].body)).toEqual({ displayName: 'Ada' });
    // Leaving the join screen without a meeting keeps the prefetched token.
    tokens.presenceChanged(false);
    expect(await tokens.get('Ada')).toEqual(second);
  });

  it('starts the request on prefetch, and clear() drops the token', async () => {
    let issued = 0;
    server = await startLoopback((_req, res) => json(res, 200, tokenBody(Date.now(), 60 * 60_000, `8:acs:resource_user-${++issued}`)));
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: false, env: { DOORWAY_TOKEN_ENDPOINT: server.url }, fetch });
    tokens.prefetch('Ada');
    await expect.poll(() => server?.requests.length).toBe(1);
    const first = await tokens.get('Ada');
    expect(server.requests).toHaveLength(1);
    tokens.clear();
    const second = await tokens.get('Ada');
    expect(second.ok && first.ok && second.token !== first.token).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('says why a development connection string cannot be used', async () => {
    const lines: string[] = [];
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: false, env: { ACS_CONNECTION_STRING: 'accesskey=only' }, fetch, log: (l) => lines.push(l) });
    expect(tokens.mode).toBe('notConfigured');
    expect(lines).toContain('tokens: devIdentityUnavailable {"reason":"invalidConnectionString"}');
  });

  it('has a message for every error code in every language', () => {
    for (const lang of LOCALE_TAGS) {
      for (const code of TOKEN_ERROR_CODES) expect(messagesOf(lang)[`token.error.${code}`], `${lang}:${code}`).toBeTruthy();
    }
  });
});
