// The token client's small parts on their own: reading a JWT's expiry, Retry-After and backoff, the
// checks an issued token passes, the chat endpoint vetting, and the cache's rules for refreshing.
import { describe, expect, it } from 'vitest';
import { vetChatEndpoint } from '../../../main/tokens/chat-endpoint';
import { acceptIssuedToken, EXPIRY_SKEW_MS, type IssueResult, type IssuedToken } from '../../../main/tokens/issued-token';
import { readJwtExpiryMs } from '../../../main/tokens/jwt';
import { backoffDelayMs, parseRetryAfterMs } from '../../../main/tokens/retry';
import { createTokenCache, type Issue } from '../../../main/tokens/token-cache';
import { jwt } from './loopback';

const MINUTE = 60_000;
const segment = (text: string) => Buffer.from(text).toString('base64url');

describe('readJwtExpiryMs', () => {
  it('reads exp in seconds as epoch milliseconds', () => {
    expect(readJwtExpiryMs(jwt({ exp: 1_700_000_000 }))).toBe(1_700_000_000_000);
    expect(readJwtExpiryMs(jwt({ exp: 1 }))).toBe(1_000);
  });

  it.each([
    ['two parts', `${segment('{}')}.${segment('{"exp":1}')}`],
    ['four parts', `${jwt({ exp: 1 })}.x`],
    ['an empty part', `${segment('{}')}..c2ln`],
    ['a character outside base64url', `${segment('{}')}.${segment('{"exp":1}')}+.c2ln`],
    ['a payload that is not JSON', `${segment('{}')}.${segment('exp=1')}.c2ln`],
    ['a payload that is null', `${segment('{}')}.${segment('null')}.c2ln`],
    ['a payload that is a number', `${segment('{}')}.${segment('1700000000')}.c2ln`],
    ['no exp', jwt({ nbf: 1 })],
    ['exp as a string', jwt({ exp: '1700000000' })],
    ['exp of zero', jwt({ exp: 0 })],
    ['a negative exp', jwt({ exp: -5 })],
    ['an infinite exp', `${segment('{}')}.${segment('{"exp":1e400}')}.c2ln`],
  ])('is undefined for %s', (_name, token) => {
    expect(readJwtExpiryMs(token)).toBeUndefined();
  });
});

