// Process: server. The service's life after start: requests in flight are counted, and
// `drainAndClose` first fails readiness (and keeps serving for `delayMs`, the time a load balancer
// needs to notice), then stops accepting connections, lets requests in flight finish for up to
// `graceMs`, and cuts the rest. While draining, answers carry `Connection: close`.
import type { FastifyInstance } from 'fastify';

export interface Lifecycle {
  readonly draining: boolean;
  drainAndClose(graceMs?: number, delayMs?: number): Promise<void>;
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
    async drainAndClose(graceMs = 10_000, delayMs = 0) {
      draining = true;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
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
