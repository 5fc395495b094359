import { afterEach, describe, expect, it } from 'vitest';
import { createTokenClient, readLimitedText, type TokenClientOptions } from '../../../main/tokens/token-client';
import type { TokenResult } from '../../../main/tokens/types';
import { json, jwt, startLoopback, tokenBody, type Handler, type Loopback } from './loopback';

const MINUTE = 60_000;
let server: Loopback | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A clock that only moves when the client sleeps or the test says so; every sleep is recorded. */
function fakeClock() {
  const clock = {
    ms: Date.now(),
    sleeps: [] as number[],
    now: () => clock.ms,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.ms += ms;
    },
  };
  return clock;
}

async function setup(handler: Handler, options: Partial<TokenClientOptions> = {}) {
  server = await startLoopback(handler);
  const clock = fakeClock();
  const events: Array<[string, Record<string, unknown> | undefined]> = [];
  const client = createTokenClient({
    endpoint: server.url,
    fetch,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    timeoutMs: 2_000,
    log: (event, fields) => events.push([event, fields]),
    ...options,
  });
  return { client, clock, events, requests: server.requests };
}

const ok = (result: TokenResult) => {
  if (!result.ok) throw new Error(`expected a token, got ${result.error}`);
  return result;
};

describe('token client against a loopback token service', () => {
  it('fetches a token, validates it and serves it from the cache while fresh', async () => {
    let now = 0;
    const { client, clock, requests } = await setup((_req, res) => json(res, 200, tokenBody(now, 60 * MINUTE)));
    now = clock.ms;
    const result = ok(await client.getToken('Ada'));
    expect(result.userId).toBe('8:acs:resource_user-1');
    expect(result.expiresOnMs).toBe(Math.floor((now + 60 * MINUTE) / 1000) * 1000);
    expect(requests).toHaveLength(1);
    expect(requests[0].method).toBe('POST');
    expect(requests[0].headers['content-type']).toBe('application/json');
    expect(JSON.parse(requests[0].body)).toEqual({ displayName: 'Ada' });

    clock.ms += 30 * MINUTE;
    expect(ok(await client.getToken('Ada')).token).toBe(result.token);
    expect(requests).toHaveLength(1);
  });

  it('passes on an ACS chat endpoint the service names, and drops any other', async () => {
    const cases: Array<[string, string | undefined]> = [
      ['https://contoso.communication.azure.com/', 'https://contoso.communication.azure.com'],
      ['https://contoso.communication.azure.com', 'https://contoso.communication.azure.com'],
      ['http://contoso.communication.azure.com/', undefined],
      ['https://evil.example/', undefined],
      ['https://contoso.communication.azure.com.evil.example/', undefined],
      ['https://user:pw@contoso.communication.azure.com/', undefined],
      ['https://contoso.communication.azure.com:8443/', undefined],
      ['https://contoso.communication.azure.com/chat?x=1', undefined],
    ];
    for (const [chatEndpoint, expected] of cases) {
      const { client, clock, events } = await setup((_req, res) => json(res, 200, { ...tokenBody(clock.ms, 60 * MINUTE), chatEndpoint }));
      const result = ok(await client.getToken('Ada'));
      expect(result.chatEndpoint).toBe(expected);
      expect(events.some(([event]) => event === 'chatEndpointRefused')).toBe(expected === undefined);
      await server?.close();
    }
  });

  it('gives up with "timeout" when the service is too slow, after the allowed attempts', async () => {
    // Counted from the client's side: on a loaded machine a 150 ms attempt may end before its
    // request has reached the server.
    const { client, events } = await setup(() => {}, { timeoutMs: 150, maxAttempts: 2 });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'timeout' });
    expect(events).toEqual([
      ['tokenAttemptFailed', { attempt: 1, error: 'timeout' }],
      ['tokenAttemptFailed', { attempt: 2, error: 'timeout' }],
    ]);
  });

  it('also times out on a body that never finishes', async () => {
    const { client } = await setup(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"token":');
      },
      { timeoutMs: 150, maxAttempts: 1 },
    );
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'timeout' });
  });

  it('retries after a connection reset', async () => {
    const { client, clock, requests, events } = await setup((req, res, index) =>
      index === 0 ? req.socket.destroy() : json(res, 200, tokenBody(clock.ms, 60 * MINUTE)),
    );
    ok(await client.getToken('Ada'));
    expect(requests).toHaveLength(2);
    expect(events).toContainEqual(['tokenAttemptFailed', { attempt: 1, error: 'unreachable', cause: 'UND_ERR_SOCKET' }]);
  });

  it('reports "unreachable" when every attempt is reset, with bounded full-jitter backoff', async () => {
    const { client, clock, requests } = await setup((req) => req.socket.destroy(), { maxAttempts: 4 });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'unreachable' });
    expect(requests).toHaveLength(4);
    // random() = 0.5 of min(8 s, 500 ms · 2^n)
    expect(clock.sleeps).toEqual([250, 500, 1000]);
  });

  it('reports "offline" when the network is down', async () => {
    const { client } = await setup(() => {}, { isOnline: () => false, maxAttempts: 2 });
    await server!.close();
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'offline' });
  });

  it('retries a 500, then succeeds', async () => {
    const { client, clock, requests } = await setup((_req, res, index) =>
      index === 0 ? json(res, 500, { error: 'boom' }) : json(res, 200, tokenBody(clock.ms, 60 * MINUTE)),
    );
    ok(await client.getToken('Ada'));
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([250]);
  });

  it('reports "serviceError" once 5xx answers use up the attempts', async () => {
    const { client, requests } = await setup((_req, res) => json(res, 503, {}), { maxAttempts: 3 });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'serviceError' });
    expect(requests).toHaveLength(3);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    const { client, clock, requests } = await setup((_req, res, index) =>
      index === 0 ? json(res, 429, {}, { 'retry-after': '3' }) : json(res, 200, tokenBody(clock.ms, 60 * MINUTE)),
    );
    ok(await client.getToken('Ada'));
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([3_000]);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const { client, clock } = await setup((_req, res, index) =>
      index === 0
        ? json(res, 429, {}, { 'retry-after': new Date(clock.ms + 5_000).toUTCString() })
        : json(res, 200, tokenBody(clock.ms, 60 * MINUTE)),
    );
    ok(await client.getToken('Ada'));
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(3_900);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(5_000);
  });

  it('answers "rateLimited" at once when Retry-After is longer than it will wait', async () => {
    const { client, clock, requests } = await setup((_req, res) => json(res, 429, {}, { 'retry-after': '120' }));
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'rateLimited' });
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops retrying when the total time budget is spent', async () => {
    const { client, requests } = await setup((_req, res) => json(res, 429, {}, { 'retry-after': '12' }), {
      maxAttempts: 10,
      maxTotalMs: 30_000,
    });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'rateLimited' });
    // 0 s, 12 s, 24 s; a wait to 36 s would exceed the budget.
    expect(requests).toHaveLength(3);
  });

  it.each([
    [401, 'refused'],
    [403, 'refused'],
    [400, 'serviceError'],
    [404, 'serviceError'],
  ] as const)('does not retry a %i (%s)', async (status, error) => {
    const { client, clock, requests } = await setup((_req, res) => json(res, status, {}));
    expect(await client.getToken('Ada')).toEqual({ ok: false, error });
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('does not follow redirects', async () => {
    let redirected = false;
    const target = await startLoopback((_req, res) => {
      redirected = true;
      json(res, 200, {});
    });
    try {
      const { client } = await setup((_req, res) => {
        res.writeHead(307, { location: target.url });
        res.end();
      });
      expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'badResponse' });
      expect(redirected).toBe(false);
    } finally {
      await target.close();
    }
  });

  it.each([
    ['malformed JSON', () => '{"token": "abc", '],
    ['a missing user', (now: number) => ({ ...tokenBody(now, 60 * MINUTE), user: undefined })],
    ['a token that is not a JWT', (now: number) => ({ ...tokenBody(now, 60 * MINUTE), token: 'not-a-jwt' })],
    ['a JWT without exp', (now: number) => ({ ...tokenBody(now, 60 * MINUTE), token: jwt({ skypeid: 'acs:x' }) })],
    ['an unparseable expiresOn', (now: number) => ({ ...tokenBody(now, 60 * MINUTE), expiresOn: 'soon' })],
    ['an expired token', (now: number) => tokenBody(now, -5 * MINUTE)],
    ['a token expiring within the skew', (now: number) => tokenBody(now, 30_000)],
    ['an oversized body', () => ' '.repeat(100_000)],
  ])('rejects %s as "badResponse" without retrying', async (_name, body) => {
    const { client, clock, requests } = await setup((_req, res) => json(res, 200, body(clock.ms)));
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'badResponse' });
    expect(requests).toHaveLength(1);
  });

  it('coalesces twenty concurrent getToken calls into one request', async () => {
    let now = 0;
    const { client, clock, requests } = await setup((_req, res) => setTimeout(() => json(res, 200, tokenBody(now, 60 * MINUTE)), 50));
    now = clock.ms;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => client.getToken(`Guest ${i}`)));
    expect(requests).toHaveLength(1);
    const tokens = new Set(results.map((r) => ok(r).token));
    expect(tokens.size).toBe(1);
  });

  it('prefetches on the join screen so Join does not wait for a second request', async () => {
    const { client, clock, requests } = await setup((_req, res) => setTimeout(() => json(res, 200, tokenBody(clock.ms, 60 * MINUTE)), 30));
    client.prefetch('Ada');
    client.prefetch('Ada');
    // The request is under way before the guest presses Join.
    await expect.poll(() => requests.length).toBe(1);
    ok(await client.getToken('Ada'));
    expect(requests).toHaveLength(1);
  });

  it('sends the app key when one is configured', async () => {
    const { client, clock, requests } = await setup((_req, res) => json(res, 200, tokenBody(clock.ms, 60 * MINUTE)), { appKey: 'k'.repeat(32) });
    ok(await client.getToken('Ada'));
    expect(requests[0].headers['x-doorway-app-key']).toBe('k'.repeat(32));
  });
});

