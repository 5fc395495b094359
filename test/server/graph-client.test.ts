// The Graph client with the real @azure/identity against the loopback Entra (HTTPS) and Graph
// stand-ins: lookups, creation, mail, and each failure mapped to its operator message.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGraphClient, createGraphCredential, type GraphClient } from '../../server/graph-client';
import { startFakeEntra, type FakeEntra } from './fake-entra';
import { startFakeGraph, type FakeGraph, type GraphMeeting } from './fake-graph';

let entra: FakeEntra;
let graph: FakeGraph;
let client: GraphClient;
const sleeps: number[] = [];
const ORGANIZER = 'ada@contoso.example';
const MAILBOX_FOR_TESTS = 'doorway@contoso.example';

/** The app registration the Entra stand-in knows, with its client secret. */
const registered = () => ({ tenantId: entra.tenantId, clientId: entra.clientId, clientSecret: entra.clientSecret });

function clientWith(settings: Parameters<typeof createGraphCredential>[0], extra: Partial<Parameters<typeof createGraphClient>[0]> = {}) {
  const credential = createGraphCredential(settings, { authorityHost: entra.authorityHost, disableInstanceDiscovery: true, tlsOptions: { ca: entra.ca } });
  return createGraphClient({ credential, baseUrl: graph.baseUrl, sleep: async (ms) => void sleeps.push(ms), ...extra });
}

/**
 * Attempt deadlines the test ends itself: once the stand-in is known to hold a request and will not
 * answer it, the attempt's time is up, as its timeout would have it, without a real wait.
 */
function testDeadlines() {
  const started: AbortController[] = [];
  return {
    deadline: () => {
      const controller = new AbortController();
      started.push(controller);
      return controller.signal;
    },
    /** Ends the attempt started last. */
    expireLatest: () => started.at(-1)!.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
  };
}

/** A client with short real timeouts, on a credential that already holds a token (so that only Graph, or only Entra, is timed). */
async function quickClient(timeoutMs: number) {
  const credential = createGraphCredential(registered(), { authorityHost: entra.authorityHost, disableInstanceDiscovery: true, tlsOptions: { ca: entra.ca } });
  await credential.getToken('https://graph.microsoft.com/.default');
  return createGraphClient({ credential, baseUrl: graph.baseUrl, sleep: async (ms) => void sleeps.push(ms), timeoutMs });
}

beforeAll(async () => {
  entra = await startFakeEntra();
  graph = await startFakeGraph(entra);
  client = clientWith(registered());
});
afterAll(async () => {
  await graph.close();
  await entra.close();
});
beforeEach(() => {
  sleeps.length = 0;
  entra.graphRoles = ['OnlineMeetings.ReadWrite.All', 'Mail.Send'];
});

