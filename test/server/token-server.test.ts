import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenClient } from '../../main/tokens/token-client';
import { readJwtExpiryMs } from '../../main/tokens/jwt';
import type { AcsIssuer } from '../../server/acs-issuer';
import { buildApp } from '../../server/app';
import { createJsonLog } from '../../server/log';
import { createMetrics } from '../../server/metrics';
import { startFakeAcs } from './fake-acs';
import { postToken, rawRequest, startHarness, testConfig, type Harness } from './harness';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function start(...args: Parameters<typeof startHarness>) {
  harness = await startHarness(...args);
  return harness;
}

interface TokenBody {
  token: string;
  expiresOn: string;
  user: { communicationUserId: string };
  refreshGrant: string;
}

describe('reference token service: POST /api/token', () => {
  it('creates an identity and a voip.join token through the signed ACS API', async () => {
    const { url, acs } = await start();
    const res = await postToken(url, { displayName: 'Ada' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = (await res.json()) as TokenBody;
    expect(Object.keys(body).sort()).toEqual(['expiresOn', 'refreshGrant', 'token', 'user']);
    expect(acs.issuedTokens).toEqual([body.token]);
    expect(acs.identities.has(body.user.communicationUserId)).toBe(true);
    expect(Date.parse(body.expiresOn) - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(readJwtExpiryMs(body.token)).toBeGreaterThan(Date.now());
    expect(acs.requests).toEqual([
      { method: 'POST', url: '/identities?api-version=2023-10-01', signed: true, body: { createTokenWithScopes: ['voip.join'], expiresInMinutes: 60 } },
    ]);
  });

  it('adds chat.join and uses the configured expiry', async () => {
    const { url, acs } = await start({ chatJoin: true, tokenExpiryMinutes: 240 });
    const answer = await postToken(url, { displayName: 'Ada' });
    expect(answer.status).toBe(200);
    expect(acs.requests[0].body).toEqual({ createTokenWithScopes: ['voip.join', 'chat.join'], expiresInMinutes: 240 });
    // The renderer's chat client needs the resource's endpoint (the fake ACS's loopback origin here).
    expect(((await answer.json()) as { chatEndpoint?: string }).chatEndpoint).toBe(new URL(acs.endpoint).origin);
  });

  it('serves the main-process token client, and a refresh keeps the identity', async () => {
    const { url, acs } = await start();
    let offsetMs = 0;
    const client = createTokenClient({ endpoint: `${url}/api/token`, fetch, now: () => Date.now() + offsetMs });
    const first = await client.getToken('Ada');
    offsetMs = 50 * 60_000; // within the refresh margin
    const second = await client.getToken('Ada');
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(second.userId).toBe(first.userId);
    expect(second.token).not.toBe(first.token);
    expect(acs.requests.map((r) => r.url)).toEqual([
      '/identities?api-version=2023-10-01',
      `/identities/${encodeURIComponent(first.userId)}/:issueAccessToken?api-version=2023-10-01`,
    ]);
  });

  it('ignores a forged or expired refresh grant and creates a new identity', async () => {
    let offsetMs = 0;
    const { url, acs, logs } = await start({}, { now: () => Date.now() + offsetMs });
    const first = (await (await postToken(url, { displayName: 'Ada' })).json()) as TokenBody;
    const forged = first.refreshGrant.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const afterForgery = (await (await postToken(url, { displayName: 'Ada', refreshGrant: forged })).json()) as TokenBody;
    expect(afterForgery.user.communicationUserId).not.toBe(first.user.communicationUserId);

    offsetMs = 61 * 60_000;
    const afterExpiry = (await (await postToken(url, { displayName: 'Ada', refreshGrant: first.refreshGrant })).json()) as TokenBody;
    expect(afterExpiry.user.communicationUserId).not.toBe(first.user.communicationUserId);
    expect(acs.requests.every((r) => r.url.startsWith('/identities?'))).toBe(true);
    expect(logs.filter((l) => l.includes('"refreshGrantRejected"'))).toHaveLength(2);
  });

  it('ends a refresh chain at GRANT_CHAIN_MAX_HOURS, however often it was refreshed', async () => {
    let offsetMs = 0;
    const { url, logs } = await start({ grantChainMaxMinutes: 120 }, { now: () => Date.now() + offsetMs });
    const first = (await (await postToken(url, { displayName: 'Ada' })).json()) as TokenBody;
    let grant = first.refreshGrant;
    // Refreshed every 50 minutes, each time within the previous token's lifetime.
    for (const minutes of [50, 100]) {
      offsetMs = minutes * 60_000;
      const refreshed = (await (await postToken(url, { displayName: 'Ada', refreshGrant: grant })).json()) as TokenBody;
      expect(refreshed.user.communicationUserId).toBe(first.user.communicationUserId);
      grant = refreshed.refreshGrant;
    }
    offsetMs = 121 * 60_000; // the last token (from minute 100) is still valid, the chain is not
    const afterCap = (await (await postToken(url, { displayName: 'Ada', refreshGrant: grant })).json()) as TokenBody;
    expect(afterCap.user.communicationUserId).not.toBe(first.user.communicationUserId);
    expect(logs.some((l) => l.includes('"refreshGrantRejected"') && l.includes('"reason":"chainEnded"'))).toBe(true);
  });

  it('sends security headers and no CORS headers, even to a browser origin', async () => {
    const { url } = await start();
    const res = await postToken(url, { displayName: 'Ada' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect([...res.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);

    const preflight = await rawRequest(`${url}/api/token`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(405);
    expect(Object.keys(preflight.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it.each([
    ['missing', undefined],
    ['text/plain (a CORS "simple" request)', 'text/plain'],
    ['a form post', 'application/x-www-form-urlencoded'],
    ['JSON in another charset', 'application/json; charset=latin1'],
  ])('answers 415 to a content type that is %s', async (_name, contentType) => {
    const { url, acs } = await start();
    const res = await rawRequest(`${url}/api/token`, { headers: contentType ? { 'content-type': contentType } : {}, body: '{"displayName":"Ada"}' });
    expect(res.status).toBe(415);
    // Answered before the body was read: the connection is closed rather than parsed past.
    expect([res.headers['content-type'], res.headers.connection, res.body]).toEqual(['application/json; charset=utf-8', 'close', '{"error":"unsupportedMediaType"}']);
    expect(acs.requests).toHaveLength(0);
  });

  it('accepts JSON declared with charset=utf-8', async () => {
    const { url } = await start();
    expect((await postToken(url, { displayName: 'Ada' }, { 'content-type': 'application/json; charset=UTF-8' })).status).toBe(200);
  });

  it('answers 413 to a body over the limit, declared or streamed', async () => {
    const { url, acs } = await start({ maxBodyBytes: 1024 });
    const declared = await rawRequest(`${url}/api/token`, {
      headers: { 'content-type': 'application/json', 'content-length': '5000' },
      body: Buffer.alloc(5000, 0x20),
    });
    expect(declared.status).toBe(413);
    expect([declared.headers.connection, declared.body]).toEqual(['close', '{"error":"bodyTooLarge"}']);
    const streamed = await rawRequest(`${url}/api/token`, {
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      chunks: Array.from({ length: 8 }, () => Buffer.alloc(512, 0x20)),
    });
    expect(streamed.status).toBe(413);
    expect(acs.requests).toHaveLength(0);
  });

  it.each([
    ['malformed JSON', '{"displayName": "Ada"', 'invalidJson'],
    ['an empty body', '', 'invalidJson'],
    ['JSON that is not an object', '"Ada"', 'invalidRequest'],
    ['a missing display name', '{}', 'invalidRequest'],
    ['a display name that is not a string', '{"displayName": 42}', 'invalidRequest'],
    ['an unknown field', '{"displayName": "Ada", "scopes": ["chat"]}', 'invalidRequest'],
    ['an empty display name', '{"displayName": ""}', 'invalidDisplayName'],
    ['a blank display name', '{"displayName": "   "}', 'invalidDisplayName'],
    ['a 257-character display name', JSON.stringify({ displayName: 'a'.repeat(257) }), 'invalidDisplayName'],
    ['a display name with a newline', '{"displayName": "Ada\\nLovelace"}', 'invalidDisplayName'],
    ['a body that is not UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), 'invalidJson'],
    ['a name with a byte that is not UTF-8 (not read as U+FFFD)', Buffer.concat([Buffer.from('{"displayName":"Ada'), Buffer.from([0xff]), Buffer.from('"}')]), 'invalidJson'],
  ])('answers 400 to %s', async (_name, body, code) => {
    const { url, acs } = await start();
    const res = await rawRequest(`${url}/api/token`, { headers: { 'content-type': 'application/json' }, body });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: code });
    // A body that could not be parsed may not have been read whole: that connection is closed. One
    // that was parsed but refused by the schema keeps the connection open for the next request.
    expect([res.headers['content-type'], res.headers.connection]).toEqual(['application/json; charset=utf-8', code === 'invalidJson' ? 'close' : 'keep-alive']);
    expect(acs.requests).toHaveLength(0);
  });

  it('accepts display names of 1 and 256 characters, trimmed', async () => {
    const { url } = await start();
    expect((await postToken(url, { displayName: ' A ' })).status).toBe(200);
    expect((await postToken(url, { displayName: `  ${'가'.repeat(256)}  ` })).status).toBe(200);
  });

  it('requires the app key when one is configured', async () => {
    const appKey = 'k3y-0123456789abcdef';
    const { url, acs } = await start({ appKey });
    expect((await postToken(url, { displayName: 'Ada' })).status).toBe(401);
    expect((await postToken(url, { displayName: 'Ada' }, { 'x-doorway-app-key': 'k3y-0123456789abcdeX' })).status).toBe(401);
    expect((await postToken(url, { displayName: 'Ada' }, { 'x-doorway-app-key': 'short' })).status).toBe(401);
    expect(acs.requests).toHaveLength(0);
    expect((await postToken(url, { displayName: 'Ada' }, { 'x-doorway-app-key': appKey })).status).toBe(200);
  });

  it('rate-limits each client with a token bucket, and refills it over time', async () => {
    let offsetMs = 0;
    const { url } = await start({ rateLimit: { burst: 3, perMinute: 6 } }, { now: () => Date.now() + offsetMs });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await postToken(url, { displayName: 'Ada' })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await postToken(url, { displayName: 'Ada' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    offsetMs += 10_000; // one request's worth at 6 per minute
    expect((await postToken(url, { displayName: 'Ada' })).status).toBe(200);
    expect((await postToken(url, { displayName: 'Ada' })).status).toBe(429);
  });

  it('keys the limit on X-Forwarded-For only when told to trust the proxy', async () => {
    const spoofed = await start({ rateLimit: { burst: 1, perMinute: 1 } });
    expect((await postToken(spoofed.url, { displayName: 'A' }, { 'x-forwarded-for': '198.51.100.1' })).status).toBe(200);
    expect((await postToken(spoofed.url, { displayName: 'A' }, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(429);
    await spoofed.close();

    const { url } = await start({ rateLimit: { burst: 1, perMinute: 1 }, trustProxy: true });
    // The proxy appends the address it saw; what the client put first does not count.
    expect((await postToken(url, { displayName: 'A' }, { 'x-forwarded-for': '10.0.0.1, 198.51.100.1' })).status).toBe(200);
    expect((await postToken(url, { displayName: 'A' }, { 'x-forwarded-for': '10.0.0.2, 198.51.100.1' })).status).toBe(429);
    expect((await postToken(url, { displayName: 'A' }, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
  });

  it('answers 502 when ACS keeps failing, after the SDK retries', async () => {
    const { url, acs } = await start();
    acs.failNext(500, 3);
    const res = await postToken(url, { displayName: 'Ada' });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual({ error: 'upstreamFailed' });
    expect(acs.requests).toHaveLength(3);
  });

  it('answers 502 and logs an error when ACS rejects the signature (wrong access key)', async () => {
    const { url, acs, logs } = await start({}, { wrongAccessKey: true });
    const res = await postToken(url, { displayName: 'Ada' });
    expect(res.status).toBe(502);
    expect(acs.requests.map((r) => r.signed)).toEqual([false]);
    expect(logs.some((l) => l.includes('"level":"error"') && l.includes('"failure":"denied"'))).toBe(true);
  });

  it('answers 503 with Retry-After when ACS throttles, and 504 when ACS is too slow', async () => {
    const throttled = await start();
    throttled.acs.failNext(429, 3);
    const res = await postToken(throttled.url, { displayName: 'Ada' });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('10');
    await throttled.close();

    const slow = await start({ acsTimeoutMs: 200 }, { acsLatencyMs: 1_000 });
    expect((await postToken(slow.url, { displayName: 'Ada' })).status).toBe(504);
  });

  it('answers 500 without details if the issuer throws', async () => {
    const broken: AcsIssuer = {
      createIdentityWithToken: () => Promise.reject(new Error('8:acs:secret')),
      issueToken: () => Promise.reject(new Error('8:acs:secret')),
    };
    const { url, logs } = await start({}, { issuer: broken });
    const res = await postToken(url, { displayName: 'Ada' });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'internal' });
    expect(logs.join('\n')).not.toContain('8:acs:secret');
    // The operator learns which route failed, and nothing of the error's text.
    expect(logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === 'unexpectedError')).toEqual([
      { time: expect.any(String), level: 'error', event: 'unexpectedError', route: 'token' },
    ]);
  });
});

describe('reference token service: what reaches ACS, and what ACS answers', () => {
  it('answers 502 and logs an error when ACS refuses the access key with 403', async () => {
    const { url, acs, logs } = await start();
    acs.failNext(403);
    const res = await postToken(url, { displayName: 'Ada' });
    expect([res.status, await res.json()]).toEqual([502, { error: 'upstreamFailed' }]);
    expect(acs.requests).toHaveLength(1);
    const failure = logs.map((line) => JSON.parse(line) as { level: string; event: string; failure?: string }).find((line) => line.event === 'acsFailed');
    expect(failure).toMatchObject({ level: 'error', failure: 'denied', status: 403 });
  });

  it('gives a new identity when the grant’s identity was deleted in ACS', async () => {
    const { url, acs, logs } = await start();
    const first = (await (await postToken(url, { displayName: 'Ada' })).json()) as TokenBody;
    acs.identities.delete(first.user.communicationUserId);
    const res = await postToken(url, { displayName: 'Ada', refreshGrant: first.refreshGrant });
    expect(res.status).toBe(200);
    const second = (await res.json()) as TokenBody;
    expect(second.user.communicationUserId).not.toBe(first.user.communicationUserId);
    expect(acs.identities.has(second.user.communicationUserId)).toBe(true);
    expect(acs.requests.map((r) => r.url.split('?')[0])).toEqual(['/identities', `/identities/${encodeURIComponent(first.user.communicationUserId)}/:issueAccessToken`, '/identities']);
    expect(logs.some((l) => l.includes('"refreshIdentityGone"'))).toBe(true);
  });

  it('answers 502 and logs ACS as unreachable when nothing listens at its endpoint', async () => {
    const closed = await startFakeAcs();
    await closed.close();
    const logs: string[] = [];
    const app = buildApp({ config: testConfig(closed.connectionString), log: createJsonLog((line) => logs.push(line)) });
    const res = await app.inject({ method: 'POST', url: '/api/token', headers: { 'content-type': 'application/json' }, payload: '{"displayName":"Ada"}' });
    expect([res.statusCode, res.json()]).toEqual([502, { error: 'upstreamFailed' }]);
    const failure = logs.map((line) => JSON.parse(line) as { level: string; event: string; failure?: string }).find((line) => line.event === 'acsFailed');
    expect(failure).toMatchObject({ level: 'warn', failure: 'unreachable' });
  });

  it('never sends a signed request over plain http to a host other than this machine’s loopback names', async () => {
    // 127.0.0.2 is reachable here but is not one of the loopback names a local fake ACS may use:
    // the SDK must refuse to send the access key's signature to it in clear.
    const received: string[] = [];
    const server = createServer((req, res) => {
      received.push(req.url ?? '');
      res.writeHead(500).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const app = buildApp({ config: testConfig(`endpoint=http://127.0.0.2:${port}/;accesskey=${randomBytes(32).toString('base64')}`), log: createJsonLog(() => undefined) });
      const res = await app.inject({ method: 'POST', url: '/api/token', headers: { 'content-type': 'application/json' }, payload: '{"displayName":"Ada"}' });
      expect([res.statusCode, res.json()]).toEqual([502, { error: 'upstreamFailed' }]);
      expect(received).toEqual([]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('asks for no app key on the health routes, logs a refused key, and closes that connection', async () => {
    const appKey = 'k3y-0123456789abcdef';
    const { url, logs } = await start({ appKey });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const refused = await rawRequest(`${url}/api/token`, { headers: { 'content-type': 'application/json' }, body: '{"displayName":"Ada"}' });
    expect([refused.status, refused.headers.connection, JSON.parse(refused.body)]).toEqual([401, 'close', { error: 'appKeyRequired' }]);
    expect(logs.filter((l) => l.includes('"appKeyRejected"'))).toHaveLength(1);
  });

  it('closes a rate-limited client’s connection and counts it in the metrics', async () => {
    const metrics = createMetrics();
    const { url } = await start({ rateLimit: { burst: 1, perMinute: 1 } }, { metrics });
    expect((await postToken(url, { displayName: 'Ada' })).status).toBe(200);
    const limited = await rawRequest(`${url}/api/token`, { headers: { 'content-type': 'application/json' }, body: '{"displayName":"Ada"}' });
    expect([limited.status, limited.headers.connection, JSON.parse(limited.body)]).toEqual([429, 'close', { error: 'rateLimited' }]);
    expect(await metrics.registry.getSingleMetricAsString('doorway_rate_limited_total')).toContain('doorway_rate_limited_total 1');
  });
});

describe('reference token service: other routes', () => {
  it('answers GET /healthz, and 405/404 elsewhere', async () => {
    const { url } = await start();
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${url}/healthz`, { method: 'POST' })).status).toBe(405);
    const get = await fetch(`${url}/api/token`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/api/token/../../etc/passwd`)).status).toBe(404);
  });
});

describe('reference token service: logs and shutdown', () => {
  it('logs structured JSON without tokens, user ids, grants, names, keys or addresses', async () => {
    const appKey = 'app-key-0123456789-secret';
    const { url, acs, logs } = await start({ appKey, rateLimit: { burst: 2, perMinute: 1 }, trustProxy: true });
    const headers = { 'x-doorway-app-key': appKey, 'x-forwarded-for': '198.51.100.77' };
    const first = (await (await postToken(url, { displayName: 'Ada Lovelace' }, headers)).json()) as TokenBody;
    await postToken(url, { displayName: 'Ada Lovelace', refreshGrant: first.refreshGrant }, headers);
    await postToken(url, { displayName: 'Ada Lovelace' }, headers); // 429
    await postToken(url, { displayName: 'x' }, { 'x-doorway-app-key': 'wrong-key-0123456789' });

    expect(logs.length).toBeGreaterThan(4);
    for (const line of logs) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(logs.some((l) => (JSON.parse(l) as { event: string }).event === 'tokenIssued')).toBe(true);
    expect(logs.some((l) => (JSON.parse(l) as { event: string }).event === 'rateLimited')).toBe(true);
    const text = logs.join('\n');
    const accessKey = /accesskey=(.*)$/.exec(acs.connectionString)![1];
    const secrets = [...acs.issuedTokens, ...acs.identities, first.refreshGrant, 'Ada', appKey, 'wrong-key', accessKey, '198.51.100.77', '8:acs'];
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('finishes requests in flight on close, then refuses new connections', async () => {
    const { url, service, acs } = await start({}, { acsLatencyMs: 300 });
    const pending = postToken(url, { displayName: 'Ada' });
    await expect.poll(() => acs.requests.length, { timeout: 5_000 }).toBe(1);
    const closed = service.close(5_000);
    expect((await pending).status).toBe(200);
    await closed;
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
