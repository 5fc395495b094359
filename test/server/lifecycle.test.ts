// Graceful shutdown over real sockets: every request in flight when the drain starts is answered in
// full, however many there are and in whatever order they finish; what outlasts the grace period
// is cut. The routes wait on gates the test opens.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { registerLifecycle } from '../../server/lifecycle';
import { rawRequest } from './harness';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An app whose GET /wait/:gate answers once the test opens that gate; `arrived` counts handlers reached. */
async function gatedApp() {
  const gates = new Map<string, () => void>();
  const waiting = new Map<string, Promise<void>>();
  const gate = (name: string) => {
    if (!waiting.has(name)) waiting.set(name, new Promise<void>((resolve) => gates.set(name, resolve)));
    return waiting.get(name)!;
  };
  const state = { arrived: 0 };
  const server = Fastify();
  registerLifecycle(server);
  server.get<{ Params: { gate: string } }>('/wait/:gate', async (request) => {
    state.arrived += 1;
    await gate(request.params.gate);
    return { gate: request.params.gate };
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  app = server;
  const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const open = (name: string) => {
    void gate(name);
    gates.get(name)!();
  };
  return { app: server, url, state, open };
}

describe('lifecycle: graceful drain', () => {
  it('answers every request in flight when the drain starts, also the one that finishes last', async () => {
    const { app: server, url, state, open } = await gatedApp();
    const first = rawRequest(`${url}/wait/first`, { method: 'GET' });
    const second = rawRequest(`${url}/wait/second`, { method: 'GET' });
    await expect.poll(() => state.arrived, { timeout: 5_000 }).toBe(2);

    let drained = false;
    const drain = server.lifecycle.drainAndClose(10_000).then(() => (drained = true));
    expect(server.lifecycle.draining).toBe(true);
    open('first');
    const firstAnswer = await first;
    expect(firstAnswer).toMatchObject({ status: 200, body: JSON.stringify({ gate: 'first' }) });
    expect(drained).toBe(false);

    // The second request is still being served: it is answered in full, then the drain ends.
    open('second');
    expect(await second).toMatchObject({ status: 200, body: JSON.stringify({ gate: 'second' }) });
    await drain;
    expect(drained).toBe(true);
  });

  it('cuts what is still running when the grace period ends', async () => {
    const { app: server, url, state } = await gatedApp();
    const stuck = new Promise<string>((resolve) => {
      const req = httpRequest(`${url}/wait/never`, (res) => resolve(`answered ${res.statusCode}`));
      req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      req.end();
    });
    await expect.poll(() => state.arrived, { timeout: 5_000 }).toBe(1);
    await server.lifecycle.drainAndClose(200);
    expect(await stuck).toBe('ECONNRESET');
  });
});
