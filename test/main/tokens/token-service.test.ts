import { afterEach, describe, expect, it } from 'vitest';
import { createTokenService } from '../../../main/tokens/token-service';
import { TOKEN_ERROR_CODES } from '../../../main/tokens/types';
import { catalogueFor, LANGUAGES } from '../../../common/i18n';
import { startFakeAcs, type FakeAcs } from '../../server/fake-acs';
import { json, startLoopback, tokenBody, type Loopback } from './loopback';

let server: Loopback | undefined;
let acs: FakeAcs | undefined;
afterEach(async () => {
  await server?.close();
  await acs?.close();
  server = acs = undefined;
});

describe('token service (what the IPC handlers use)', () => {
  it('answers "notConfigured" when the build has no endpoint', async () => {
    const lines: string[] = [];
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: true, env: {}, fetch, log: (l) => lines.push(l) });
    expect(tokens).toMatchObject({ mode: 'notConfigured', configured: false });
    expect(await tokens.get('Ada')).toEqual({ ok: false, error: 'notConfigured' });
    expect(lines).toEqual(['tokens: tokenEndpointUnavailable {"reason":"notConfigured"}']);
  });

  it('uses the endpoint and hands the renderer no user id', async () => {
    server = await startLoopback((_req, res) => json(res, 200, tokenBody(Date.now(), 60 * 60_000)));
    const tokens = createTokenService({ branding: { tokenEndpoint: '' }, isPackaged: false, env: { DOORWAY_TOKEN_ENDPOINT: server.url }, fetch });
    expect(tokens.mode).toBe('service');
    const reply = await tokens.get('Ada');
    expect(reply.ok && Object.keys(reply).sort()).toEqual(['expiresOnMs', 'ok', 'token']);
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
    expect(lines[0]).toBe('tokens: devIdentityUnavailable {"reason":"packaged"}');
    expect(lines.join('\n')).not.toContain('c2VjcmV0');
  });

  it('has a message for every error code in every language', () => {
    for (const lang of LANGUAGES) {
      for (const code of TOKEN_ERROR_CODES) expect(catalogueFor(lang)[`token.error.${code}`], `${lang}:${code}`).toBeTruthy();
    }
  });
});
