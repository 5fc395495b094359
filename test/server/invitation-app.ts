// Test support: the whole service (buildApp) with the invitation feature wired to the loopback
// Entra and Graph stand-ins through the real @azure/identity, jose and Graph client. Listening on
// loopback (`listen: true`, publicUrl = http://localhost:<port>) for Chromium and the whole-journey
// E2E, or not at all for inject() tests.
import { createServer } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Locale } from '../../common/i18n';
import { buildApp } from '../../server/app';
import type { InvitationConfig } from '../../server/invitation-config';
import { createInvitationDeps } from '../../server/invitation-wiring';
import { createJsonLog } from '../../server/log';
import type { Metrics } from '../../server/metrics';
import type { RateLimitStore } from '../../server/stores/rate-limit-store';
import { createMemoryInvitationStore, type InvitationStore } from '../../server/stores/invitation-store';
import { startFakeEntra, type FakeEntra, type StaffTokenOptions } from './fake-entra';
import { startFakeGraph, type FakeGraph } from './fake-graph';
import { testConfig } from './harness';

export const ORGANIZER = 'ada@contoso.example';
export const MAILBOX = 'doorway@contoso.example';
export const ADMIN_KEY = 'admin-key-0123456789-0123456789-abcdef';

export interface InvitationApp {
  app: FastifyInstance;
  /** The service's origin: http://localhost:<port> when listening, the configured origin otherwise. */
  url: string;
  entra: FakeEntra;
  graph: FakeGraph;
  logs: string[];
  clock: { now: number };
  /** Graph's waits between retries, as asked of the service's sleep (which does not wait). */
  graphSleeps: number[];
  staffToken(options?: StaffTokenOptions): Promise<string>;
  /** Creates an invitation through the staff API (admin key unless a token is given); the 201 body. */
  createInvitation(body: object, token?: string): Promise<{ id: string; url: string; appLink: string; bound: boolean; emails: Partial<Record<Locale, { subject: string; html: string; text: string }>>; ics: string }>;
  close(): Promise<void>;
}

export interface InvitationAppOptions {
  listen?: boolean;
  mail?: boolean;
  codeLimiter?: RateLimitStore;
  downloads?: InvitationConfig['downloads'];
  /** Another store than a fresh memory one (several instances sharing Redis). */
  store?: InvitationStore;
  metrics?: Metrics;
  /** The service sits behind a proxy it trusts (X-Forwarded-For names the client). */
  trustProxy?: boolean;
}

export async function startInvitationApp(options: InvitationAppOptions = {}): Promise<InvitationApp> {
  const entra = await startFakeEntra();
  const graph = await startFakeGraph(entra);
  graph.mailboxes.add(MAILBOX);
  const logs: string[] = [];
  const log = createJsonLog((line) => logs.push(line));
  const clock = { now: Date.now() };
  const graphSleeps: number[] = [];
  const port = options.listen ? await freePort() : 0;
  const publicUrl = options.listen ? `http://localhost:${port}` : 'https://doorway.contoso.example';
  const config: InvitationConfig = {
    publicUrl,
    linkScheme: 'doorway',
    productName: 'Doorway',
    invitationKey: 'test-invitation-key-0123456789abcdef',
    graceMs: 2 * 3_600_000,
    graph: { tenantId: entra.tenantId, clientId: entra.clientId, clientSecret: entra.clientSecret, authorityHost: entra.authorityHost, baseUrl: graph.baseUrl },
    staff: { tenantId: entra.tenantId, audiences: [entra.clientId, `api://${entra.clientId}`], requiredRole: 'Invitations.Create', adminKey: ADMIN_KEY },
    ...(options.mail === false ? {} : { mailSender: MAILBOX }),
    downloads: options.downloads ?? { windows: 'https://downloads.contoso.example/Doorway-Setup.exe', macos: 'https://downloads.contoso.example/Doorway.dmg', linux: 'https://downloads.contoso.example/Doorway.AppImage' },
  };
  const invitations = createInvitationDeps(config, {
    log,
    now: () => clock.now,
    store: options.store ?? createMemoryInvitationStore(() => clock.now),
    credentialOptions: { tlsOptions: { ca: entra.ca }, disableInstanceDiscovery: true },
    jwksFetch: entra.fetch,
    graphSleep: (ms) => (graphSleeps.push(ms), Promise.resolve()),
    ...(options.codeLimiter ? { codeLimiter: options.codeLimiter } : {}),
    ...(options.metrics ? { metrics: options.metrics } : {}),
  });
  const app = buildApp({ config: testConfig('endpoint=http://127.0.0.1:9/;accesskey=c2VjcmV0', { port, trustProxy: options.trustProxy ?? false }), log, invitations, ...(options.metrics ? { metrics: options.metrics } : {}) });
  if (options.listen) await app.listen({ host: '127.0.0.1', port });
  else await app.ready();

  return {
    app,
    url: publicUrl,
    entra,
    graph,
    logs,
    clock,
    graphSleeps,
    staffToken: (tokenOptions) => entra.mintStaffToken(tokenOptions),
    async createInvitation(body, token) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/invitations',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : { 'x-doorway-admin-key': ADMIN_KEY }) },
        payload: JSON.stringify(body),
      });
      if (res.statusCode !== 201) throw new Error(`invitation not created: ${res.statusCode} ${res.body}`);
      return res.json();
    },
    close: async () => {
      await app.close();
      await graph.close();
      await entra.close();
    },
  };
}

/** A port free right now on 127.0.0.1 (the page's origin must be known before listening). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
