import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientKey } from '../../server/client-key';
import { configFromEnv } from '../../server/config';
import { createMemoryRateLimitStore } from '../../server/stores/rate-limit-store';
import { createRefreshGrants } from '../../server/refresh-grant';

const CONNECTION_STRING = `endpoint=https://contoso.communication.azure.com/;accesskey=${randomBytes(32).toString('base64')}`;

describe('configuration from the environment', () => {
  it('has safe defaults', () => {
    expect(configFromEnv({ ACS_CONNECTION_STRING: CONNECTION_STRING })).toEqual({
      ok: true,
      config: {
        connectionString: CONNECTION_STRING,
        host: '127.0.0.1',
        port: 8080,
        tokenExpiryMinutes: 60,
        chatJoin: false,
        rateLimit: { burst: 5, perMinute: 10 },
        trustProxy: false,
        maxBodyBytes: 4096,
        acsTimeoutMs: 10_000,
        headersTimeoutMs: 10_000,
        requestTimeoutMs: 15_000,
        maxConnections: 1000,
        grantChainMaxMinutes: 24 * 60,
        shutdownDelayMs: 0,
      },
    });
  });

  it('reads every variable, and RATE_LIMIT_PER_MINUTE=0 turns the limit off', () => {
    const result = configFromEnv({
      ACS_CONNECTION_STRING: CONNECTION_STRING,
      HOST: '0.0.0.0',
      PORT: '3000',
      TOKEN_EXPIRY_MINUTES: '1440',
      CHAT_JOIN: '1',
      APP_KEY: 'a'.repeat(32),
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: 'true',
      EMPTY_IS_UNSET: '',
    });
    expect(result).toMatchObject({ ok: true, config: { host: '0.0.0.0', port: 3000, tokenExpiryMinutes: 1440, chatJoin: true, appKey: 'a'.repeat(32), rateLimit: null, trustProxy: true } });
  });

  it('names the problems without echoing secret values', () => {
    const secret = 'endpoint=http://contoso.example/;accesskey=c2VjcmV0';
    const result = configFromEnv({ ACS_CONNECTION_STRING: secret, TOKEN_EXPIRY_MINUTES: '30', APP_KEY: 'short-secret' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problems = result.problems.join('\n');
    expect(problems).toContain('ACS_CONNECTION_STRING: the endpoint must be https');
    expect(problems).toContain('TOKEN_EXPIRY_MINUTES');
    expect(problems).toContain('APP_KEY');
    for (const value of ['c2VjcmV0', 'contoso', 'short-secret']) expect(problems).not.toContain(value);
    expect(configFromEnv({})).toEqual({
      ok: false,
      problems: ['ACS_CONNECTION_STRING: is not set: use the connection string of your Communication Services resource (Azure portal, Keys)'],
    });
    expect(configFromEnv({ ACS_CONNECTION_STRING: 'nonsense' })).toMatchObject({ ok: false });
  });
});

describe('rate limiter (token bucket)', () => {
  it('allows the burst, then one request per refill interval', async () => {
    let now = 0;
    const limiter = createMemoryRateLimitStore({ burst: 2, perMinute: 30 }, () => now);
    expect([await limiter.take('a'), await limiter.take('a'), await limiter.take('a')]).toEqual([
      { allowed: true },
      { allowed: true },
      { allowed: false, retryAfterSeconds: 2 },
    ]);
    expect(await limiter.take('b')).toEqual({ allowed: true });
    now += 2_000;
    expect(await limiter.take('a')).toEqual({ allowed: true });
    expect((await limiter.take('a')).allowed).toBe(false);
  });

  it('forgets the least recently seen client past its bound', async () => {
    const limiter = createMemoryRateLimitStore({ burst: 1, perMinute: 1 }, () => 0, 2);
    await limiter.take('a');
    await limiter.take('b');
    await limiter.take('c'); // evicts a
    expect((await limiter.take('b')).allowed).toBe(false);
    expect((await limiter.take('a')).allowed).toBe(true);
  });

  it('counts a client as seen at each request, so a busy client is not the one forgotten', async () => {
    const limiter = createMemoryRateLimitStore({ burst: 1, perMinute: 1 }, () => 0, 2);
    await limiter.take('a');
    await limiter.take('b');
    expect((await limiter.take('a')).allowed).toBe(false); // seen again: now b is the least recent
    await limiter.take('c'); // evicts b
    expect((await limiter.take('a')).allowed).toBe(false);
    expect((await limiter.take('b')).allowed).toBe(true);
  });
});

describe('client key', () => {
  it('uses the socket address unless the proxy is trusted', () => {
    expect(clientKey('203.0.113.5', '198.51.100.1', false)).toBe('203.0.113.5');
    expect(clientKey('::ffff:203.0.113.5', undefined, false)).toBe('203.0.113.5');
    expect(clientKey('10.0.0.9', '1.1.1.1, 198.51.100.1:51234', true)).toBe('198.51.100.1');
    expect(clientKey('10.0.0.9', undefined, true)).toBe('10.0.0.9');
  });

  it('groups IPv6 clients by /64', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1', undefined, false)).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:bbbb:0:0:2', undefined, false)).toBe('2001:db8:1:2::/64');
    expect(clientKey('10.0.0.9', '[2001:db8::7]:443', true)).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1', undefined, false)).toBe('0:0:0:0::/64');
  });
});

