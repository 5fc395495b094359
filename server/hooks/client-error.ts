// Process: server. Requests Node's HTTP parser refuses before Fastify sees them (a body longer
// than its Content-Length, malformed framing, headers over the size limit) or that time out
// unfinished: answered in the service's own shape, { error: code } with the security headers, not
// Fastify's default body, then the connection is closed (what follows on it cannot be trusted).
// Logged by status and code only, never the bytes received.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorCode } from '../errors';
import type { ServerLog } from '../log';
import { SECURITY_HEADERS } from './security-headers';

function answerFor(code: string | undefined): { status: number; error: ErrorCode } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, error: 'requestTimeout' };
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, error: 'headersTooLarge' };
  return { status: 400, error: 'invalidRequest' };
}

export function createClientErrorHandler(log: ServerLog): (error: Error & { code?: string }, socket: Socket) => void {
  return (error, socket) => {
    // Reset by the client: nobody is left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const { status, error: code } = answerFor(error.code);
    log.info('clientError', { status, error: code });
    if (socket.writable) {
      const body = JSON.stringify({ error: code });
      const headers = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
      socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`);
    }
    socket.destroy(error);
  };
}
