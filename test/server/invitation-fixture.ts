// Test support: the invitation service wired to the loopback Entra and Graph stand-ins through
// the real @azure/identity and Graph client, a memory store, a settable clock, captured logs.
import { createAuditLog } from '../../server/audit-log';
import { createGraphClient, createGraphCredential, type GraphClient } from '../../server/graph-client';
import { createInvitationService, type InvitationService, type InvitationServiceOptions } from '../../server/invitation-service';
import { createJsonLog } from '../../server/log';
import { createMemoryInvitationStore } from '../../server/stores/invitation-store';
import { startFakeEntra, type FakeEntra } from './fake-entra';
import { startFakeGraph, type FakeGraph } from './fake-graph';

import { MAILBOX } from './invitation-app';

export { MAILBOX, ORGANIZER } from './invitation-app';
export const INVITATION_KEY = 'test-invitation-key-0123456789abcdef';

export interface InvitationFixture {
  entra: FakeEntra;
  graph: FakeGraph;
  graphClient: GraphClient;
  service: InvitationService;
  logs: string[];
  clock: { now: number };
  close(): Promise<void>;
}

/** Graph's client against the stand-ins (fast retries). */
export function graphClientFor(entra: FakeEntra, graph: FakeGraph): GraphClient {
  const credential = createGraphCredential(
    { tenantId: entra.tenantId, clientId: entra.clientId, clientSecret: entra.clientSecret },
    { authorityHost: entra.authorityHost, disableInstanceDiscovery: true, tlsOptions: { ca: entra.ca } },
  );
  return createGraphClient({ credential, baseUrl: graph.baseUrl, sleep: () => Promise.resolve(), timeoutMs: 5_000 });
}

export async function startInvitationFixture(overrides: Partial<InvitationServiceOptions> = {}): Promise<InvitationFixture> {
  const entra = await startFakeEntra();
  const graph = await startFakeGraph(entra);
  graph.mailboxes.add(MAILBOX);
  const graphClient = graphClientFor(entra, graph);
  const logs: string[] = [];
  const log = createJsonLog((line) => logs.push(line));
  const clock = { now: Date.now() };
  const service = createInvitationService({
    store: createMemoryInvitationStore(() => clock.now),
    graph: graphClient,
    mailSender: MAILBOX,
    audit: createAuditLog(log, INVITATION_KEY),
    key: INVITATION_KEY,
    publicUrl: 'https://doorway.contoso.example',
    linkScheme: 'doorway',
    productName: 'Doorway',
    graceMs: 2 * 3_600_000,
    now: () => clock.now,
    ...overrides,
  });
  return {
    entra,
    graph,
    graphClient,
    service,
    logs,
    clock,
    close: async () => {
      await graph.close();
      await entra.close();
    },
  };
}

/** The 6-digit code in the last mail the stand-in Graph accepted. */
export function lastCode(graph: FakeGraph): string {
  const html = graph.sentMail.at(-1)?.message.body.content ?? '';
  const code = />(\d{6})</.exec(html)?.[1];
  if (!code) throw new Error('no code in the last mail');
  return code;
}
