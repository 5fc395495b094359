// The Fastify app driven in-process with inject(): route table, method handling and the headers
// every answer carries. Header and body framing over a real socket are in token-server.test.ts.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { testConfig } from './harness';

const config = testConfig('endpoint=http://127.0.0.1:9/;accesskey=c2VjcmV0');
const app = buildApp({ config, log: { info() {}, warn() {}, error() {} } });

describe('service app (inject)', () => {
  it('answers HEAD /healthz like GET, without a body', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/healthz' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['DELETE', '/healthz', 'GET, HEAD'],
    ['PUT', '/api/token', 'POST'],
  ] as const)('answers %s %s with 405 and Allow: %s', async (method, url, allow) => {
    const res = await app.inject({ method, url });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.json()).toEqual({ error: 'methodNotAllowed' });
  });

  it('sends the security headers on a 404 too', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/token/extra' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'notFound' });
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a JSON body with control characters in the name before calling ACS', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/token', headers: { 'content-type': 'application/json' }, payload: '{"displayName":"a\\u0000"}' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalidDisplayName' });
  });
});
