// Process: server. Requests no route answers: 405 with Allow for a known path and another method
// (CORS preflights included: the service never answers them), 404 otherwise. Both close the
// connection, since the body was not read.
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors';
import type { RouteName } from './route-rules';

/** Register before the routes: it learns each path's methods as they are added. */
export function registerNotFound(app: FastifyInstance): void {
  const known = new Map<string, { name: RouteName; methods: Set<string> }>();
  app.addHook('onRoute', (route) => {
    const entry = known.get(route.url) ?? { name: route.config?.name ?? 'notFound', methods: new Set<string>() };
    for (const method of [route.method].flat()) entry.methods.add(method);
    known.set(route.url, entry);
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    const route = known.get(path);
    if (!route) return sendError(reply, 404, 'notFound', true);
    request.knownRoute = route.name;
    reply.header('allow', [...route.methods].join(', '));
    return sendError(reply, 405, 'methodNotAllowed', true);
  });
}