describe('proactive refresh', () => {
  it('refreshes once the token is within the margin, for the same identity via its refresh grant', async () => {
    const { client, clock, requests } = await setup((_req, res, index) =>
      json(res, 200, tokenBody(clock.ms, 60 * MINUTE, '8:acs:resource_user-1', { refreshGrant: `grant-${index}` })),
    );
    const first = ok(await client.getToken('Ada'));

    clock.ms += 44 * MINUTE; // 16 minutes left: still fresh (margin 15)
    expect(ok(await client.getToken('Ada')).token).toBe(first.token);
    expect(requests).toHaveLength(1);

    clock.ms += 2 * MINUTE; // 14 minutes left: the renderer's tokenRefresher gets a new token
    const second = ok(await client.getToken('Ada'));
    expect(second.token).not.toBe(first.token);
    expect(second.expiresOnMs).toBeGreaterThan(first.expiresOnMs);
    expect(requests).toHaveLength(2);
    expect(JSON.parse(requests[1].body)).toEqual({ displayName: 'Ada', refreshGrant: 'grant-0' });
  });

  it('keeps serving the still-valid token when a refresh fails', async () => {
    const { client, clock, events } = await setup(
      (_req, res, index) => (index === 0 ? json(res, 200, tokenBody(clock.ms, 60 * MINUTE)) : json(res, 503, {})),
      { maxAttempts: 2 },
    );
    const first = ok(await client.getToken('Ada'));
    clock.ms += 50 * MINUTE;
    expect(ok(await client.getToken('Ada')).token).toBe(first.token);
    expect(events).toContainEqual(['tokenRefreshFailedKeepingCached', { error: 'serviceError' }]);

    clock.ms += 10 * MINUTE; // now expired: the failure reaches the caller
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'serviceError' });
  });

  it('refreshes short-lived tokens at half their lifetime, not on every call', async () => {
    const { client, clock, requests } = await setup((_req, res) => json(res, 200, tokenBody(clock.ms, 10 * MINUTE)));
    ok(await client.getToken('Ada'));
    clock.ms += 4 * MINUTE;
    ok(await client.getToken('Ada'));
    expect(requests).toHaveLength(1);
    clock.ms += 2 * MINUTE;
    ok(await client.getToken('Ada'));
    expect(requests).toHaveLength(2);
  });

  it('forgets the token and the identity on clear(), even with a fetch in flight', async () => {
    const { client, clock, requests } = await setup((_req, res, index) =>
      setTimeout(() => json(res, 200, tokenBody(clock.ms, 60 * MINUTE, `8:acs:resource_user-${index}`, { refreshGrant: 'g' })), 30),
    );
    ok(await client.getToken('Ada'));
    clock.ms += 50 * MINUTE;
    const inFlight = client.getToken('Ada');
    client.clear();
    expect(ok(await inFlight).userId).toBe('8:acs:resource_user-1');
    const after = ok(await client.getToken('Bob'));
    expect(after.userId).toBe('8:acs:resource_user-2');
    expect(requests).toHaveLength(3);
    expect(JSON.parse(requests[2].body)).toEqual({ displayName: 'Bob' });
  });
});