describe('graph client', () => {
  it('finds a meeting by its join URL (client credentials through @azure/identity, OData filter)', async () => {
    const meeting = graph.addMeeting(ORGANIZER, { subject: "Ada's review", joinWebUrl: "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x'y%40thread.v2/0?context=%7b%7d" });
    graph.addMeeting(ORGANIZER, { subject: 'Another' });
    // A client of its own, so that the token it asks for is this test's.
    const fresh = clientWith(registered());
    const before = entra.tokenRequests.length;
    const result = await fresh.findMeeting(ORGANIZER, meeting.joinWebUrl);
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        subject: "Ada's review",
        joinUrl: meeting.joinWebUrl,
        startsAt: meeting.startDateTime,
        meetingId: meeting.joinMeetingIdSettings!.joinMeetingId,
        passcode: meeting.joinMeetingIdSettings!.passcode,
        passcodeRequired: true,
        dialIn: expect.objectContaining({ conferenceId: '123456789', tollNumber: '+1 425-555-0100' }),
      }),
    });
    expect(entra.tokenRequests.slice(before)).toHaveLength(1);
    const tokenRequest = entra.tokenRequests[before];
    expect(tokenRequest.form).toMatchObject({ grant_type: 'client_credentials', client_id: entra.clientId, scope: 'https://graph.microsoft.com/.default' });
    expect(tokenRequest.status).toBe(200);
  });

  it('reports an unknown join URL as notFound', async () => {
    const result = await client.findMeeting(ORGANIZER, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_none%40thread.v2/0');
    expect(result).toMatchObject({ ok: false, failure: 'notFound', message: expect.stringContaining(ORGANIZER) });
  });

  it('creates a meeting with the lobby for outsiders, the organizer presenting, chat as asked', async () => {
    // This test's own request: the stand-in's log holds the file's earlier tests' too.
    const before = graph.requests.length;
    const result = await client.createMeeting(ORGANIZER, { subject: 'Interview', startsAt: '2030-01-02T09:00:00.000Z', endsAt: '2030-01-02T10:00:00.000Z', chat: 'limited' });
    expect(result).toMatchObject({ ok: true, value: { subject: 'Interview', startsAt: '2030-01-02T09:00:00.000Z', endsAt: '2030-01-02T10:00:00.000Z' } });
    const found = await client.findMeeting(ORGANIZER, result.ok ? result.value.joinUrl : '');
    expect(found.ok).toBe(true);
    const post = graph.requests.slice(before).find((request) => request.method === 'POST' && request.url.endsWith('/onlineMeetings'));
    expect(post).toMatchObject({
      status: 201,
      body: { lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false }, allowedPresenters: 'organizer', allowMeetingChat: 'limited' },
    });
  });

  it('sends mail with an attachment from the configured mailbox', async () => {
    graph.mailboxes.add('doorway@contoso.example');
    const result = await client.sendMail('doorway@contoso.example', {
      to: 'guest@example.org',
      subject: 'Invitation',
      html: '<p>Hello</p>',
      attachments: [{ name: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
    });
    expect(result).toEqual({ ok: true, value: undefined });
    // What the guest's mail client receives: the subject, an HTML body, the file as bytes; and no copy
    // of the guest's mail piles up in the service mailbox's Sent Items.
    expect(graph.sentMail.at(-1)).toEqual({
      mailbox: 'doorway@contoso.example',
      message: {
        subject: 'Invitation',
        body: { contentType: 'HTML', content: '<p>Hello</p>' },
        toRecipients: [{ emailAddress: { address: 'guest@example.org' } }],
        attachments: [{ '@odata.type': '#microsoft.graph.fileAttachment', name: 'invite.ics', contentType: 'text/calendar', contentBytes: Buffer.from('BEGIN:VCALENDAR').toString('base64') }],
      },
      saveToSentItems: false,
    });
    const unknown = await client.sendMail('nobody@contoso.example', { to: 'guest@example.org', subject: 's', html: 'h', attachments: [] });
    expect(unknown).toMatchObject({ ok: false, failure: 'notFound', message: expect.stringContaining('MAIL_SENDER') });
  });

  it('says which permission is missing, and when the application access policy is missing', async () => {
    entra.graphRoles = ['OnlineMeetings.Read.All'];
    const create = await clientWith(registered()).createMeeting(ORGANIZER, {
      subject: 's', startsAt: '2030-01-02T09:00:00Z', endsAt: '2030-01-02T10:00:00Z', chat: 'enabled',
    });
    expect(create).toMatchObject({ ok: false, failure: 'forbidden', message: expect.stringContaining('OnlineMeetings.ReadWrite.All') });
    const noPolicy = await client.findMeeting('bob@contoso.example', 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0');
    expect(noPolicy).toMatchObject({ ok: false, failure: 'forbidden', message: expect.stringContaining('New-CsApplicationAccessPolicy') });
  });

  it('reports a rejected client secret with the AADSTS code, and never retries it', async () => {
    const before = entra.tokenRequests.length;
    const wrong = clientWith({ tenantId: entra.tenantId, clientId: entra.clientId, clientSecret: 'wrong' });
    const result = await wrong.findMeeting(ORGANIZER, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0');
    expect(result).toMatchObject({ ok: false, failure: 'credentialRejected', message: expect.stringContaining('AADSTS7000215') });
    expect(result.ok ? '' : result.message).not.toContain('wrong');
    expect(entra.tokenRequests.length - before).toBeGreaterThanOrEqual(1);
  });

  it('authenticates with a certificate (a signed client assertion) instead of a secret', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'doorway-cert-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=doorway', '-keyout', `${dir}/k.pem`, '-out', `${dir}/c.pem`], { stdio: 'ignore' });
    const cert = readFileSync(`${dir}/c.pem`, 'utf8');
    const pem = `${readFileSync(`${dir}/k.pem`, 'utf8')}${cert}`;
    rmSync(dir, { recursive: true, force: true });
    const meeting = graph.addMeeting(ORGANIZER);
    const unregistered = await clientWith({ tenantId: entra.tenantId, clientId: entra.clientId, certificatePem: pem }).findMeeting(ORGANIZER, meeting.joinWebUrl);
    expect(unregistered).toMatchObject({ ok: false, failure: 'credentialRejected', message: expect.stringContaining('AADSTS700027') });
    entra.registerCertificate(cert);
    const result = await clientWith({ tenantId: entra.tenantId, clientId: entra.clientId, certificatePem: pem }).findMeeting(ORGANIZER, meeting.joinWebUrl);
    expect(result.ok).toBe(true);
    expect(entra.tokenRequests.at(-1)!.form).toMatchObject({ client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' });
  });

  it('waits out a short Retry-After, then succeeds; a long one is reported, not waited', async () => {
    const meeting = graph.addMeeting(ORGANIZER);
    graph.failNext({ status: 429, retryAfterSeconds: 2 });
    expect((await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).ok).toBe(true);
    expect(sleeps).toEqual([2000]);
    sleeps.length = 0;
    graph.failNext({ status: 429, retryAfterSeconds: 120 });
    expect(await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).toMatchObject({ ok: false, failure: 'throttled', retryAfterSeconds: 120 });
    expect(sleeps).toEqual([]);
  });

  it('retries 5xx a bounded number of times', async () => {
    const meeting = graph.addMeeting(ORGANIZER);
    const before = graph.requests.length;
    graph.failNext({ status: 503 }, 3);
    expect(await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).toMatchObject({ ok: false, failure: 'unavailable', message: expect.stringContaining('503') });
    expect(graph.requests.length - before).toBe(3);
    expect(sleeps).toEqual([250, 500]);
    graph.failNext({ status: 502 });
    expect((await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).ok).toBe(true);
  });

  it('maps a 401 from Graph and an unreachable Graph', async () => {
    graph.failNext({ status: 401 });
    const meeting = graph.addMeeting(ORGANIZER);
    expect(await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).toMatchObject({ ok: false, failure: 'unauthorized', message: expect.stringContaining('GRAPH_TENANT_ID') });
    const down = clientWith(registered(), { baseUrl: 'http://127.0.0.1:9/v1.0' });
    expect(await down.findMeeting(ORGANIZER, meeting.joinWebUrl)).toEqual({
      ok: false,
      failure: 'unreachable',
      message: 'Microsoft Graph could not be reached (findMeeting): check the network and GRAPH_BASE_URL.',
    });
    // A network failure is tried again, with growing waits.
    expect(sleeps).toEqual([250, 500]);
  });

  it('reads a meeting with no subject, ID, passcode or dial-in as just that, and names the organizer when Graph does', async () => {
    const bare = graph.addMeeting(ORGANIZER, { subject: '   ', joinMeetingIdSettings: null, audioConferencing: null });
    bare.participants.organizer.identity.user.displayName = 'Ada Lovelace';
    const found = await client.findMeeting(ORGANIZER, bare.joinWebUrl);
    expect(found).toEqual({
      ok: true,
      value: { id: bare.id, subject: '', startsAt: bare.startDateTime, endsAt: bare.endDateTime, joinUrl: bare.joinWebUrl, organizerName: 'Ada Lovelace', passcodeRequired: false },
    });
    const dialIn = graph.addMeeting(ORGANIZER, {
      joinMeetingIdSettings: { joinMeetingId: '123 456 789', passcode: null, isPasscodeRequired: false },
      audioConferencing: { conferenceId: '42', tollNumber: '+1 425-555-0100', tollFreeNumber: '+1 800-555-0100', dialinUrl: 'https://dialin.teams.microsoft.com/x' },
    });
    expect(await client.findMeeting(ORGANIZER, dialIn.joinWebUrl)).toMatchObject({
      ok: true,
      value: { meetingId: '123 456 789', passcodeRequired: false, dialIn: { conferenceId: '42', tollNumber: '+1 425-555-0100', tollFreeNumber: '+1 800-555-0100', dialinUrl: 'https://dialin.teams.microsoft.com/x' } },
    });
    const withoutPasscode = await client.findMeeting(ORGANIZER, dialIn.joinWebUrl);
    expect(withoutPasscode.ok && Object.keys(withoutPasscode.value)).not.toContain('passcode');
  });

  it('waits out a Retry-After of up to 10 s, and reports a longer one at once', async () => {
    const meeting = graph.addMeeting(ORGANIZER);
    graph.failNext({ status: 429, retryAfterSeconds: 10 });
    expect((await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).ok).toBe(true);
    expect(sleeps).toEqual([10_000]);
    sleeps.length = 0;
    graph.failNext({ status: 429, retryAfterSeconds: 11 });
    expect(await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).toMatchObject({ ok: false, failure: 'throttled', retryAfterSeconds: 11, message: expect.stringContaining('findMeeting') });
    expect(sleeps).toEqual([]);
  });

  it('backs off without a Retry-After, and asks the caller to wait 30 s when throttling outlasts the retries', async () => {
    const meeting = graph.addMeeting(ORGANIZER);
    graph.failNext({ status: 429 }, 3);
    expect(await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).toEqual({ ok: false, failure: 'throttled', retryAfterSeconds: 30, message: 'Microsoft Graph is throttling the service (findMeeting).' });
    expect(sleeps).toEqual([250, 500]);
  });

  it('does not retry a meeting creation that timed out (it may have been created), but retries a lookup', async () => {
    const { deadline, expireLatest } = testDeadlines();
    const quick = clientWith(registered(), { deadline });
    const meeting = graph.addMeeting(ORGANIZER);
    const before = graph.requests.length;
    graph.failNext({ status: 0, stall: true }, 3);
    const creating = quick.createMeeting(ORGANIZER, { subject: 'Interview', startsAt: '2030-01-02T09:00:00Z', endsAt: '2030-01-02T10:00:00Z', chat: 'enabled' });
    await expect.poll(() => graph.requests.length - before).toBe(1);
    expireLatest();
    expect(await creating).toEqual({ ok: false, failure: 'timeout', message: 'Microsoft Graph did not answer in time (createMeeting).' });
    const lookup = quick.findMeeting(ORGANIZER, meeting.joinWebUrl);
    for (const held of [2, 3]) {
      await expect.poll(() => graph.requests.length - before).toBe(held);
      expireLatest();
    }
    expect((await lookup).ok).toBe(true);
    expect(graph.requests.slice(before).map((request) => [request.method, request.status])).toEqual([['POST', 0], ['GET', 0], ['GET', 0], ['GET', 200]]);
    expect(sleeps).toEqual([250, 500]);
  });

  it('reports an answer of the wrong shape as invalidResponse, and a refused request with its status and code', async () => {
    graph.failNext({ status: 200, body: { value: [{ id: 'x' }] } });
    expect(await client.findMeeting(ORGANIZER, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0')).toEqual({
      ok: false,
      failure: 'invalidResponse',
      message: 'Microsoft Graph answered findMeeting in an unexpected shape.',
    });
    graph.failNext({ status: 201, body: { id: 'x' } });
    expect(await client.createMeeting(ORGANIZER, { subject: 's', startsAt: '2030-01-02T09:00:00Z', endsAt: '2030-01-02T10:00:00Z', chat: 'enabled' })).toEqual({
      ok: false,
      failure: 'invalidResponse',
      message: 'Microsoft Graph answered createMeeting in an unexpected shape.',
    });
    graph.failNext({ status: 400 });
    expect(await client.findMeeting(ORGANIZER, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0')).toEqual({
      ok: false,
      failure: 'badRequest',
      message: 'Microsoft Graph refused findMeeting (400 Injected).',
    });
  });

  it('names the permission each operation needs when Graph denies it', async () => {
    entra.graphRoles = [];
    const denied = clientWith(registered());
    const meeting = graph.addMeeting(ORGANIZER);
    expect(await denied.findMeeting(ORGANIZER, meeting.joinWebUrl)).toEqual({
      ok: false,
      failure: 'forbidden',
      message: 'Microsoft Graph denied findMeeting (Forbidden): grant the application permission OnlineMeetings.Read.All with admin consent.',
    });
    graph.mailboxes.add('doorway@contoso.example');
    expect(await denied.sendMail('doorway@contoso.example', { to: 'guest@example.org', subject: 's', html: 'h', attachments: [] })).toEqual({
      ok: false,
      failure: 'forbidden',
      message: 'Microsoft Graph denied sendMail (ErrorAccessDenied): grant the application permission Mail.Send with admin consent.',
    });
  });

  it('reports an Entra that does not answer as a timeout, one that cannot be reached as unreachable, and a tenant it does not know as a refused credential', async () => {
    const { deadline, expireLatest } = testDeadlines();
    const hung = clientWith(registered(), { deadline });
    const before = graph.requests.length;
    const held = entra.heldTokenRequests;
    entra.stallNextToken();
    const creating = hung.createMeeting(ORGANIZER, { subject: 's', startsAt: '2030-01-02T09:00:00Z', endsAt: '2030-01-02T10:00:00Z', chat: 'enabled' });
    // Entra holds the token request and will not answer: the attempt's time runs out.
    await expect.poll(() => entra.heldTokenRequests).toBe(held + 1);
    expireLatest();
    expect(await creating).toEqual({
      ok: false,
      failure: 'timeout',
      message: 'Microsoft Graph did not answer in time (createMeeting).',
    });
    expect(graph.requests.length).toBe(before);
    // Nothing listens on port 9: the connection is refused. @azure/identity retries it itself (here
    // without its real back-off); the Graph client adds no retries of its own.
    const credential = createGraphCredential(registered(), { authorityHost: 'https://127.0.0.1:9', disableInstanceDiscovery: true, retryOptions: { retryDelayInMs: 1, maxRetryDelayInMs: 1 } });
    const noEntra = createGraphClient({ credential, baseUrl: graph.baseUrl, sleep: async (ms) => void sleeps.push(ms) });
    expect(await noEntra.findMeeting(ORGANIZER, 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_a%40thread.v2/0')).toEqual({
      ok: false,
      failure: 'unreachable',
      message: 'Entra ID could not be reached for a Microsoft Graph token (findMeeting): check the network, any proxy, and the authority host.',
    });
    expect(sleeps).toEqual([]);
    // Entra answers, but knows no such tenant: MSAL words this exactly as it words the refused connection above.
    const unknownTenant = clientWith({ ...registered(), tenantId: '11111111-1111-4111-8111-111111111111' });
    expect(await unknownTenant.sendMail(MAILBOX_FOR_TESTS, { to: 'guest@example.org', subject: 's', html: 'h', attachments: [] })).toEqual({
      ok: false,
      failure: 'credentialRejected',
      message: "Entra ID refused the service's credential: check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and the client secret or certificate (expired?).",
    });
    expect(graph.requests.length).toBe(before);
  });

  it('treats a credential that gives no token as refused, and calls Graph with nothing', async () => {
    const before = graph.requests.length;
    const tokenless = createGraphClient({ credential: { getToken: async () => null }, baseUrl: graph.baseUrl, sleep: async (ms) => void sleeps.push(ms) });
    expect(await tokenless.sendMail(MAILBOX_FOR_TESTS, { to: 'guest@example.org', subject: 's', html: 'h', attachments: [] })).toMatchObject({ ok: false, failure: 'credentialRejected' });
    expect(graph.requests.length).toBe(before);
    expect(sleeps).toEqual([]);
  });

  it('waits exactly a Retry-After of 0, and backs off as usual from a negative one', async () => {
    const meeting = graph.addMeeting(ORGANIZER);
    graph.failNext({ status: 429, retryAfterSeconds: 0 });
    expect((await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).ok).toBe(true);
    expect(sleeps).toEqual([0]);
    sleeps.length = 0;
    graph.failNext({ status: 429, retryAfterSeconds: -5 });
    expect((await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).ok).toBe(true);
    expect(sleeps).toEqual([250]);
  });

  it('retries a meeting creation that Graph failed outright (nothing was created), and takes a 200 as well as a 201', async () => {
    const before = graph.requests.length;
    graph.failNext({ status: 503 });
    const created = await client.createMeeting(ORGANIZER, { subject: 'Retry', startsAt: '2030-01-02T09:00:00Z', endsAt: '2030-01-02T10:00:00Z', chat: 'enabled' });
    expect(created).toMatchObject({ ok: true, value: { subject: 'Retry' } });
    expect(graph.requests.slice(before).map((request) => request.status)).toEqual([503, 201]);
    expect(sleeps).toEqual([250]);
    const existing = graph.addMeeting(ORGANIZER, { subject: 'Existing' });
    graph.failNext({ status: 200, body: existing });
    expect(await client.createMeeting(ORGANIZER, { subject: 'Existing', startsAt: existing.startDateTime, endsAt: existing.endDateTime, chat: 'enabled' })).toMatchObject({
      ok: true,
      value: { id: existing.id, joinUrl: existing.joinWebUrl },
    });
  });

  it('does not send a mail again when Graph timed out on it (the guest would get it twice)', async () => {
    graph.mailboxes.add(MAILBOX_FOR_TESTS);
    // A real timeout (AbortSignal.timeout), short: the token is already there, so only the mail that Graph never answers is timed.
    const quick = await quickClient(500);
    const before = graph.requests.length;
    graph.failNext({ status: 0, stall: true });
    expect(await quick.sendMail(MAILBOX_FOR_TESTS, { to: 'guest@example.org', subject: 's', html: 'h', attachments: [] })).toEqual({
      ok: false,
      failure: 'timeout',
      message: 'Microsoft Graph did not answer in time (sendMail).',
    });
    await expect.poll(() => graph.requests.length - before).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('reads an error page that is not JSON as a failure without a Graph code', async () => {
    const meeting = graph.addMeeting(ORGANIZER);
    graph.failNext({ status: 502, html: '<html><body>Bad gateway</body></html>' }, 3);
    expect(await client.findMeeting(ORGANIZER, meeting.joinWebUrl)).toEqual({
      ok: false,
      failure: 'unavailable',
      message: 'Microsoft Graph failed (502 none) for findMeeting, after retries.',
    });
  });

  it('reads a meeting whose organizer Graph describes only in part', async () => {
    const partial = [
      { participants: null },
      { participants: { organizer: null } },
      { participants: { organizer: { upn: ORGANIZER, identity: null } } },
      { participants: { organizer: { upn: ORGANIZER, identity: { user: null } } } },
    ];
    for (const overrides of partial) {
      const meeting = graph.addMeeting(ORGANIZER, overrides as unknown as Partial<GraphMeeting>);
      const found = await client.findMeeting(ORGANIZER, meeting.joinWebUrl);
      expect(found.ok && found.value, JSON.stringify(overrides)).toMatchObject({ id: meeting.id });
      expect(found.ok && Object.keys(found.value), JSON.stringify(overrides)).not.toContain('organizerName');
    }
  });
});
