// A loopback stand-in for the Microsoft Graph v1.0 endpoints the service uses: online meetings
// (look up by JoinWebUrl, create) and sendMail. It checks each request the way Graph does: a
// bearer token from the (fake) tenant with the right application permission, the application
// access policy per organizer, the OData $filter syntax, and the request body's schema. It can be
// scripted to answer 401, 403, 404, 429 (with Retry-After), 5xx, a body of the wrong shape, or nothing at all.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import type { FakeEntra } from './fake-entra';

export interface GraphMeeting {
  id: string;
  subject: string | null;
  startDateTime: string;
  endDateTime: string;
  joinWebUrl: string;
  participants: { organizer: { upn: string; role: string; identity: { user: { id: string; displayName: string | null; tenantId: string } } } };
  joinMeetingIdSettings: { joinMeetingId: string; passcode: string | null; isPasscodeRequired: boolean } | null;
  audioConferencing: { conferenceId: string; tollNumber: string; tollFreeNumber: string | null; dialinUrl: string } | null;
  lobbyBypassSettings: { scope: string; isDialInBypassEnabled: boolean };
  allowedPresenters: string;
  allowMeetingChat: string;
}

export interface SentMail {
  mailbox: string;
  message: z.infer<typeof sendMailSchema>['message'];
  /** As asked; Graph keeps a copy in the mailbox's Sent Items unless this is false. */
  saveToSentItems?: boolean;
}

export interface ScriptedFailure {
  status: number;
  retryAfterSeconds?: number;
  /** Answer with this body instead of a Graph error (a shape Graph never sends). */
  body?: object;
  /** Accept the request and never answer it (a hung Graph); recorded with status 0. */
  stall?: boolean;
  /** Answer with this text as text/html (a proxy's error page, not JSON). */
  html?: string;
}

export interface FakeGraph {
  /** `http://127.0.0.1:<port>/v1.0` */
  baseUrl: string;
  /** Every request, with its parsed JSON body if it had one. */
  requests: Array<{ method: string; url: string; status: number; body?: unknown }>;
  sentMail: SentMail[];
  /** Adds a meeting organized by `organizer` (a UPN or user id) and returns it. */
  addMeeting(organizer: string, overrides?: Partial<GraphMeeting>): GraphMeeting;
  /** Users the application access policy covers (organizers are added by addMeeting). */
  policyUsers: Set<string>;
  /** Mailboxes that exist (for sendMail). */
  mailboxes: Set<string>;
  failNext(failure: ScriptedFailure, times?: number): void;
  close(): Promise<void>;
}

const lobbyScope = z.enum(['organizer', 'organization', 'organizationAndFederated', 'everyone', 'invited', 'organizationExcludingGuests']);
const createMeetingSchema = z.strictObject({
  subject: z.string().max(255).optional(),
  startDateTime: z.iso.datetime({ offset: true }),
  endDateTime: z.iso.datetime({ offset: true }),
  lobbyBypassSettings: z.strictObject({ scope: lobbyScope, isDialInBypassEnabled: z.boolean().optional() }).optional(),
  allowedPresenters: z.enum(['everyone', 'organization', 'roleIsPresenter', 'organizer']).optional(),
  allowMeetingChat: z.enum(['enabled', 'disabled', 'limited']).optional(),
  allowAttendeeToEnableCamera: z.boolean().optional(),
  allowAttendeeToEnableMic: z.boolean().optional(),
  isEntryExitAnnounced: z.boolean().optional(),
});
const recipient = z.strictObject({ emailAddress: z.strictObject({ address: z.email(), name: z.string().optional() }) });
const sendMailSchema = z.strictObject({
  message: z.strictObject({
    subject: z.string(),
    body: z.strictObject({ contentType: z.enum(['Text', 'HTML']), content: z.string() }),
    toRecipients: z.array(recipient).min(1),
    attachments: z
      .array(z.strictObject({ '@odata.type': z.literal('#microsoft.graph.fileAttachment'), name: z.string(), contentType: z.string(), contentBytes: z.base64() }))
      .optional(),
  }),
  saveToSentItems: z.boolean().optional(),
});
// OData: JoinWebUrl eq '<string literal>', where a quote inside the literal is doubled.
const FILTER = /^JoinWebUrl eq '((?:[^']|'')*)'$/i;

