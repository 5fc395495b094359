// The reference token service: POST /api/token mints an ACS identity and a token for a guest;
// GET /healthz says the process is up. Hardened for a public, unauthenticated endpoint: rate
// limit per client, body size limit, strict JSON, no CORS, security headers, no secrets in logs.
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TokenScope } from '@azure/communication-identity';
import { z } from 'zod';
import { createAcsIssuer, type AcsIssuer, type AcsResult } from './acs-issuer';
import { clientKey } from './client-key';
import type { ServerConfig } from './config';
import { parseConnectionString } from './connection-string';
import { createJsonLog, type ServerLog } from './log';
import { createRateLimiter } from './rate-limiter';
import { createRefreshGrants } from './refresh-grant';
import { readBody } from './request-body';

export interface TokenServerOptions {
  log?: ServerLog;
  now?: () => number;
  /** Replaces the ACS client (tests of failures ACS will not produce on demand). */
  issuer?: AcsIssuer;
}

export interface TokenServer {
  server: Server;
  /** Resolves with the bound address (port 0 picks a free one). */
  listen(): Promise<AddressInfo>;
  /** Stops accepting connections, lets requests in flight finish for up to `graceMs`, then cuts the rest. */
  close(graceMs?: number): Promise<void>;
}

/** Teams shows up to 256 characters; counted in UTF-16 units, which never undercounts. */
export const MAX_DISPLAY_NAME = 256;

const SECURITY_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const tokenRequestSchema = z.strictObject({
  displayName: z.string(),
  refreshGrant: z.string().max(1024).optional(),
});

// No control characters (newlines, bidi overrides are Cf, not Cc, and are the renderer's concern).
const CONTROL_CHARACTERS = /\p{Cc}/u;

type Route = 'token' | 'healthz' | 'notFound';

