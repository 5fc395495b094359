// Process: server. Bodies are JSON and nothing else: routes marked `jsonOnly` refuse any other
// content type with 415 before reading the body (form posts and text/plain are the CORS "simple"
// requests a web page could send). The one body parser decodes UTF-8 strictly (invalid bytes are
// an error, not U+FFFD) and parses with JSON.parse; the routes' zod schemas do the rest.
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors';

/** application/json, optionally with charset=utf-8; nothing else. */
export function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  return type === 'application/json' && params.every((param) => param === 'charset=utf-8' || param === 'charset="utf-8"');
}

export class InvalidJsonError extends Error {
  readonly statusCode = 400;
  readonly code = 'DOORWAY_INVALID_JSON';
}

export function registerJsonOnly(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(body as Buffer);
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new InvalidJsonError('The body is not UTF-8 JSON'), undefined);
    }
  });
  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.jsonOnly || isJsonContentType(request.headers['content-type'])) return;
    return sendError(reply, 415, 'unsupportedMediaType', true);
  });
}
