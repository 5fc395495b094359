// Process: server. Routes marked `appKeyRequired` need X-Doorway-App-Key to match APP_KEY, when one
// is configured. Digests compare in constant time whatever the lengths, so neither the key's
// content nor its length leaks; the key itself is never logged.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors';
import type { ServerLog } from '../log';

export function registerAppKey(app: FastifyInstance, appKey: string | undefined, log: ServerLog): void {
  if (!appKey) return;
  const expected = sha256(appKey);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.appKeyRequired) return;
    // Node joins a repeated header into one string, so a key arrives as a string or not at all.
    const given = request.headers['x-doorway-app-key'];
    if (typeof given === 'string' && timingSafeEqual(expected, sha256(given))) return;
    log.warn('appKeyRejected');
    return sendError(reply, 401, 'appKeyRequired', true);
  });
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