export function createTokenServer(config: ServerConfig, options: TokenServerOptions = {}): TokenServer {
  const { log = createJsonLog(), now = Date.now } = options;
  const connection = parseConnectionString(config.connectionString);
  if (!connection) throw new Error('ACS connection string is malformed');
  const scopes: TokenScope[] = config.chatJoin ? ['voip.join', 'chat.join'] : ['voip.join'];
  const issuer =
    options.issuer ??
    createAcsIssuer({ connectionString: config.connectionString, scopes, expiresInMinutes: config.tokenExpiryMinutes, timeoutMs: config.acsTimeoutMs });
  const grants = createRefreshGrants(connection.accessKey);
  const limiter = config.rateLimit ? createRateLimiter(config.rateLimit, now) : undefined;
  const appKeyDigest = config.appKey ? sha256(config.appKey) : undefined;

  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  const server = createServer({ maxHeaderSize: 8192, requestTimeout: 15_000, headersTimeout: 10_000 }, (req, res) => {
    inFlight += 1;
    const started = performance.now();
    let route: Route = 'notFound';
    res.on('close', () => {
      log.info('request', { route, method: req.method, status: res.statusCode, durationMs: Math.round(performance.now() - started) });
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (closing) res.setHeader('connection', 'close');

    const path = (req.url ?? '/').split('?')[0];
    if (path === '/healthz') {
      route = 'healthz';
      if (req.method !== 'GET') return methodNotAllowed(res, 'GET');
      return sendJson(res, closing ? 503 : 200, { status: closing ? 'shuttingDown' : 'ok' });
    }
    if (path === '/api/token') {
      route = 'token';
      if (req.method !== 'POST') return methodNotAllowed(res, 'POST');
      return void handleToken(req, res).catch(() => {
        log.error('unexpectedError', { route });
        if (!res.headersSent) sendError(res, 500, 'internal');
      });
    }
    sendError(res, 404, 'notFound');
  });
  server.keepAliveTimeout = 5_000;

  async function handleToken(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Rate limit first, so it also bounds guessing at the app key.
    if (limiter) {
      const decision = limiter.take(clientKey(req.socket.remoteAddress, header(req, 'x-forwarded-for'), config.trustProxy));
      if (!decision.allowed) {
        log.warn('rateLimited');
        res.setHeader('retry-after', String(decision.retryAfterSeconds));
        return sendError(res, 429, 'rateLimited', true);
      }
    }
    // Digests compare in constant time whatever the lengths, so neither content nor length leaks.
    if (appKeyDigest && !timingSafeEqual(appKeyDigest, sha256(header(req, 'x-doorway-app-key') ?? ''))) {
      log.warn('appKeyRejected');
      return sendError(res, 401, 'appKeyRequired', true);
    }
    if (!isJsonContentType(header(req, 'content-type'))) return sendError(res, 415, 'unsupportedMediaType', true);

    const body = await readBody(req, config.maxBodyBytes);
    if (!body.ok) {
      if (body.reason === 'aborted') return void res.destroy();
      return body.reason === 'tooLarge' ? sendError(res, 413, 'bodyTooLarge', true) : sendError(res, 400, 'invalidJson');
    }
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      return sendError(res, 400, 'invalidJson');
    }
    const parsed = tokenRequestSchema.safeParse(json);
    if (!parsed.success) return sendError(res, 400, 'invalidRequest');
    const displayName = parsed.data.displayName.trim();
    if (displayName.length < 1 || displayName.length > MAX_DISPLAY_NAME || CONTROL_CHARACTERS.test(displayName)) {
      return sendError(res, 400, 'invalidDisplayName');
    }

    const result = await issue(parsed.data.refreshGrant);
    if (!result.ok) return sendAcsFailure(res, result);
    const { token, expiresOn, userId } = result.value;
    sendJson(res, 200, {
      token,
      expiresOn: expiresOn.toISOString(),
      user: { communicationUserId: userId },
      refreshGrant: grants.issue(userId, expiresOn.getTime()),
    });
  }

  /** A genuine grant gets a token for the same identity; otherwise (or if it was deleted) a new identity. */
  async function issue(refreshGrant: string | undefined): Promise<AcsResult> {
    const userId = refreshGrant === undefined ? undefined : grants.verify(refreshGrant, now());
    if (refreshGrant !== undefined && userId === undefined) log.warn('refreshGrantRejected');
    if (userId !== undefined) {
      const refreshed = await issuer.issueToken(userId);
      if (refreshed.ok) log.info('tokenIssued', { refreshed: true, scopes: scopes.join(' ') });
      if (refreshed.ok || refreshed.failure !== 'notFound') return refreshed;
      log.warn('refreshIdentityGone');
    }
    const created = await issuer.createIdentityWithToken();
    if (created.ok) log.info('tokenIssued', { refreshed: false, scopes: scopes.join(' ') });
    return created;
  }

  function sendAcsFailure(res: ServerResponse, result: Extract<AcsResult, { ok: false }>) {
    // 'denied' means this service's access key is wrong: the operator must act, hence an error.
    (result.failure === 'denied' ? log.error : log.warn)('acsFailed', { failure: result.failure, status: result.status });
    if (result.failure === 'timeout') return sendError(res, 504, 'upstreamTimeout');
    if (result.failure === 'throttled') {
      res.setHeader('retry-after', '10');
      return sendError(res, 503, 'upstreamThrottled');
    }
    sendError(res, 502, 'upstreamFailed');
  }

  return {
    server,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          log.info('listening', { host: address.address, port: address.port });
          resolve(address);
        });
      }),
    close: async (graceMs = 10_000) => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        await new Promise<void>((resolve) => (drained = resolve));
        clearTimeout(timer);
      }
      server.closeAllConnections();
      await stopped;
      log.info('stopped');
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** application/json, optionally with charset=utf-8; nothing else (form posts, text/plain "simple" requests). */
function isJsonContentType(value: string | undefined): boolean {
  if (!value) return false;
  const [type, ...params] = value.split(';').map((part) => part.trim().toLowerCase());
  return type === 'application/json' && params.every((param) => param === 'charset=utf-8' || param === 'charset="utf-8"');
}

function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function sendJson(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/** `closeConnection`: answered before the body was read, so do not wait for (and parse past) it. */
function sendError(res: ServerResponse, status: number, code: string, closeConnection = false) {
  if (closeConnection) res.setHeader('connection', 'close');
  sendJson(res, status, { error: code });
}

function methodNotAllowed(res: ServerResponse, allow: string) {
  res.setHeader('allow', allow);
  sendError(res, 405, 'methodNotAllowed', true);
}
