// POST /api/token's refresh path and ACS failure mapping, in-process (inject) with a scripted ACS
// issuer: what happens when a genuine grant's identity is gone, when a refresh fails upstream, and
// which log line each outcome writes.
import { describe, expect, it } from 'vitest';
import type { AcsIssuer, AcsResult } from '../../server/acs-issuer';
import { buildApp } from '../../server/app';
import { testConfig } from './harness';

const config = testConfig('endpoint=http://127.0.0.1:9/;accesskey=c2VjcmV0LWtleS1mb3ItZ3JhbnRz');
const HOUR = 3_600_000;

function scriptedIssuer(refreshAnswers: AcsResult[]) {
  let created = 0;
  const calls: string[] = [];
  const issuer: AcsIssuer = {
    createIdentityWithToken: () => {
      created += 1;
      calls.push('create');
      return Promise.resolve({ ok: true, value: { token: `token-new-${created}`, expiresOn: new Date(Date.now() + HOUR), userId: `8:acs:user-${created}` } });
    },
    issueToken: (userId) => {
      calls.push(`issue ${userId}`);
      return Promise.resolve(refreshAnswers.shift() ?? { ok: true, value: { token: 'token-refreshed', expiresOn: new Date(Date.now() + HOUR), userId } });
    },
  };
  return { issuer, calls };
}

function start(refreshAnswers: AcsResult[] = [], overrides: Parameters<typeof testConfig>[1] = {}) {
  const { issuer, calls } = scriptedIssuer(refreshAnswers);
  const lines: Array<{ level: string; event: string; fields?: Record<string, unknown> }> = [];
  const log = {
    info: (event: string, fields?: Record<string, unknown>) => void lines.push({ level: 'info', event, ...(fields && { fields }) }),
    warn: (event: string, fields?: Record<string, unknown>) => void lines.push({ level: 'warn', event, ...(fields && { fields }) }),
    error: (event: string, fields?: Record<string, unknown>) => void lines.push({ level: 'error', event, ...(fields && { fields }) }),
  };
  const app = buildApp({ config: { ...config, ...overrides }, issuer, log });
  const post = async (body: object) => {
    const res = await app.inject({ method: 'POST', url: '/api/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
    return { status: res.statusCode, headers: res.headers, body: res.json<Record<string, unknown>>() };
  };
  const events = () => lines.filter((line) => line.event !== 'request');
  return { post, calls, events };
}

describe('POST /api/token: refresh and upstream failures', () => {
  it('refreshes the same identity with a genuine grant, and logs it as a refresh', async () => {
    const { post, calls, events } = start();
    const first = await post({ displayName: 'Ada' });
    const second = await post({ displayName: 'Ada', refreshGrant: first.body.refreshGrant as string });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ token: 'token-refreshed', user: { communicationUserId: '8:acs:user-1' } });
    expect(calls).toEqual(['create', 'issue 8:acs:user-1']);
    expect(events()).toEqual([
      { level: 'info', event: 'tokenIssued', fields: { refreshed: false, scopes: 'voip.join' } },
      { level: 'info', event: 'tokenIssued', fields: { refreshed: true, scopes: 'voip.join' } },
    ]);
  });

  it('starts a new identity when the grant’s identity was deleted, and says so in the log', async () => {
    const { post, calls, events } = start([{ ok: false, failure: 'notFound', status: 404 }]);
    const first = await post({ displayName: 'Ada' });
    const second = await post({ displayName: 'Ada', refreshGrant: first.body.refreshGrant as string });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ token: 'token-new-2', user: { communicationUserId: '8:acs:user-2' } });
    expect(calls).toEqual(['create', 'issue 8:acs:user-1', 'create']);
    expect(events().map((line) => line.event)).toEqual(['tokenIssued', 'refreshIdentityGone', 'tokenIssued']);
  });

  it('passes a refresh that failed upstream on, without creating another identity', async () => {
    const { post, calls } = start([{ ok: false, failure: 'throttled', status: 429 }]);
    const first = await post({ displayName: 'Ada' });
    const second = await post({ displayName: 'Ada', refreshGrant: first.body.refreshGrant as string });
    expect([second.status, second.body, second.headers['retry-after']]).toEqual([503, { error: 'upstreamThrottled' }, '10']);
    expect(calls).toEqual(['create', 'issue 8:acs:user-1']);
  });

  it('keeps the chain’s start across refreshes: the grant ends with the chain, not with the last token', async () => {
    const { post } = start([], { grantChainMaxMinutes: 60 });
    const first = await post({ displayName: 'Ada' });
    const second = await post({ displayName: 'Ada', refreshGrant: first.body.refreshGrant as string });
    const [, , firstNotAfter, firstStart] = (first.body.refreshGrant as string).split('.');
    const [, , secondNotAfter, secondStart] = (second.body.refreshGrant as string).split('.');
    expect(secondStart).toBe(firstStart);
    expect(Number(secondNotAfter)).toBeLessThanOrEqual(Number(firstStart) + 3600);
    expect(Number(firstNotAfter)).toBeLessThanOrEqual(Number(firstStart) + 3600);
  });

  it.each([
    ['timeout', 504, 'upstreamTimeout', 'warn'],
    ['throttled', 503, 'upstreamThrottled', 'warn'],
    ['unreachable', 502, 'upstreamFailed', 'warn'],
    ['failed', 502, 'upstreamFailed', 'warn'],
    ['denied', 502, 'upstreamFailed', 'error'],
  ] as const)('maps an ACS %s to %i %s and logs it at %s', async (failure, status, error, level) => {
    const { issuer } = scriptedIssuer([]);
    const lines: Array<[string, string, unknown]> = [];
    const log = { info() {}, warn: (event: string, fields?: unknown) => void lines.push(['warn', event, fields]), error: (event: string, fields?: unknown) => void lines.push(['error', event, fields]) };
    const app = buildApp({ config, log, issuer: { ...issuer, createIdentityWithToken: () => Promise.resolve({ ok: false, failure, status: 500 }) } });
    const res = await app.inject({ method: 'POST', url: '/api/token', headers: { 'content-type': 'application/json' }, payload: '{"displayName":"Ada"}' });
    expect([res.statusCode, res.json()]).toEqual([status, { error }]);
    expect(res.headers['retry-after']).toBe(failure === 'throttled' ? '10' : undefined);
    expect(lines).toEqual([[level, 'acsFailed', { failure, status: 500 }]]);
  });

  it('names chat.join in the log and sends the chat endpoint only when the service grants chat', async () => {
    const { post, events } = start([], { chatJoin: true });
    const answer = await post({ displayName: 'Ada' });
    expect(answer.body.chatEndpoint).toBe('http://127.0.0.1:9');
    expect(events()[0]).toEqual({ level: 'info', event: 'tokenIssued', fields: { refreshed: false, scopes: 'voip.join chat.join' } });
    expect(Object.keys((await start().post({ displayName: 'Ada' })).body)).not.toContain('chatEndpoint');
  });
});
