// A small round-robin load balancer for tests, in front of several service instances on loopback.
// Like a platform's ingress it appends the client address to X-Forwarded-For (the instances run
// with TRUST_PROXY), opens a new connection per request, retries another instance only when a
// connection is refused (nothing was sent yet), and, when told to, polls each instance's /readyz
// and skips the unready ones.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Balancer {
  url: string;
  /** How many requests each backend was sent, in backend order. */
  sent: number[];
  close(): Promise<void>;
}

export async function startBalancer(backends: string[], options: { readinessPollMs?: number } = {}): Promise<Balancer> {
  const ready = backends.map(() => true);
  const sent = backends.map(() => 0);
  let next = 0;

  const poll = options.readinessPollMs
    ? setInterval(() => {
        backends.forEach((backend, index) => {
          fetch(`${backend}/readyz`)
            .then((res) => (ready[index] = res.status === 200))
            .catch(() => (ready[index] = false));
        });
      }, options.readinessPollMs)
    : undefined;

  function pick(excluded: Set<number>): number | undefined {
    for (let tried = 0; tried < backends.length; tried++) {
      const index = next++ % backends.length;
      if (ready[index] && !excluded.has(index)) return index;
    }
    return undefined;
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer, excluded: Set<number>) {
    const index = pick(excluded);
    if (index === undefined) {
      res.writeHead(502).end();
      return;
    }
    const target = new URL(backends[index]);
    const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, agent: false, headers: { ...req.headers, 'x-forwarded-for': forwardedFor, connection: 'close' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && !res.headersSent) return forward(req, res, body, new Set([...excluded, index]));
      // Cut off mid-answer: the client sees it as a broken response, which the tests count.
      res.destroy(error);
    });
    sent[index] += 1;
    upstream.end(body);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(poll);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
