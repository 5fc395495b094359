// Test helpers: a real node:http server on 127.0.0.1 whose answers each test scripts, and JWTs.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers request number `index` (0-based); the body has been read already. */
export type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => unknown;

export interface Loopback {
  url: string;
  requests: Recorded[];
  close(): Promise<void>;
}

export async function startLoopback(handler: Handler): Promise<Loopback> {
  const requests: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const index = requests.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }) - 1;
      void handler(req, res, index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/token`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function jwt(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl`;
}

/** A token-service answer for a token expiring `lifetimeMs` after `nowMs`. */
export function tokenBody(nowMs: number, lifetimeMs: number, userId = '8:acs:resource_user-1', extra: object = {}) {
  const expiresOnMs = nowMs + lifetimeMs;
  return {
    token: jwt({ skypeid: userId.slice(2), exp: Math.floor(expiresOnMs / 1000) }),
    expiresOn: new Date(expiresOnMs).toISOString(),
    user: { communicationUserId: userId },
    ...extra,
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