describe('Retry-After and backoff', () => {
  it('reads delta-seconds, trimmed', () => {
    expect(parseRetryAfterMs('3', 0)).toBe(3_000);
    expect(parseRetryAfterMs(' 0 ', 0)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfterMs('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5_000);
    expect(parseRetryAfterMs('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it.each([null, '', '1.5', '-3', 'soon', '2026-01-01', 'nonsense GMT'])('ignores %j', (value) => {
    expect(parseRetryAfterMs(value, 0)).toBeUndefined();
  });

  it('waits a random share of base·2^attempt, capped', () => {
    expect(backoffDelayMs(0, () => 0.5, 500, 8_000)).toBe(250);
    expect(backoffDelayMs(3, () => 0.5, 500, 8_000)).toBe(2_000);
    expect(backoffDelayMs(6, () => 0.5, 500, 8_000)).toBe(4_000);
    expect(backoffDelayMs(2, () => 0.999, 500, 8_000)).toBe(1_998);
    expect(backoffDelayMs(2, () => 0, 500, 8_000)).toBe(0);
  });
});

describe('acceptIssuedToken', () => {
  const now = 1_000_000_000_000;
  const token = jwt({ exp: (now + 60 * MINUTE) / 1000 });
  const issued = { token, expiresOnMs: now + 60 * MINUTE, userId: '8:acs:u' };

  it('keeps the earlier of the JWT expiry and the service’s expiry', () => {
    expect(acceptIssuedToken({ ...issued, expiresOnMs: now + 30 * MINUTE }, now)).toEqual({ ok: true, token, expiresOnMs: now + 30 * MINUTE, userId: '8:acs:u' });
    expect(acceptIssuedToken({ ...issued, expiresOnMs: now + 90 * MINUTE }, now)).toEqual({ ok: true, token, expiresOnMs: now + 60 * MINUTE, userId: '8:acs:u' });
  });

  it('carries the refresh grant and the chat endpoint only when given', () => {
    const accepted = acceptIssuedToken({ ...issued, refreshGrant: 'g', chatEndpoint: 'https://x.communication.azure.com' }, now);
    expect(accepted).toMatchObject({ ok: true, refreshGrant: 'g', chatEndpoint: 'https://x.communication.azure.com' });
    expect(Object.keys(acceptIssuedToken(issued, now)).sort()).toEqual(['expiresOnMs', 'ok', 'token', 'userId']);
  });

  it('refuses a token that is not a JWT, an expiry that is not a number, or one within the skew', () => {
    const bad = { ok: false, error: 'badResponse' };
    expect(acceptIssuedToken({ ...issued, token: 'opaque' }, now)).toEqual(bad);
    expect(acceptIssuedToken({ ...issued, expiresOnMs: Number.NaN }, now)).toEqual(bad);
    expect(acceptIssuedToken({ ...issued, expiresOnMs: Number.POSITIVE_INFINITY }, now)).toEqual(bad);
    expect(acceptIssuedToken({ ...issued, expiresOnMs: now + EXPIRY_SKEW_MS }, now)).toEqual(bad);
    expect(acceptIssuedToken({ ...issued, expiresOnMs: now + EXPIRY_SKEW_MS + 1 }, now)).toMatchObject({ ok: true });
  });
});

describe('vetChatEndpoint', () => {
  it.each([
    ['https://contoso.communication.azure.com/', 'https://contoso.communication.azure.com'],
    ['https://CONTOSO.communication.azure.com', 'https://contoso.communication.azure.com'],
    ['https://a.communication.azure.com', 'https://a.communication.azure.com'],
    ['https://my-res-1.communication.azure.com', 'https://my-res-1.communication.azure.com'],
  ])('accepts %s', (value, origin) => {
    expect(vetChatEndpoint(value)).toBe(origin);
  });

  it.each([
    'not a url',
    'http://contoso.communication.azure.com/',
    'https://contoso.communication.azure.com/#chat',
    'https://contoso.communication.azure.com/?x',
    'https://contoso.communication.azure.com/chat',
    'https://:pw@contoso.communication.azure.com/',
    'https://user@contoso.communication.azure.com/',
    'https://contoso.communication.azure.com:443x/',
    'https://contoso.communication.azure.com:8443/',
    'https://-contoso.communication.azure.com/',
    'https://contoso-.communication.azure.com/',
    'https://a.b.communication.azure.com/',
    'https://communication.azure.com/',
    'https://contoso.communication.azure.com.evil.example/',
    'https://evil-contoso.communication.azure.net/',
    `https://${'a'.repeat(65)}.communication.azure.com/`,
  ])('refuses %s', (value) => {
    expect(vetChatEndpoint(value)).toBeNull();
  });

  it('accepts a 63-character resource name, the DNS label limit', () => {
    expect(vetChatEndpoint(`https://${'a'.repeat(63)}.communication.azure.com`)).toBe(`https://${'a'.repeat(63)}.communication.azure.com`);
  });
});

describe('token cache', () => {
  function setup(answers: Array<IssueResult | Error>) {
    const clock = { ms: 0 };
    const calls: Array<{ displayName: string; previous?: IssuedToken }> = [];
    const events: string[] = [];
    const issue: Issue = async (request) => {
      calls.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('no more answers');
      if (answer instanceof Error) throw answer;
      return answer;
    };
    const cache = createTokenCache(issue, { now: () => clock.ms, refreshMarginMs: 15 * MINUTE, log: (event) => events.push(event) });
    return { cache, clock, calls, events };
  }
  const token = (userId: string, expiresOnMs: number, extra: Partial<IssuedToken> = {}): IssuedToken => ({ ok: true, token: `t-${userId}-${expiresOnMs}`, expiresOnMs, userId, ...extra });

  it('turns an issuer that throws into "serviceError", and logs it', async () => {
    const { cache, events } = setup([new Error('boom')]);
    expect(await cache.getToken('Ada')).toEqual({ ok: false, error: 'serviceError' });
    expect(events).toEqual(['tokenIssuerThrew']);
  });

  it('hands out no refresh grant, and passes the cached token as `previous` on refresh', async () => {
    const first = token('u1', 60 * MINUTE, { refreshGrant: 'grant', chatEndpoint: 'https://x.communication.azure.com' });
    const { cache, clock, calls } = setup([first, token('u1', 110 * MINUTE)]);
    expect(await cache.getToken('Ada')).toEqual({ ok: true, token: first.token, expiresOnMs: first.expiresOnMs, userId: 'u1', chatEndpoint: 'https://x.communication.azure.com' });
    expect(calls[0]).toEqual({ displayName: 'Ada' });
    clock.ms = 45 * MINUTE; // exactly at the refresh point
    expect(await cache.getToken('Ada')).toMatchObject({ expiresOnMs: 110 * MINUTE });
    expect(calls[1]).toEqual({ displayName: 'Ada', previous: first });
  });

  it('does not pass an expired token as `previous`, and refetches at its expiry', async () => {
    const { cache, clock, calls } = setup([token('u1', 60 * MINUTE), token('u2', 200 * MINUTE)]);
    await cache.getToken('Ada');
    clock.ms = 60 * MINUTE - EXPIRY_SKEW_MS; // within the skew: no longer valid
    expect(await cache.getToken('Ada')).toMatchObject({ userId: 'u2' });
    expect(calls[1]).toEqual({ displayName: 'Ada' });
  });

  it('logs when a refresh came back for another identity', async () => {
    const { cache, clock, events } = setup([token('u1', 60 * MINUTE), token('u2', 120 * MINUTE), token('u2', 180 * MINUTE)]);
    await cache.getToken('Ada');
    clock.ms = 50 * MINUTE;
    expect(await cache.getToken('Ada')).toMatchObject({ userId: 'u2' });
    expect(events).toEqual(['tokenIdentityChanged']);
    clock.ms = 110 * MINUTE;
    await cache.getToken('Ada');
    expect(events).toEqual(['tokenIdentityChanged']);
  });

  it('refreshes a long-lived token at the margin, a short one at half its life', async () => {
    const { cache, clock, calls } = setup([token('u', 100 * MINUTE), token('u', 110 * MINUTE), token('u', 200 * MINUTE)]);
    await cache.getToken('Ada');
    clock.ms = 85 * MINUTE - 1;
    await cache.getToken('Ada');
    expect(calls).toHaveLength(1);
    clock.ms = 85 * MINUTE;
    await cache.getToken('Ada'); // 110-minute expiry issued at 85: half-life refresh at 97.5
    expect(calls).toHaveLength(2);
    clock.ms = 97.5 * MINUTE - 1;
    await cache.getToken('Ada');
    expect(calls).toHaveLength(2);
    clock.ms = 97.5 * MINUTE;
    await cache.getToken('Ada');
    expect(calls).toHaveLength(3);
  });

  it('returns the failure when the refresh fails after the token became invalid', async () => {
    const { cache, clock, events } = setup([token('u', 60 * MINUTE), { ok: false, error: 'offline' }, { ok: false, error: 'offline' }]);
    await cache.getToken('Ada');
    clock.ms = 50 * MINUTE;
    expect(await cache.getToken('Ada')).toMatchObject({ ok: true, userId: 'u' });
    expect(events).toEqual(['tokenRefreshFailedKeepingCached']);
    clock.ms = 59 * MINUTE;
    expect(await cache.getToken('Ada')).toEqual({ ok: false, error: 'offline' });
  });

  it('keeps nothing from a fetch that failed after clear()', async () => {
    let fail!: (result: IssueResult) => void;
    const issue: Issue = () => new Promise((resolve) => (fail = resolve));
    const events: string[] = [];
    const cache = createTokenCache(issue, { now: () => 0, refreshMarginMs: 15 * MINUTE, log: (event) => events.push(event) });
    const pending = cache.getToken('Ada');
    cache.clear();
    fail({ ok: false, error: 'timeout' });
    expect(await pending).toEqual({ ok: false, error: 'timeout' });
    expect(events).toEqual([]);
  });
});