describe('refresh grants', () => {
  const key = randomBytes(32);
  const HOUR = 3_600_000;
  const grants = createRefreshGrants(key, 24 * HOUR);
  const userId = '8:acs:resource_0000-1111';

  it('round-trips a user id and its chain start until the grant expires', () => {
    const grant = grants.issue(userId, 10_000_000, 1_000_000);
    expect(grants.verify(grant, 9_999_000)).toEqual({ ok: true, userId, chainStartMs: 1_000_000 });
    expect(grants.verify(grant, 10_000_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('never honours a grant past its chain’s lifetime, whatever the token’s expiry', () => {
    const chainStartMs = 5 * HOUR;
    const grant = grants.issue(userId, chainStartMs + 30 * HOUR, chainStartMs);
    expect(grants.verify(grant, chainStartMs + 24 * HOUR - 1_000)).toMatchObject({ ok: true });
    expect(grants.verify(grant, chainStartMs + 24 * HOUR)).toEqual({ ok: false, reason: 'chainEnded' });
  });

  it('rejects tampering, other keys, the old format and garbage', () => {
    const grant = grants.issue(userId, 10_000_000, 0);
    const [version, , notAfter, chainStart, mac] = grant.split('.');
    const otherUser = `${version}.${Buffer.from('8:acs:resource_victim').toString('base64url')}.${notAfter}.${chainStart}.${mac}`;
    const extended = `${version}.${grant.split('.')[1]}.${Number(notAfter) + 3600}.${chainStart}.${mac}`;
    const restarted = `${version}.${grant.split('.')[1]}.${notAfter}.${Number(chainStart) + 3600}.${mac}`;
    const invalid = { ok: false, reason: 'invalid' };
    expect(grants.verify(otherUser, 0)).toEqual(invalid);
    expect(grants.verify(extended, 0)).toEqual(invalid);
    expect(grants.verify(restarted, 0)).toEqual(invalid);
    expect(createRefreshGrants(randomBytes(32), 24 * HOUR).verify(grant, 0)).toEqual(invalid);
    expect(grants.verify(`v1.${grant.split('.')[1]}.${notAfter}.${mac}`, 0)).toEqual(invalid);
    expect(grants.verify('', 0)).toEqual(invalid);
    expect(grants.verify('v2.a.b.c.d', 0)).toEqual(invalid);
  });

  it('mints the same grant as every other release, so a rolling upgrade keeps guests’ grants valid', () => {
    // A fixed vector: any instance, old or new, with the same access key issues and accepts exactly this.
    const fixed = createRefreshGrants(Buffer.from('doorway-test-access-key-0123456789abcdef'), 24 * HOUR);
    const grant = 'v2.ODphY3M6cmVzb3VyY2VfMDAwMC0xMTEx.1767225600.1767222000.a4h6cs_4LXWbF6rZFTB232MGLNr7IlxnSkoc-t8c6vQ';
    expect(fixed.issue(userId, 1_767_225_600_000, 1_767_222_000_000)).toBe(grant);
    expect(fixed.verify(grant, 1_767_225_000_000)).toEqual({ ok: true, userId, chainStartMs: 1_767_222_000_000 });
  });

  it('refuses any other spelling of its MAC, even one that decodes to the same bytes', () => {
    // 32 bytes are 43 base64url characters; the last one's two low bits are padding.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < 40; i++) {
      const grant = grants.issue(`${userId}-${i}`, 10_000_000, 0);
      const last = alphabet.indexOf(grant.at(-1)!);
      const sameBytes = alphabet[(last & ~3) | ((last + 1) & 3)];
      expect(Buffer.from(grant.slice(-43, -1) + sameBytes, 'base64url')).toEqual(Buffer.from(grant.slice(-43), 'base64url'));
      expect(grants.verify(grant.slice(0, -1) + sameBytes, 0), grant).toEqual({ ok: false, reason: 'invalid' });
    }
  });
});
