// A local stand-in for the ACS identity REST API (api-version 2023-10-01): it verifies each
// request's HMAC-SHA256 signature the way ACS does and answers in the REST API's shape, so the
// real @azure/communication-identity client can be pointed at it (http://127.0.0.1:<port>).
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAcsRequest {
  method: string;
  url: string;
  /** False when the signature, content hash or date did not check out (answered 401). */
  signed: boolean;
  body: unknown;
}

export interface FakeAcs {
  endpoint: string;
  connectionString: string;
  /** Every request, in order. */
  requests: FakeAcsRequest[];
  /** Every token and identity issued, to check that none ends up in a log. */
  issuedTokens: string[];
  identities: Set<string>;
  /** Answers the next `times` requests with `status` (after checking the signature). */
  failNext(status: number, times?: number): void;
  close(): Promise<void>;
}

const RESOURCE_ID = 'f0e1d2c3-0000-4000-8000-00000000beef';
const MAX_CLOCK_SKEW_MS = 15 * 60_000;

/** `now`: the clock token expiries are counted from (a test that moves time moves it for ACS too). */
export async function startFakeAcs(options: { accessKey?: string; latencyMs?: number; now?: () => number } = {}): Promise<FakeAcs> {
  const accessKey = options.accessKey ?? randomBytes(32).toString('base64');
  const requests: FakeAcsRequest[] = [];
  const issuedTokens: string[] = [];
  const identities = new Set<string>();
  const failures: number[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const signed = verifySignature(req, raw, accessKey);
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', signed, body });
      const answer = () => respond(req, res, signed, body);
      if (options.latencyMs) setTimeout(answer, options.latencyMs);
      else answer();
    });
  });

  function respond(req: IncomingMessage, res: ServerResponse, signed: boolean, body: unknown) {
    if (!signed) return send(res, 401, { error: { code: 'Denied', message: 'Denied by the resource provider.' } });
    const failure = failures.shift();
    if (failure !== undefined) return send(res, failure, { error: { code: 'Failure', message: 'Injected failure.' } });

    const url = new URL(req.url ?? '/', 'http://acs');
    if (req.method !== 'POST' || url.searchParams.get('api-version') !== '2023-10-01') return notFound(res);
    const request = (body ?? {}) as { createTokenWithScopes?: string[]; scopes?: string[]; expiresInMinutes?: number };
    const minutes = request.expiresInMinutes ?? 1440;
    if (!Number.isInteger(minutes) || minutes < 60 || minutes > 1440) {
      return send(res, 400, { error: { code: 'ValidationError', message: 'expiresInMinutes must be in [60, 1440].' } });
    }

    if (url.pathname === '/identities') {
      const id = `8:acs:${RESOURCE_ID}_${randomUUID()}`;
      identities.add(id);
      const scopes = request.createTokenWithScopes;
      return send(res, 201, scopes?.length ? { identity: { id }, accessToken: issue(id, scopes, minutes) } : { identity: { id } });
    }
    const match = /^\/identities\/([^/]+)\/:issueAccessToken$/.exec(url.pathname);
    if (match) {
      const id = decodeURIComponent(match[1]);
      if (!identities.has(id)) return send(res, 404, { error: { code: 'IdentityNotFound', message: 'Identity not found.' } });
      return send(res, 200, issue(id, request.scopes ?? [], minutes));
    }
    return notFound(res);
  }

  function issue(id: string, scopes: string[], minutes: number) {
    const expiresOnMs = (options.now ?? Date.now)() + minutes * 60_000;
    const token = fakeAcsJwt(id, scopes, expiresOnMs);
    issuedTokens.push(token);
    return { token, expiresOn: new Date(expiresOnMs).toISOString() };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    endpoint,
    connectionString: `endpoint=${endpoint};accesskey=${accessKey}`,
    requests,
    issuedTokens,
    identities,
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The ACS scheme: HMAC-SHA256, keyed with the base64-decoded access key, over
 * "VERB\n<path and query>\n<x-ms-date>;<host>;<x-ms-content-sha256>", where the content hash is
 * the base64 SHA-256 of the body and the date must be recent.
 */
function verifySignature(req: IncomingMessage, body: string, accessKey: string): boolean {
  const date = req.headers['x-ms-date'];
  const contentHash = req.headers['x-ms-content-sha256'];
  const host = req.headers.host;
  const authorization = req.headers.authorization;
  if (typeof date !== 'string' || typeof contentHash !== 'string' || !host || !authorization) return false;
  const dateMs = Date.parse(date);
  if (Number.isNaN(dateMs) || Math.abs(Date.now() - dateMs) > MAX_CLOCK_SKEW_MS) return false;
  if (createHash('sha256').update(body).digest('base64') !== contentHash) return false;
  const signature = /^HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=([A-Za-z0-9+/=]+)$/.exec(authorization)?.[1];
  if (!signature) return false;
  const stringToSign = `${req.method}\n${req.url}\n${date};${host};${contentHash}`;
  const expected = createHmac('sha256', Buffer.from(accessKey, 'base64')).update(stringToSign).digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A JWT shaped like an ACS access token (claims skypeid, scp, exp...), with a meaningless signature. */
export function fakeAcsJwt(id: string, scopes: string[], expiresOnMs: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(Date.now() / 1000);
  const header = { alg: 'RS256', kid: 'fake-acs', typ: 'JWT' };
  const payload = {
    skypeid: id.replace(/^8:/, ''),
    scp: 1792,
    csi: String(iat),
    exp: Math.floor(expiresOnMs / 1000),
    rgn: 'amer',
    acsScope: scopes.join(','),
    resourceId: RESOURCE_ID,
    resourceLocation: 'unitedstates',
    iat,
  };
  return `${part(header)}.${part(payload)}.${randomBytes(32).toString('base64url')}`;
}

function send(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function notFound(res: ServerResponse) {
  send(res, 404, { error: { code: 'NotFound', message: 'Not found.' } });
}
