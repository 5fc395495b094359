// Process: server. Builds the invitation feature's parts from its configuration: the Graph client
// (app-only credential), staff auth, the service, the per-client code limiter. index.ts calls it
// with production defaults; tests and the whole-journey E2E pass loopback stand-ins' options.
import type { ClientSecretCredentialOptions } from '@azure/identity';
import { createAuditLog } from './audit-log';
import { createGraphClient, createGraphCredential } from './graph-client';
import type { InvitationConfig } from './invitation-config';
import { createInvitationService, type InvitationService } from './invitation-service';
import type { Downloads } from './landing-page';
import type { ServerLog } from './log';
import { meteredGraph } from './metered-upstreams';
import type { Metrics } from './metrics';
import { createMemoryRateLimitStore, type RateLimitStore } from './stores/rate-limit-store';
import { createStaffAuth, type StaffAuth } from './staff-auth';
import { createMemoryInvitationStore, type InvitationStore } from './stores/invitation-store';

export interface InvitationAppDeps {
  service: InvitationService;
  staffAuth: StaffAuth;
  codeLimiter: RateLimitStore;
  productName: string;
  downloads: Downloads;
  publicUrl: string;
}

export interface InvitationWiringOptions {
  log: ServerLog;
  now?: () => number;
  store?: InvitationStore;
  codeLimiter?: RateLimitStore;
  /** Extra options for @azure/identity (tests: tlsOptions, disableInstanceDiscovery). */
  credentialOptions?: ClientSecretCredentialOptions;
  /** The fetch jose uses for the tenant's signing keys (tests trust a loopback certificate). */
  jwksFetch?: typeof fetch;
  /** Graph's wait between retries (tests: none). */
  graphSleep?: (ms: number) => Promise<void>;
  /** Counts Graph's failures and latency (doorway_upstream_*{upstream="graph"}). */
  metrics?: Metrics;
}

export function createInvitationDeps(config: InvitationConfig, options: InvitationWiringOptions): InvitationAppDeps {
  const { log, now = Date.now } = options;
  const { authorityHost, baseUrl, ...credentialSettings } = config.graph;
  const credential = createGraphCredential(credentialSettings, { authorityHost, ...options.credentialOptions });
  const client = createGraphClient({ credential, baseUrl, ...(options.graphSleep ? { sleep: options.graphSleep } : {}) });
  const graph = options.metrics ? meteredGraph(client, options.metrics) : client;
  const service = createInvitationService({
    store: options.store ?? createMemoryInvitationStore(now),
    graph,
    ...(config.mailSender ? { mailSender: config.mailSender } : {}),
    audit: createAuditLog(log, config.invitationKey),
    key: config.invitationKey,
    publicUrl: config.publicUrl,
    linkScheme: config.linkScheme,
    productName: config.productName,
    graceMs: config.graceMs,
    now,
  });
  const staffAuth = createStaffAuth({ ...config.staff, authorityHost, ...(options.jwksFetch ? { fetch: options.jwksFetch } : {}) });
  return {
    service,
    staffAuth,
    // Code requests and checks per client: a few at once, then one every 10 s.
    codeLimiter: options.codeLimiter ?? createMemoryRateLimitStore({ burst: 5, perMinute: 6 }, now),
    productName: config.productName,
    downloads: config.downloads,
    publicUrl: config.publicUrl,
  };
}
