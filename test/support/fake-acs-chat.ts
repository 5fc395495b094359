// Test code only (Node). A loopback stand-in for the ACS chat REST API (api-version 2025-03-15),
// the endpoints the real @azure/communication-chat client calls for a meeting thread: list
// messages (newest first, `startTime`, `maxPageSize`, `nextLink` paging), send a message, read
// receipts, participants, and a 403 mode for tenants that refuse meeting chat to ACS guests.
// The JSON shapes are those of the client's own mappers (generated/src/models/mappers.js).
// Requests must carry a bearer token, as the service requires. The real-time configuration
// (chat/config/realTimeNotifications, where the client learns its push service's address) is
// answered 503: the push service itself (Trouter, a socket.io session over wss with a registrar)
// has no stand-in, so the client falls back to polling as it would when push is down. `attach(context)` routes a
// browser context's requests for the ACS host to it, so the page keeps its real CSP.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';

/** The chat endpoint the token service names in tests; its host is within the app's CSP (https://*.communication.azure.com). */
export const FAKE_CHAT_ENDPOINT = 'https://doorway-test.communication.azure.com';

export type FakeIdentity = { kind: 'acs'; id: string } | { kind: 'teams'; userId: string };

interface StoredMessage {
  id: string;
  type: 'text' | 'html' | 'participantAdded' | 'participantRemoved';
  sequenceId: number;
  createdOn: number;
  sender?: FakeIdentity;
  senderDisplayName?: string;
  message?: string;
  participants?: Array<{ who: FakeIdentity; displayName: string }>;
}

export interface FakeChatRequest {
  method: string;
  path: string;
  authorized: boolean;
  body: unknown;
}

export interface FakeAcsChat {
  url: string;
  threadId: string;
  requests: FakeChatRequest[];
  /** Messages the guest's client sent: content and the display name it gave. */
  sent: Array<{ content: string; senderDisplayName: string }>;
  readReceipts: string[];
  /** Answers every request with 403 (the tenant refuses chat to ACS users). */
  forbidden: boolean;
  /** The next N sends fail with 400. */
  failSends: number;
  /** Someone posts a message; returns its id. `at` defaults to now. */
  post(sender: FakeIdentity, displayName: string, message: string, options?: { type?: 'text' | 'html'; at?: number }): string;
  /** People join or leave the thread (a system message). */
  participants(change: 'added' | 'removed', people: Array<{ who: FakeIdentity; displayName: string }>, at?: number): void;
  attach(context: BrowserContext): Promise<void>;
  close(): Promise<void>;
}

const rawIdOf = (who: FakeIdentity) => (who.kind === 'acs' ? who.id : `8:orgid:${who.userId}`);

/** CommunicationIdentifierModel as the service sends it. */
function identifierModel(who: FakeIdentity) {
  return who.kind === 'acs'
    ? { rawId: who.id, communicationUser: { id: who.id } }
    : { rawId: rawIdOf(who), microsoftTeamsUser: { userId: who.userId, isAnonymous: false, cloud: 'public' } };
}

