// The Fastify app driven in-process with inject(): route table, method handling and the headers
// every answer carries. Header and body framing over a real socket are in token-server.test.ts.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { buildMetricsApp } from '../../server/metrics-app';
import { createMetrics } from '../../server/metrics';
import { testConfig } from './harness';

const config = testConfig('endpoint=http://127.0.0.1:9/;accesskey=c2VjcmV0');
const metrics = createMetrics();
const app = buildApp({ config, metrics, log: { info() {}, warn() {}, error() {} } });

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
    // Answered without reading a body: the connection is closed.
    expect(res.headers.connection).toBe('close');
    expect(res.json()).toEqual({ error: 'methodNotAllowed' });
  });

  it('sends the security headers on a 404 too', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/token/extra' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: 'notFound' });
    expect(res.headers.connection).toBe('close');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a JSON body with control characters in the name before calling ACS', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/token', headers: { 'content-type': 'application/json' }, payload: '{"displayName":"a\\u0000"}' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'invalidDisplayName' });
  });

  it('counts requests by route name and status on the metrics listener, with no addresses or URLs', async () => {
    await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '203.0.113.50' });
    await app.inject({ method: 'GET', url: '/secret-path-8:acs:abc' });
    const res = await buildMetricsApp(metrics).inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/doorway_http_requests_total\{route="healthz",method="GET",status="200"\} [1-9]/);
    expect(res.body).toMatch(/doorway_http_requests_total\{route="notFound",method="GET",status="404"\} [1-9]/);
    expect(res.body).toContain('doorway_http_request_duration_seconds_bucket');
    expect(res.body).not.toContain('203.0.113.50');
    expect(res.body).not.toContain('secret-path');
  });

  it('is ready without Redis configured, and not ready once draining', async () => {
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', redis: 'notConfigured' });
    const draining = buildApp({ config, log: { info() {}, warn() {}, error() {} } });
    await draining.ready();
    const closed = draining.lifecycle.drainAndClose(1_000, 200);
    const during = await draining.inject({ method: 'GET', url: '/readyz' });
    expect(during.statusCode).toBe(503);
    expect(during.json()).toEqual({ status: 'draining', redis: 'notConfigured' });
    // While draining, every answer asks the client to take its next request elsewhere.
    expect(during.headers.connection).toBe('close');
    expect((await draining.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(503);
    await closed;
  });

  it('refuses to build with a malformed ACS connection string, naming the problem but not the string', () => {
    expect(() => buildApp({ config: testConfig('endpoint=https://contoso.example/;accesskey=not base64!'), log: { info() {}, warn() {}, error() {} } })).toThrow(
      /^ACS connection string is malformed$/,
    );
  });

  it('logs one line per request with its route, method, status and a duration no longer than the request took', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logged = buildApp({ config, log: { info: (event, fields) => void lines.push({ event, ...fields }), warn() {}, error() {} } });
    const started = performance.now();
    await logged.inject({ method: 'GET', url: '/healthz' });
    const elapsed = performance.now() - started;
    expect(lines).toEqual([{ event: 'request', route: 'healthz', method: 'GET', status: 200, durationMs: expect.any(Number) }]);
    expect(lines[0].durationMs as number).toBeGreaterThanOrEqual(0);
    expect(lines[0].durationMs as number).toBeLessThanOrEqual(Math.ceil(elapsed));
    await logged.close();
  });
});
