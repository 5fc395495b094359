// The service's small validation rules, each at its boundaries: which join URLs staff may give,
// connection strings, the JSON-only content types, configuration limits, one-time codes, client
// keys and refresh-grant lifetimes.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientKey } from '../../server/client-key';
import { configFromEnv, type ServerConfig } from '../../server/config';
import { isLoopbackHttp, parseConnectionString } from '../../server/connection-string';
import { isJsonContentType } from '../../server/hooks/json-only';
import { isTimeZone } from '../../server/meeting-time';
import { CODE_PATTERN, codeDigest, codeMatches, newCode } from '../../server/one-time-code';
import { createRefreshGrants } from '../../server/refresh-grant';
import { MAX_JOIN_URL, teamsJoinUrl } from '../../server/teams-link';

const MEETUP = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

describe('teamsJoinUrl: which links staff may invite to', () => {
  it.each([
    MEETUP,
    'https://teams.microsoft.com/l/meetup-join/19:meeting_abc@thread.v2/0?context=%7b%7d',
    'https://teams.microsoft.com/l/meetup-join/19%3Ameeting_abc%40thread.tacv2/1700000000000',
    'https://teams.cloud.microsoft/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    'https://gov.teams.microsoft.us/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    'https://dod.teams.microsoft.us/l/meetup-join/19%3ameeting_abc%40thread.v2/0',
    'https://teams.microsoft.com/meet/123456789?p=abc',
    `  ${MEETUP}  `,
  ])('accepts %s, canonically', (text) => {
    expect(teamsJoinUrl(text)).toBe(new URL(text.trim()).href);
  });

  it.each([
    ['plain http', MEETUP.replace('https:', 'http:')],
    ['a port', MEETUP.replace('teams.microsoft.com', 'teams.microsoft.com:444')],
    ['a user name', MEETUP.replace('https://', 'https://user@')],
    ['a password', MEETUP.replace('https://', 'https://:pw@')],
    ['another host', MEETUP.replace('teams.microsoft.com', 'teams.microsoft.com.evil.example')],
    ['Teams for personal use', 'https://teams.live.com/meet/1234567890?p=abc'],
    ['a thread that is not a meeting thread', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.skype/0'],
    ['no thread id', 'https://teams.microsoft.com/l/meetup-join/19%3a%40thread.v2/0'],
    ['a thread without 19:', 'https://teams.microsoft.com/l/meetup-join/20%3ameeting_abc%40thread.v2/0'],
    ['a non-numeric message id', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/x'],
    ['something after the message id', `${MEETUP}/more`],
    ['something before the path', 'https://teams.microsoft.com/x/l/meetup-join/19%3ameeting_abc%40thread.v2/0'],
    ['a short link without its passcode', 'https://teams.microsoft.com/meet/123456789'],
    ['a short link with 8 digits', 'https://teams.microsoft.com/meet/12345678?p=abc'],
    ['a short link with letters', 'https://teams.microsoft.com/meet/12345678a?p=abc'],
    ['a short link with more path', 'https://teams.microsoft.com/meet/123456789/x?p=abc'],
    ['a short link below another path', 'https://teams.microsoft.com/x/meet/123456789?p=abc'],
    ['not a URL', 'teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0'],
  ])('refuses %s', (_name, text) => {
    expect(teamsJoinUrl(text)).toBeUndefined();
  });

  it('drops the no-break spaces and line breaks a link copied from an email carries around it', () => {
    expect(teamsJoinUrl(`\u00a0${MEETUP}\u00a0\n`)).toBe(new URL(MEETUP).href);
  });

  it('refuses anything longer than its limit, and accepts a link right at it', () => {
    const atLimit = `${MEETUP}?context=${'a'.repeat(MAX_JOIN_URL - MEETUP.length - '?context='.length)}`;
    expect(atLimit).toHaveLength(MAX_JOIN_URL);
    expect(teamsJoinUrl(atLimit)).toBe(atLimit);
    expect(teamsJoinUrl(`${atLimit}a`)).toBeUndefined();
  });
});

describe('ACS connection strings', () => {
  const key = randomBytes(32).toString('base64');

  it('reads the endpoint and the access key, in any case and order, with spaces', () => {
    const connection = parseConnectionString(` AccessKey = ${key} ; ENDPOINT=https://contoso.communication.azure.com/;`);
    expect(connection?.endpoint.href).toBe('https://contoso.communication.azure.com/');
    expect(connection?.accessKey).toEqual(Buffer.from(key, 'base64'));
  });

  it('ignores a part without "=" (a stray word, a trailing ";")', () => {
    expect(parseConnectionString(`endpoint=https://x.example/;accesskey=${key};endpointx;`)?.endpoint.href).toBe('https://x.example/');
  });

  it('keeps "=" inside a value', () => {
    expect(parseConnectionString(`endpoint=https://x.example/?a=b;accesskey=${key}`)?.endpoint.search).toBe('?a=b');
  });

  it.each([
    ['no endpoint', `accesskey=${key}`],
    ['no access key', 'endpoint=https://x.example/'],
    ['an empty access key', 'endpoint=https://x.example/;accesskey='],
    ['an access key that is not base64', 'endpoint=https://x.example/;accesskey=not*base64'],
    ['padding in the middle of the key', 'endpoint=https://x.example/;accesskey=ab=cd'],
    ['an endpoint that is not a URL', `endpoint=contoso;accesskey=${key}`],
    ['an endpoint that is not http(s)', `endpoint=ftp://x.example/;accesskey=${key}`],
    ['a field without a name', `=https://x.example/;accesskey=${key}`],
  ])('is undefined with %s', (_name, text) => {
    expect(parseConnectionString(text)).toBeUndefined();
  });

  it('calls only plain http to this machine loopback', () => {
    expect(isLoopbackHttp(new URL('http://127.0.0.1:8080/'))).toBe(true);
    expect(isLoopbackHttp(new URL('http://localhost/'))).toBe(true);
    expect(isLoopbackHttp(new URL('http://[::1]:1/'))).toBe(true);
    expect(isLoopbackHttp(new URL('https://127.0.0.1/'))).toBe(false);
    expect(isLoopbackHttp(new URL('http://127.0.0.2/'))).toBe(false);
    expect(isLoopbackHttp(new URL('http://localhost.example/'))).toBe(false);
  });
});

describe('JSON-only content types', () => {
  it.each(['application/json', 'Application/JSON', 'application/json; charset=utf-8', 'application/json;charset=UTF-8', 'application/json; charset="utf-8"'])('accepts %s', (value) => {
    expect(isJsonContentType(value)).toBe(true);
  });

  it.each([undefined, '', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json-patch+json', 'application/json; charset=latin1', 'application/json; charset=utf-8; x=y', 'text/plain; application/json'])(
    'refuses %j',
    (value) => {
      expect(isJsonContentType(value)).toBe(false);
    },
  );
});

describe('configuration limits', () => {
  const CONNECTION_STRING = `endpoint=https://contoso.communication.azure.com/;accesskey=${randomBytes(32).toString('base64')}`;
  const read = (env: Record<string, string>) => configFromEnv({ ACS_CONNECTION_STRING: CONNECTION_STRING, ...env });
  const config = (env: Record<string, string>): ServerConfig => {
    const result = read(env);
    if (!result.ok) throw new Error(result.problems.join('; '));
    return result.config;
  };
  const problem = (env: Record<string, string>) => {
    const result = read(env);
    return result.ok ? undefined : result.problems.join('; ');
  };

  it.each([
    ['PORT', '0', '65535', '-1', '65536'],
    ['TOKEN_EXPIRY_MINUTES', '60', '1440', '59', '1441'],
    ['RATE_LIMIT_BURST', '1', '10000', '0', '10001'],
    ['MAX_BODY_BYTES', '256', '65536', '255', '65537'],
    ['ACS_TIMEOUT_MS', '1000', '60000', '999', '60001'],
    ['HEADERS_TIMEOUT_MS', '1000', '60000', '999', '60001'],
    ['REQUEST_TIMEOUT_MS', '1000', '120000', '999', '120001'],
    ['MAX_CONNECTIONS', '1', '100000', '0', '100001'],
    ['GRANT_CHAIN_MAX_HOURS', '1', '72', '0', '73'],
    ['METRICS_PORT', '1', '65535', '0', '65536'],
    ['SHUTDOWN_DELAY_MS', '0', '60000', '-1', '60001'],
  ])('%s accepts %s and %s, refuses %s and %s, naming only the variable', (name, low, high, below, above) => {
    expect(problem({ [name]: low })).toBeUndefined();
    expect(problem({ [name]: high })).toBeUndefined();
    expect(problem({ [name]: below })).toMatch(new RegExp(`^${name}: `));
    expect(problem({ [name]: above })).toMatch(new RegExp(`^${name}: `));
    expect(problem({ [name]: '1.5' })).toMatch(new RegExp(`^${name}: `));
  });

  it('reads each number into its field, hours of grant chain as minutes', () => {
    expect(
      config({
        RATE_LIMIT_BURST: '7',
        RATE_LIMIT_PER_MINUTE: '30',
        MAX_BODY_BYTES: '8192',
        ACS_TIMEOUT_MS: '2000',
        HEADERS_TIMEOUT_MS: '3000',
        REQUEST_TIMEOUT_MS: '4000',
        MAX_CONNECTIONS: '50',
        GRANT_CHAIN_MAX_HOURS: '2',
        METRICS_PORT: '9100',
        SHUTDOWN_DELAY_MS: '500',
        REDIS_URL: 'redis://cache:6379/1',
      }),
    ).toMatchObject({
      rateLimit: { burst: 7, perMinute: 30 },
      maxBodyBytes: 8192,
      acsTimeoutMs: 2000,
      headersTimeoutMs: 3000,
      requestTimeoutMs: 4000,
      maxConnections: 50,
      grantChainMaxMinutes: 120,
      metricsPort: 9100,
      shutdownDelayMs: 500,
      redisUrl: 'redis://cache:6379/1',
    });
  });

  it('never lets the request timeout end before the headers timeout', () => {
    expect(config({ HEADERS_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '5000' }).requestTimeoutMs).toBe(20_000);
  });

  it('reads the flags 1/true/0/false only', () => {
    expect(config({ CHAT_JOIN: 'true', TRUST_PROXY: '1' })).toMatchObject({ chatJoin: true, trustProxy: true });
    expect(config({ CHAT_JOIN: '0', TRUST_PROXY: 'false' })).toMatchObject({ chatJoin: false, trustProxy: false });
    expect(problem({ CHAT_JOIN: 'yes' })).toMatch(/^CHAT_JOIN: /);
    expect(problem({ TRUST_PROXY: 'on' })).toMatch(/^TRUST_PROXY: /);
  });

  it('takes an APP_KEY of 16 characters, not 15', () => {
    expect(config({ APP_KEY: 'k'.repeat(16) }).appKey).toBe('k'.repeat(16));
    expect(problem({ APP_KEY: 'k'.repeat(15) })).toBe('APP_KEY: use at least 16 characters');
  });

  it('takes redis:// and rediss:// URLs only', () => {
    expect(config({ REDIS_URL: 'rediss://user:pw@cache.example:6380' }).redisUrl).toBe('rediss://user:pw@cache.example:6380');
    for (const value of ['http://cache:6379', 'redis://', 'redis://a b', 'cache:6379', 'http://proxy.example/?to=redis://cache:6379']) expect(problem({ REDIS_URL: value })).toMatch(/^REDIS_URL: must be redis:\/\//);
  });

  it('counts a variable of spaces as unset: the default applies, or a required one is reported missing', () => {
    expect(config({ PORT: '   ', TOKEN_EXPIRY_MINUTES: '' })).toMatchObject({ port: 8080, tokenExpiryMinutes: 60 });
    expect(configFromEnv({ ACS_CONNECTION_STRING: '  ' })).toEqual({
      ok: false,
      problems: ['ACS_CONNECTION_STRING: is not set: use the connection string of your Communication Services resource (Azure portal, Keys)'],
    });
  });

  it('leaves optional fields out when unset', () => {
    const keys = Object.keys(config({}));
    for (const name of ['appKey', 'redisUrl', 'metricsPort']) expect(keys).not.toContain(name);
  });

  it('accepts a loopback http endpoint (a local fake ACS), no other http', () => {
    const key = randomBytes(8).toString('base64');
    expect(configFromEnv({ ACS_CONNECTION_STRING: `endpoint=http://127.0.0.1:9999/;accesskey=${key}` }).ok).toBe(true);
    expect(configFromEnv({ ACS_CONNECTION_STRING: `endpoint=http://10.0.0.1/;accesskey=${key}` })).toEqual({ ok: false, problems: ['ACS_CONNECTION_STRING: the endpoint must be https'] });
    expect(configFromEnv({ ACS_CONNECTION_STRING: 'endpoint=https://x.example/' })).toEqual({
      ok: false,
      problems: ['ACS_CONNECTION_STRING: must look like endpoint=https://...;accesskey=<base64>'],
    });
  });
});

describe('one-time codes', () => {
  it('are six digits, zero-padded', () => {
    for (let i = 0; i < 50; i++) expect(newCode()).toMatch(CODE_PATTERN);
    expect(CODE_PATTERN.test('12345')).toBe(false);
    expect(CODE_PATTERN.test('1234567')).toBe(false);
    expect(CODE_PATTERN.test('12345a')).toBe(false);
  });

  it('match only the same key, invitation and code', () => {
    const digest = codeDigest('key', 'inv-1', '123456');
    expect(codeMatches('key', 'inv-1', '123456', digest)).toBe(true);
    expect(codeMatches('key', 'inv-1', '123457', digest)).toBe(false);
    expect(codeMatches('key', 'inv-2', '123456', digest)).toBe(false);
    expect(codeMatches('other', 'inv-1', '123456', digest)).toBe(false);
    expect(codeMatches('key', 'inv-1', '123456', digest.slice(1))).toBe(false);
    expect(codeMatches('key', 'inv-1', '123456', '')).toBe(false);
  });

  it('bind the code to the invitation: no digest is shared by two invitations', () => {
    expect(codeDigest('key', 'inv-1', '123456')).not.toBe(codeDigest('key', 'inv-11', '23456'));
  });
});

describe('client keys, further', () => {
  it('expands "::" wherever it stands before taking the /64', () => {
    expect(clientKey('1:2::4:5:6:7:8', undefined, false)).toBe('1:2:0:4::/64');
    expect(clientKey('::1:2:3:4:5', undefined, false)).toBe('0:0:0:1::/64');
    expect(clientKey('2001:db8:1:2:3:4:5:6', undefined, false)).toBe('2001:db8:1:2::/64');
  });

  it('reads an address with a port or in IPv4-mapped form only when nothing else surrounds it', () => {
    expect(clientKey('10.0.0.9', '203.0.113.77:8080', true)).toBe('203.0.113.77');
    expect(clientKey('::ffff:203.0.113.77', undefined, false)).toBe('203.0.113.77');
    for (const garbled of ['x[2001:db8::1]:443', '[2001:db8::1]:443x', 'x203.0.113.7:80', '203.0.113.7:80x', '::ffff:203.0.113.7x']) {
      expect(clientKey('10.0.0.9', garbled, true), garbled).toBe(`other:${garbled}`);
    }
    // Valid IPv6 in itself, so grouped by its /64 rather than read as the IPv4 address inside it.
    expect(clientKey('1::ffff:203.0.113.7', undefined, false)).toBe('1:0:0:0::/64');
  });

  it('strips an IPv4 port, keeps an unknown address readable, and keys a missing address as one unknown client', () => {
    expect(clientKey('10.0.0.9', '203.0.113.7:51234', true)).toBe('203.0.113.7');
    expect(clientKey(undefined, undefined, false)).toBe('other:unknown');
    expect(clientKey('10.0.0.9', 'not an address', true)).toBe('other:not an address');
    expect(clientKey('10.0.0.9', `x${'y'.repeat(100)}`, true)).toBe(`other:x${'y'.repeat(63)}`);
  });

  it('uses the socket address when the trusted proxy sent an empty entry', () => {
    expect(clientKey('10.0.0.9', '1.1.1.1, ', true)).toBe('10.0.0.9');
    expect(clientKey('10.0.0.9', '', true)).toBe('10.0.0.9');
  });

  it('groups IPv6 with a zone id, mapped IPv4 in capitals, and a trailing ::', () => {
    expect(clientKey('fe80::1%eth0', undefined, false)).toBe('fe80:0:0:0::/64');
    expect(clientKey('::FFFF:198.51.100.3', undefined, false)).toBe('198.51.100.3');
    expect(clientKey('2001:DB8:a:b::', undefined, false)).toBe('2001:db8:a:b::/64');
    expect(clientKey('2001:db8:0a:000b:1:2:3:4', undefined, false)).toBe('2001:db8:a:b::/64');
  });
});

describe('refresh grants, boundaries', () => {
  const HOUR = 3_600_000;
  const grants = createRefreshGrants(randomBytes(32), 2 * HOUR);

  it('holds until the second before its expiry, counted in whole seconds', () => {
    const grant = grants.issue('8:acs:u', 10_999, 0); // 10.999 s: the grant says 10 s
    expect(grants.verify(grant, 9_999)).toMatchObject({ ok: true });
    expect(grants.verify(grant, 10_000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('ends at the chain limit even when the token lasts longer', () => {
    const grant = grants.issue('8:acs:u', 10 * HOUR, 0);
    expect(grants.verify(grant, 2 * HOUR - 1)).toMatchObject({ ok: true, chainStartMs: 0 });
    expect(grants.verify(grant, 2 * HOUR)).toEqual({ ok: false, reason: 'chainEnded' });
  });

  it('keeps a user id with any characters', () => {
    const userId = '8:acs:ünïcode/+=_-';
    expect(grants.verify(grants.issue(userId, HOUR, 0), 0)).toEqual({ ok: true, userId, chainStartMs: 0 });
  });

  it('refuses a grant with anything around it', () => {
    const grant = grants.issue('8:acs:u', HOUR, 0);
    for (const changed of [` ${grant}`, `${grant} `, `${grant}A`, `x${grant}`, grant.slice(0, -1)]) expect(grants.verify(changed, 0)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('time zones', () => {
  it('knows IANA zones and refuses the rest', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
