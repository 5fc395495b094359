// Process: server. Security headers on every answer, errors and 404s included. The service sends no
// CORS headers at all: browsers may not call it cross-origin, and it never needs them to.
import type { FastifyInstance } from 'fastify';

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    const { contentSecurityPolicy, cacheControl, referrerPolicy } = request.routeOptions.config;
    if (contentSecurityPolicy) reply.header('content-security-policy', contentSecurityPolicy);
    if (cacheControl) reply.header('cache-control', cacheControl);
    if (referrerPolicy) reply.header('referrer-policy', referrerPolicy);
    done(null, payload);
  });
}
