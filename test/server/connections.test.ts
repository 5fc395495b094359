// The service against misbehaving connections, over real sockets: headers or a body that never
// finish are cut off at their configured timeouts (not at Node's 30 s connection check), the
// connection cap refuses connections beyond it, and a request the client abandons is logged as
// aborted, not as the 200 it never received.
import { connect, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let harness: Harness | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await harness?.close();
  harness = undefined;
});

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on('error', reject);
    sockets.push(socket);
  });
}

/** What the server sent before it closed the connection. Resolves only when it closes. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(received));
  });
}

/** Resolves with what the socket has received once `pattern` appears, or rejects after `ms`. */
function waitFor<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))]);
}

/** The status, lower-cased headers and body of a raw HTTP/1.1 answer. */
function parseAnswer(raw: string): { status: number; headers: Record<string, string>; body: string } {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const [statusLine, ...lines] = head.split('\r\n');
  const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
  return { status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') };
}

/** The service's own error shape, with its security headers, on a connection it then closed. */
function expectServiceError(raw: string, status: number, error: string) {
  const answer = parseAnswer(raw);
  expect(answer).toMatchObject({ status, body: JSON.stringify({ error }) });
  expect(answer.headers).toMatchObject({
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(answer.body.length),
    connection: 'close',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  });
}

function connectionCount(server: Server): Promise<number> {
  return new Promise((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
}

describe('token service: connections', () => {
  it('closes a connection whose headers never finish, at the headers timeout', async () => {
    const { url } = (harness = await startHarness({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 }));
    const socket = await open(url);
    const closed = untilClosed(socket);
    socket.write('POST /api/token HTTP/1.1\r\nHost: x\r\n');
    // Node's own check would take up to 30 s; the configured timeout must hold within a few seconds.
    expectServiceError(await waitFor(closed, 5_000, 'closing a connection with unfinished headers'), 408, 'requestTimeout');
  });

  it('closes a connection whose body never finishes, at the request timeout', async () => {
    const { url, acs } = (harness = await startHarness({ headersTimeoutMs: 500, requestTimeoutMs: 1_000 }));
    const socket = await open(url);
    const closed = untilClosed(socket);
    socket.write('POST /api/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"displayName":');
    expectServiceError(await waitFor(closed, 5_000, 'closing a connection with an unfinished body'), 408, 'requestTimeout');
    expect(acs.requests).toHaveLength(0);
  });

  it('answers a body longer than its Content-Length in the service’s error shape, and closes the connection', async () => {
    const { url, acs, logs } = (harness = await startHarness());
    const socket = await open(url);
    const closed = untilClosed(socket);
    // Node reads 5 bytes of body; the rest is not a request. Nothing after it on this connection can be trusted.
    socket.write('POST /api/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{"displayName":"Ada"}');
    expectServiceError(await waitFor(closed, 5_000, 'answering a body longer than its Content-Length'), 400, 'invalidRequest');
    expect(acs.requests).toHaveLength(0);
    expect(logs.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(expect.objectContaining({ event: 'clientError', status: 400, error: 'invalidRequest' }));
  });

  it('answers headers over the size limit with 431 in the service’s error shape', async () => {
    const { url } = (harness = await startHarness());
    const socket = await open(url);
    const closed = untilClosed(socket);
    socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: ${'a'.repeat(10_000)}\r\n\r\n`);
    expectServiceError(await waitFor(closed, 5_000, 'refusing oversized headers'), 431, 'headersTooLarge');
  });

  it('refuses connections beyond the cap, and serves again once one closes', async () => {
    const { url, service } = (harness = await startHarness({ maxConnections: 2 }));
    const held = [await open(url), await open(url)];
    for (const socket of held) socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // held open, headers unfinished
    const third = await open(url);
    expect(await waitFor(untilClosed(third), 5_000, 'refusing the third connection')).toBe('');

    held[0].destroy();
    await expect.poll(() => connectionCount(service.app.server), { timeout: 5_000 }).toBe(1);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it('logs a request the client abandoned as aborted, without a status', async () => {
    const { url, logs, acs } = (harness = await startHarness({}, { acsLatencyMs: 400 }));
    const controller = new AbortController();
    const pending = fetch(`${url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: 'Ada' }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    // Abandoned while the service waits for ACS, so no answer has been written yet.
    await expect.poll(() => acs.requests.length, { timeout: 5_000 }).toBe(1);
    controller.abort();
    await pending;
    const requestLine = () => logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((entry) => entry.event === 'request');
    await expect.poll(requestLine, { timeout: 5_000 }).toBeDefined();
    const line = requestLine();
    expect(line).toMatchObject({ route: 'token', method: 'POST', aborted: true });
    expect(line).not.toHaveProperty('status');
  });
});