function messageModel(m: StoredMessage) {
  return {
    id: m.id,
    type: m.type,
    sequenceId: String(m.sequenceId),
    version: String(m.createdOn),
    createdOn: new Date(m.createdOn).toISOString(),
    ...(m.senderDisplayName !== undefined && { senderDisplayName: m.senderDisplayName }),
    ...(m.sender && { senderCommunicationIdentifier: identifierModel(m.sender) }),
    content: m.participants
      ? { participants: m.participants.map((p) => ({ communicationIdentifier: identifierModel(p.who), displayName: p.displayName, shareHistoryTime: new Date(0).toISOString() })) }
      : { message: m.message ?? '' },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startFakeAcsChat(options: { threadId: string; participants?: Array<{ who: FakeIdentity; displayName: string }> }): Promise<FakeAcsChat> {
  const { threadId } = options;
  const messages: StoredMessage[] = [];
  const members = new Map<string, { who: FakeIdentity; displayName: string }>();
  for (const p of options.participants ?? []) members.set(rawIdOf(p.who), p);
  let sequence = 0;
  let url = '';

  const send = (res: ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const error = (res: ServerResponse, status: number, code: string, message: string) => send(res, status, { error: { code, message } });

  const store = (m: Omit<StoredMessage, 'id' | 'sequenceId'>): string => {
    sequence++;
    // Real ids are the message's creation time in ms; unique here with the sequence.
    const id = `${m.createdOn}${String(sequence).padStart(3, '0')}`;
    messages.push({ ...m, id, sequenceId: sequence });
    return id;
  };

  const chat: FakeAcsChat = {
    url: '',
    threadId,
    requests: [],
    sent: [],
    readReceipts: [],
    forbidden: false,
    failSends: 0,
    post(sender, displayName, message, { type = 'html', at = Date.now() } = {}) {
      return store({ type, createdOn: at, sender, senderDisplayName: displayName, message });
    },
    participants(change, people, at = Date.now()) {
      for (const p of people) {
        if (change === 'added') members.set(rawIdOf(p.who), p);
        else members.delete(rawIdOf(p.who));
      }
      store({ type: change === 'added' ? 'participantAdded' : 'participantRemoved', createdOn: at, participants: people });
    },
    async attach(context) {
      await context.route(`${FAKE_CHAT_ENDPOINT}/**`, async (route) => {
        const target = new URL(route.request().url());
        try {
          const response = await route.fetch({ url: `${url}${target.pathname}${target.search}` });
          await route.fulfill({ response });
        } catch {
          // A reused keep-alive socket the stand-in just closed, or the page going away: a network
          // error, as the client would see it from the real service.
          await route.abort('connectionreset').catch(() => undefined);
        }
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const target = new URL(req.url ?? '/', 'http://localhost');
    const text = await readBody(req);
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return error(res, 400, 'BadRequest', 'The body is not JSON.');
    }
    const authorized = /^Bearer \S+$/.test(req.headers.authorization ?? '');
    chat.requests.push({ method: req.method ?? '', path: target.pathname, authorized, body });
    if (!authorized) return error(res, 401, 'Unauthorized', 'Missing or invalid token.');
    if (chat.forbidden) return error(res, 403, 'Forbidden', 'Permission check failed.');
    if (!target.searchParams.get('api-version')) return error(res, 400, 'MissingApiVersionParameter', 'The api-version query parameter is required.');

    if (target.pathname === '/chat/config/realTimeNotifications' && req.method === 'GET') return error(res, 503, 'ServiceUnavailable', 'Real-time notifications are not offered by the stand-in.');
    const prefix = `/chat/threads/${encodeURIComponent(threadId)}`;
    const path = target.pathname.startsWith(prefix) ? target.pathname.slice(prefix.length) : null;
    if (path === null) return error(res, 404, 'NotFound', 'No such thread.');

    if (path === '/messages' && req.method === 'GET') {
      const since = target.searchParams.get('startTime');
      const sinceMs = since ? Date.parse(since) : 0;
      const pageSize = Math.min(Number(target.searchParams.get('maxPageSize') ?? 100) || 100, 200);
      const skip = Number(target.searchParams.get('skip') ?? 0) || 0;
      const matching = messages.filter((m) => m.createdOn >= sinceMs).sort((a, b) => b.sequenceId - a.sequenceId);
      const page = matching.slice(skip, skip + pageSize);
      const next = skip + pageSize < matching.length ? `${FAKE_CHAT_ENDPOINT}${target.pathname}?api-version=${target.searchParams.get('api-version')}&maxPageSize=${pageSize}&skip=${skip + pageSize}${since ? `&startTime=${encodeURIComponent(since)}` : ''}` : undefined;
      return send(res, 200, { value: page.map(messageModel), ...(next && { nextLink: next }) });
    }
    if (path === '/messages' && req.method === 'POST') {
      const request = body as { content?: unknown; senderDisplayName?: unknown; type?: unknown } | undefined;
      if (typeof request?.content !== 'string' || request.content.length === 0) return error(res, 400, 'BadRequest', 'content is required.');
      if (chat.failSends > 0) {
        chat.failSends--;
        return error(res, 400, 'BadRequest', 'The message could not be sent.');
      }
      const senderDisplayName = typeof request.senderDisplayName === 'string' ? request.senderDisplayName : '';
      chat.sent.push({ content: request.content, senderDisplayName });
      // The sender is the token's identity; the stand-in does not verify tokens, so it is the guest.
      const guest = [...members.values()].find((p) => p.who.kind === 'acs' && p.displayName === senderDisplayName)?.who ?? { kind: 'acs', id: '8:acs:scripted_guest' };
      const id = store({ type: request.type === 'html' ? 'html' : 'text', createdOn: Date.now(), sender: guest, senderDisplayName, message: request.content });
      return send(res, 201, { id });
    }
    if (path === '/readReceipts' && req.method === 'POST') {
      const id = (body as { chatMessageId?: unknown } | undefined)?.chatMessageId;
      if (typeof id !== 'string') return error(res, 400, 'BadRequest', 'chatMessageId is required.');
      chat.readReceipts.push(id);
      return send(res, 200);
    }
    if (path === '/readReceipts' && req.method === 'GET') return send(res, 200, { value: [] });
    if (path === '/participants' && req.method === 'GET') {
      return send(res, 200, { value: [...members.values()].map((p) => ({ communicationIdentifier: identifierModel(p.who), displayName: p.displayName, shareHistoryTime: new Date(0).toISOString() })) });
    }
    return error(res, 404, 'NotFound', `${req.method} ${path} is not part of the stand-in.`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => error(res, 500, 'InternalError', 'The stand-in failed.'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  chat.url = url;
  return chat;
}
