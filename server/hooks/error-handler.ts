// Process: server. Every error a route or Fastify raises becomes { error: code } with a status from
// the README's table. Anything unexpected is a 500 `internal`, logged by route name only: error
// messages are never logged or sent, since upstream errors quote URLs with user ids.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERROR_CODES, sendError, type ErrorCode } from '../errors';
import type { ServerLog } from '../log';

export function registerErrorHandler(app: FastifyInstance, log: ServerLog): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) return sendError(reply, 400, validationCode(error.validation));
    switch (error.code) {
      // Fastify closes the connection itself after a body it could not parse (too large, malformed or
      // cut short), since the client may still be sending it.
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendError(reply, 413, 'bodyTooLarge');
      // Also an empty body: json-only.ts replaces Fastify's JSON parser (and its own empty-body error).
      case 'DOORWAY_INVALID_JSON':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendError(reply, 400, 'invalidJson');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendError(reply, 415, 'unsupportedMediaType', true);
    }
    log.error('unexpectedError', { route: request.routeOptions.config.name ?? 'notFound' });
    return sendError(reply, 500, 'internal');
  });
}

/**
 * A schema names a more precise code with `.refine(check, { params: { error: 'invalidDisplayName' } })`;
 * any other mismatch (wrong type, missing or unknown field) is `invalidRequest`.
 */
function validationCode(issues: ReadonlyArray<{ params: Record<string, unknown> }>): ErrorCode {
  for (const issue of issues) {
    const code = (issue.params.params as { error?: unknown } | undefined)?.error;
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code)) return code as ErrorCode;
  }
  return 'invalidRequest';
}