describe('clear() with a fetch in flight', () => {
  it('the earlier fetch finishing does not cut the next one loose: callers still share one request', async () => {
    // The first answer is quick, the second slow: the first ends while the second is in flight.
    const { client, clock, requests } = await setup((_req, res, index) =>
      setTimeout(() => json(res, 200, tokenBody(clock.ms, 60 * MINUTE, `8:acs:resource_user-${index}`)), index === 0 ? 10 : 300),
    );
    const before = client.getToken('Ada');
    client.clear();
    const next = client.getToken('Bob');
    await before;
    const joined = client.getToken('Bob');
    expect(ok(await joined).userId).toBe(ok(await next).userId);
    expect(requests).toHaveLength(2);
  });
});

describe('logs', () => {
  it('never contain the token, the user id, the refresh grant, the endpoint, the app key or the name', async () => {
    const userId = '8:acs:resource_secret-user-id';
    const grant = 'grant-secret-value';
    const appKey = 'app-key-secret-value-0123456789';
    const { client, clock, events } = await setup(
      (req, res, index) => {
        if (index === 0) return req.socket.destroy();
        if (index === 1) return json(res, 500, {});
        if (index === 2) return json(res, 429, {}, { 'retry-after': '1' });
        json(res, 200, tokenBody(clock.ms, 60 * MINUTE, userId, { refreshGrant: grant }));
      },
      { appKey, maxAttempts: 5 },
    );
    const result = ok(await client.getToken('Ada Lovelace'));
    clock.ms += 50 * MINUTE;
    ok(await client.getToken('Ada Lovelace'));
    const logged = JSON.stringify(events);
    expect(events.length).toBeGreaterThan(3);
    for (const secret of [result.token, result.token.split('.')[1], userId, grant, appKey, server!.url, '127.0.0.1', 'Ada']) {
      expect(logged).not.toContain(secret);
    }
  });
});

