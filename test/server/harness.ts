// Starts the token service on loopback, its ACS client pointed at a fake ACS, with logs captured.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../server/app';
import type { ServerConfig } from '../../server/config';
import { createJsonLog } from '../../server/log';
import { startFakeAcs, type FakeAcs } from './fake-acs';

export interface Harness {
  url: string;
  acs: FakeAcs;
  service: { app: FastifyInstance; close(graceMs?: number): Promise<void> };
  logs: string[];
  close(): Promise<void>;
}

export async function startHarness(
  overrides: Partial<ServerConfig> = {},
  options: Omit<AppDeps, 'config' | 'log'> & { acsLatencyMs?: number; wrongAccessKey?: boolean } = {},
): Promise<Harness> {
  const { acsLatencyMs, wrongAccessKey, ...serverOptions } = options;
  // The service's clock is ACS's clock too, so token expiries move with a test's time.
  const acs = await startFakeAcs({ ...(acsLatencyMs ? { latencyMs: acsLatencyMs } : {}), ...(serverOptions.now ? { now: serverOptions.now } : {}) });
  const logs: string[] = [];
  const config = testConfig(wrongAccessKey ? acs.connectionString.replace(/accesskey=.*/, 'accesskey=d3Jvbmcta2V5') : acs.connectionString, overrides);
  const app = buildApp({ ...serverOptions, config, log: createJsonLog((line) => logs.push(line)) });
  await app.listen({ host: config.host, port: config.port });
  const { port } = app.server.address() as AddressInfo;
  const service = { app, close: (graceMs?: number) => app.lifecycle.drainAndClose(graceMs) };
  return {
    url: `http://127.0.0.1:${port}`,
    acs,
    service,
    logs,
    close: async () => {
      await service.close(1_000);
      await acs.close();
    },
  };
}

/** The service's configuration for tests: loopback, port 0, no rate limit unless asked. */
export function testConfig(connectionString: string, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    connectionString,
    host: '127.0.0.1',
    port: 0,
    tokenExpiryMinutes: 60,
    chatJoin: false,
    rateLimit: null,
    trustProxy: false,
    maxBodyBytes: 4096,
    acsTimeoutMs: 5_000,
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 15_000,
    maxConnections: 1000,
    grantChainMaxMinutes: 24 * 60,
    shutdownDelayMs: 0,
    ...overrides,
  };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request with full control of headers and body framing (fetch would fix up Content-Length). */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunks?: Array<string | Buffer> },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'POST', headers: options.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The server may answer (413) and close while we are still writing.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    for (const chunk of options.chunks ?? []) req.write(chunk);
    req.end(options.body);
  });
}

export function postToken(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
