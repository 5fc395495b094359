// Process: server. The service's life after start: requests in flight are counted, and
// `drainAndClose` stops accepting connections, lets requests in flight finish for up to `graceMs`,
// then cuts the rest. While draining, answers carry `Connection: close` and readiness fails.
import type { FastifyInstance } from 'fastify';

export interface Lifecycle {
  readonly draining: boolean;
  readonly inFlight: number;
  drainAndClose(graceMs?: number): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    lifecycle: Lifecycle;
  }
}

export function registerLifecycle(app: FastifyInstance): void {
  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  app.addHook('onRequest', (_request, reply, done) => {
    inFlight += 1;
    reply.raw.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    if (draining) reply.header('connection', 'close');
    done();
  });

  const lifecycle: Lifecycle = {
    get draining() {
      return draining;
    },
    get inFlight() {
      return inFlight;
    },
    async drainAndClose(graceMs = 10_000) {
      draining = true;
      const closed = app.close();
      app.server.closeIdleConnections();
      if (inFlight > 0) {
        const timer = setTimeout(() => app.server.closeAllConnections(), graceMs);
        await new Promise<void>((resolve) => (drained = resolve));
        clearTimeout(timer);
      }
      app.server.closeAllConnections();
      await closed;
    },
  };
  app.decorate('lifecycle', lifecycle);
}