describe('what support reads in the log for each attempt', () => {
  it('the HTTP status of a failed attempt, and the attempt and time a token took', async () => {
    const { client, clock, events } = await setup((_req, res, index) =>
      index === 0 ? json(res, 503, {}) : json(res, 200, tokenBody(clock.ms, 60 * MINUTE)),
    );
    ok(await client.getToken('Ada'));
    expect(events).toEqual([
      ['tokenAttemptFailed', { attempt: 1, error: 'serviceError', status: 503 }],
      ['tokenFetched', { attempt: 2, elapsedMs: 250 }],
    ]);
  });

  it('no chat-endpoint refusal when the service names none', async () => {
    const { client, clock, events } = await setup((_req, res) => json(res, 200, tokenBody(clock.ms, 60 * MINUTE)));
    expect(ok(await client.getToken('Ada')).chatEndpoint).toBeUndefined();
    expect(events.map(([event]) => event)).toEqual(['tokenFetched']);
  });
});

/** A fetch that fails as Electron's net.fetch (Chromium) or Node's fetch do, without a server. */
function failingFetch(error: Error) {
  const calls: string[] = [];
  const fetchFn = async (url: string) => {
    calls.push(url);
    throw error;
  };
  return { calls, fetchFn };
}

describe('network failures as Chromium and Node report them', () => {
  it('Chromium’s “internet disconnected” is "offline" even when the app still thinks it is online', async () => {
    const { fetchFn } = failingFetch(new Error('net::ERR_INTERNET_DISCONNECTED'));
    const { client, events } = await setup(() => {}, { fetch: fetchFn, isOnline: () => true, maxAttempts: 1 });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'offline' });
    expect(events).toContainEqual(['tokenAttemptFailed', { attempt: 1, error: 'offline', cause: 'ERR_INTERNET_DISCONNECTED' }]);
  });

  it('a refused connection is "unreachable", with Chromium’s error name or Node’s code in the log', async () => {
    const chromium = failingFetch(new Error('net::ERR_CONNECTION_REFUSED at https://tokens.contoso.example'));
    const first = await setup(() => {}, { fetch: chromium.fetchFn, maxAttempts: 1 });
    expect(await first.client.getToken('Ada')).toEqual({ ok: false, error: 'unreachable' });
    expect(first.events).toContainEqual(['tokenAttemptFailed', { attempt: 1, error: 'unreachable', cause: 'ERR_CONNECTION_REFUSED' }]);

    const node = failingFetch(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) }));
    const second = await setup(() => {}, { fetch: node.fetchFn, maxAttempts: 1 });
    expect(await second.client.getToken('Ada')).toEqual({ ok: false, error: 'unreachable' });
    expect(second.events).toContainEqual(['tokenAttemptFailed', { attempt: 1, error: 'unreachable', cause: 'ECONNREFUSED' }]);
  });

  it('a cause that is not a plain code (it may hold a host) is left out of the log', async () => {
    const { fetchFn } = failingFetch(new TypeError('fetch failed', { cause: { code: 'getaddrinfo ENOTFOUND tokens.contoso.example' } }));
    const { client, events } = await setup(() => {}, { fetch: fetchFn, maxAttempts: 1 });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'unreachable' });
    expect(events).toContainEqual(['tokenAttemptFailed', { attempt: 1, error: 'unreachable' }]);
  });
});