export async function startFakeGraph(entra: FakeEntra): Promise<FakeGraph> {
  const meetings: Array<{ organizer: string; meeting: GraphMeeting }> = [];
  const failures: ScriptedFailure[] = [];
  const requests: FakeGraph['requests'] = [];
  const sentMail: SentMail[] = [];
  const policyUsers = new Set<string>();
  const mailboxes = new Set<string>();

  function newMeeting(organizer: string, fields: Partial<GraphMeeting>): GraphMeeting {
    const thread = `19%3ameeting_${randomBytes(24).toString('base64url')}%40thread.v2`;
    const context = encodeURIComponent(JSON.stringify({ Tid: entra.tenantId, Oid: randomUUID() }));
    const start = new Date(Date.now() + 3_600_000);
    return {
      id: randomBytes(48).toString('base64url'),
      subject: 'Quarterly review',
      startDateTime: start.toISOString(),
      endDateTime: new Date(start.getTime() + 3_600_000).toISOString(),
      joinWebUrl: `https://teams.microsoft.com/l/meetup-join/${thread}/0?context=${context}`,
      participants: {
        organizer: { upn: organizer, role: 'presenter', identity: { user: { id: randomUUID(), displayName: null, tenantId: entra.tenantId } } },
      },
      joinMeetingIdSettings: { joinMeetingId: String(200_000_000_000 + Math.floor(Math.random() * 99_999_999_999)), passcode: randomBytes(4).toString('hex'), isPasscodeRequired: true },
      audioConferencing: { conferenceId: '123456789', tollNumber: '+1 425-555-0100', tollFreeNumber: null, dialinUrl: 'https://dialin.teams.microsoft.com/local' },
      lobbyBypassSettings: { scope: 'organization', isDialInBypassEnabled: false },
      allowedPresenters: 'everyone',
      allowMeetingChat: 'enabled',
      ...fields,
    };
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      void handle(req, res, Buffer.concat(chunks).toString('utf8'))
        .catch(() => graphError(res, 500, 'generalException', 'An unexpected error occurred.'))
        .finally(() => {
          const body = safeJson(Buffer.concat(chunks).toString('utf8'));
          requests.push({ method: req.method ?? '', url: req.url ?? '', status: res.headersSent ? res.statusCode : 0, ...(body === undefined ? {} : { body }) });
        }),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const raw = req.url ?? '/';
    const [pathname = '/', query = ''] = raw.split('?', 2);
    const authorization = req.headers.authorization ?? '';
    const claims = authorization.startsWith('Bearer ') ? await entra.verifyGraphToken(authorization.slice(7)) : undefined;
    if (!claims) return graphError(res, 401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    const failure = failures.shift();
    if (failure?.stall) return;
    if (failure?.body) return send(res, failure.status, failure.body);
    if (failure?.html !== undefined) {
      res.writeHead(failure.status, { 'content-type': 'text/html' });
      return void res.end(failure.html);
    }
    if (failure) {
      if (failure.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(failure.retryAfterSeconds));
      return graphError(res, failure.status, failure.status === 429 ? 'TooManyRequests' : 'Injected', 'Scripted failure.');
    }
    const roles = (claims.roles as string[] | undefined) ?? [];
    const match = /^\/v1\.0\/users\/([^/]+)\/(onlineMeetings|sendMail)$/.exec(pathname);
    if (!match) return graphError(res, 400, 'BadRequest', `Resource not found for the segment '${pathname}'.`);
    const user = decodeURIComponent(match[1]);

    if (match[2] === 'sendMail') {
      if (req.method !== 'POST') return graphError(res, 405, 'Request_BadRequest', 'Method not allowed.');
      if (!roles.includes('Mail.Send')) return graphError(res, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      if (!mailboxes.has(user)) return graphError(res, 404, 'ErrorInvalidUser', `The requested user '${user}' is invalid.`);
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return graphError(res, 415, 'UnsupportedMediaType', 'Content type must be JSON.');
      const parsed = sendMailSchema.safeParse(safeJson(body));
      if (!parsed.success) return graphError(res, 400, 'ErrorInvalidRequest', 'The request body is not valid.');
      sentMail.push({ mailbox: user, message: parsed.data.message, ...(parsed.data.saveToSentItems === undefined ? {} : { saveToSentItems: parsed.data.saveToSentItems }) });
      res.writeHead(202);
      return void res.end();
    }

    const canRead = roles.includes('OnlineMeetings.Read.All') || roles.includes('OnlineMeetings.ReadWrite.All');
    if (!canRead || (req.method === 'POST' && !roles.includes('OnlineMeetings.ReadWrite.All'))) {
      return graphError(res, 403, 'Forbidden', 'Application is not authorized to perform this operation. Application must have one of the following scopes: OnlineMeetings.ReadWrite.All');
    }
    if (!policyUsers.has(user)) {
      return graphError(res, 403, 'Forbidden', 'No application access policy found for this app.');
    }
    if (req.method === 'GET') {
      const params = query.split('&').filter(Boolean).map((pair) => pair.split('=', 2) as [string, string | undefined]);
      const filterParam = params.find(([name]) => decodeURIComponent(name) === '$filter');
      if (!filterParam || params.length !== 1) return graphError(res, 400, 'BadRequest', 'A filter on JoinWebUrl is required.');
      let filter: string;
      try {
        filter = decodeURIComponent(filterParam[1] ?? '');
      } catch {
        return graphError(res, 400, 'BadRequest', 'Invalid filter clause.');
      }
      const literal = FILTER.exec(filter)?.[1];
      if (literal === undefined) return graphError(res, 400, 'BadRequest', `Invalid filter clause: ${filter}`);
      const joinWebUrl = literal.replaceAll("''", "'");
      const found = meetings.filter((entry) => entry.organizer === user && entry.meeting.joinWebUrl === joinWebUrl);
      return send(res, 200, { '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${user}')/onlineMeetings`, value: found.map((entry) => entry.meeting) });
    }
    if (req.method === 'POST') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return graphError(res, 415, 'UnsupportedMediaType', 'Content type must be JSON.');
      const parsed = createMeetingSchema.safeParse(safeJson(body));
      if (!parsed.success) return graphError(res, 400, 'BadRequest', 'Invalid request body.');
      const { subject, startDateTime, endDateTime, ...settings } = parsed.data;
      const meeting = newMeeting(user, {
        subject: subject ?? null,
        startDateTime: new Date(startDateTime).toISOString(),
        endDateTime: new Date(endDateTime).toISOString(),
        lobbyBypassSettings: { scope: settings.lobbyBypassSettings?.scope ?? 'organization', isDialInBypassEnabled: settings.lobbyBypassSettings?.isDialInBypassEnabled ?? false },
        allowedPresenters: settings.allowedPresenters ?? 'everyone',
        allowMeetingChat: settings.allowMeetingChat ?? 'enabled',
      });
      meetings.push({ organizer: user, meeting });
      return send(res, 201, meeting);
    }
    graphError(res, 405, 'BadRequest', 'Method not allowed.');
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`,
    requests,
    sentMail,
    policyUsers,
    mailboxes,
    addMeeting(organizer, overrides = {}) {
      const meeting = newMeeting(organizer, overrides);
      meetings.push({ organizer, meeting });
      policyUsers.add(organizer);
      return meeting;
    },
    failNext(failure, times = 1) {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function graphError(res: ServerResponse, status: number, code: string, message: string) {
  send(res, status, { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() } } });
}

function send(res: ServerResponse, status: number, body: object) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