describe('waiting between attempts', () => {
  it('waits a Retry-After of exactly the longest it will wait', async () => {
    const { client, clock, requests } = await setup(
      (_req, res, index) => (index === 0 ? json(res, 429, {}, { 'retry-after': '20' }) : json(res, 200, tokenBody(clock.ms, 60 * MINUTE))),
      { maxRetryAfterMs: 20_000, maxTotalMs: 60_000 },
    );
    ok(await client.getToken('Ada'));
    expect(requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([20_000]);
  });

  it('does not wait a Retry-After longer than it will wait, even when the time budget would allow it', async () => {
    const { client, clock, requests } = await setup((_req, res) => json(res, 429, {}, { 'retry-after': '25' }), { maxRetryAfterMs: 20_000, maxTotalMs: 60_000 });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'rateLimited' });
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('answers at once, without waiting, when the wait would end exactly at the time budget', async () => {
    const { client, clock, requests } = await setup((_req, res) => json(res, 503, {}, { 'retry-after': '10' }), { maxTotalMs: 10_000, maxAttempts: 5 });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'serviceError' });
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('answers that are not a token', () => {
  it('a 300 with a token body is not taken as a token', async () => {
    const { client, clock, requests } = await setup((_req, res) => json(res, 300, tokenBody(clock.ms, 60 * MINUTE)));
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'badResponse' });
    expect(requests).toHaveLength(1);
  });

  it('a token body over 64 KB is refused, even when it is valid JSON', async () => {
    const { client, clock } = await setup((_req, res) => json(res, 200, { ...tokenBody(clock.ms, 60 * MINUTE), padding: 'x'.repeat(64 * 1024) }));
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'badResponse' });
  });

  it('a 200 that is not JSON is a bad response at once, not a network failure to retry', async () => {
    const { client, requests, clock } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>Sign in</html>');
    });
    expect(await client.getToken('Ada')).toEqual({ ok: false, error: 'badResponse' });
    expect(requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('asks for JSON', async () => {
    const { client, clock, requests } = await setup((_req, res) => json(res, 200, tokenBody(clock.ms, 60 * MINUTE)));
    ok(await client.getToken('Ada'));
    expect(requests[0].headers.accept).toBe('application/json');
  });
});

describe('readLimitedText', () => {
  /** A response whose body arrives in the given chunks. */
  const chunked = (...chunks: string[]) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
          controller.close();
        },
      }),
    );

  it('reads a body up to the limit, across chunks, as UTF-8', async () => {
    expect(await readLimitedText(chunked('{"a":', '"é"}'), 10)).toBe('{"a":"é"}');
    expect(await readLimitedText(chunked('12345', '67890'), 10)).toBe('1234567890');
  });

  it('gives up once the chunks together pass the limit', async () => {
    expect(await readLimitedText(chunked('123456', '78901'), 10)).toBeUndefined();
  });

  it('reads an empty body as empty text', async () => {
    expect(await readLimitedText(new Response(null), 10)).toBe('');
  });
});
