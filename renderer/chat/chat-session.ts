// Process: renderer (the chat SDK chunk: the only file that imports @azure/communication-chat).
// The meeting's chat thread for an admitted guest: the history since they joined, then new
// messages from real-time notifications where the SDK can open them, and from a bounded polling
// loop always (fast while notifications are down, slow as a safety net while they are up); the
// guest's own messages with pending/failed/retry; read receipts while the panel is open. Every
// failure becomes a chat status; nothing here can touch the call. Events reach the view once per
// frame, as the call's do.
import { ChatClient, type ChatMessage, type ChatThreadClient } from '@azure/communication-chat';
import { getIdentifierRawId, type CommunicationIdentifier, type CommunicationTokenCredential } from '@azure/communication-common';
import { Store } from '../calling/model';
import {
  applyChatEvents,
  initialChatState,
  MAX_CHAT_MESSAGE_LENGTH,
  newestSent,
  NOTIFIED_SEQ,
  type ChatEntryInit,
  type ChatEvent,
  type ChatState,
  type ChatStatus,
} from './chat-model';
import type { ChatAccess, ChatLog, MeetingChat } from './meeting-chat';

/** Polling while real-time notifications are down, and while they are up (a missed push is caught within this). */
export const POLL_FALLBACK_MS = 3_000;
export const POLL_SAFETY_MS = 30_000;
/** After failures the interval doubles up to this. */
const POLL_MAX_BACKOFF_MS = 60_000;
/** At most this many pages per poll (100 messages each): a burst is read over a few polls, never all at once. */
const MAX_PAGES_PER_POLL = 5;
const PAGE_SIZE = 100;
/** At most this many new messages reach the panel per frame: a poll's batch is drawn over several frames. */
const ENTRIES_PER_FLUSH = 8;
/** Read receipts at most this often (the newest message read by then), not one per frame of a busy chat. */
const RECEIPT_INTERVAL_MS = 2_000;

export interface ChatSessionDeps {
  /** Schedules a flush of queued events (default: the next animation frame). */
  schedule?(flush: () => void): void;
  setTimer?(run: () => void, ms: number): () => void;
  now?(): number;
  /** Real-time notifications (the SDK's signalling connection); tests and the bench may turn them off. */
  realtime?: boolean;
}

function defaultSchedule(flush: () => void): void {
  // Once per frame; a timer too, because hidden windows get no animation frames.
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(run);
  setTimeout(run, 250);
}

const defaultTimer = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

/** The HTTP status of a chat SDK failure (RestError carries `statusCode`), if any. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** 403: the tenant refuses meeting chat to ACS guests; anything else means chat is unavailable for now. */
const statusForFailure = (error: unknown): ChatStatus => (statusOf(error) === 403 ? 'forbidden' : 'unavailable');

const describe = (error: unknown) => (error instanceof Error ? `${error.name}${statusOf(error) ? ` ${statusOf(error)}` : ''}` : 'unknown error');

export function openMeetingChat(access: ChatAccess, log: ChatLog, deps: ChatSessionDeps = {}): MeetingChat {
  const schedule = (flush: () => void) => (deps.schedule ?? defaultSchedule)(flush);
  const setTimer = (run: () => void, ms: number) => (deps.setTimer ?? defaultTimer)(run, ms);
  const now = () => (deps.now ? deps.now() : Date.now());
  const store = new Store<ChatState>(initialChatState);
  let queue: ChatEvent[] = [];
  let scheduled = false;
  let disposed = false;
  const names = new Map<string, string>();
  let localCount = 0;
  let realtimeUp = false;
  let failures = 0;
  let cancelPoll: (() => void) | null = null;
  let polling: Promise<void> | null = null;
  let lastReceipt = '';
  let receiptTimer: (() => void) | null = null;
  const unsent = new Map<string, string>();

  // Messages from the service wait here, oldest first, and go to the model a few per frame.
  let backlog: ChatEntryInit[] = [];
  /** The newest service time seen (the next poll asks from there, even before the backlog is drawn). */
  let newestAt = 0;

  const flushSoon = () => {
    if (scheduled || disposed) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      const events = queue;
      queue = [];
      if (backlog.length > 0) events.push({ type: 'chat/received', entries: backlog.splice(0, ENTRIES_PER_FLUSH) });
      store.set(applyChatEvents(store.get(), events));
      afterUpdate();
      if (backlog.length > 0) flushSoon();
    });
  };
  const push = (event: ChatEvent) => {
    if (disposed) return;
    queue.push(event);
    flushSoon();
  };
  const receive = (entries: ChatEntryInit[]) => {
    if (disposed || entries.length === 0) return;
    for (const entry of entries) newestAt = Math.max(newestAt, entry.at);
    backlog = backlog.concat(entries).sort((a, b) => a.seq - b.seq || a.at - b.at);
    flushSoon();
  };

  const credential: CommunicationTokenCredential = { getToken: () => access.token(), dispose: () => undefined };
  const client = new ChatClient(access.endpoint, credential);
  const thread: ChatThreadClient = client.getChatThreadClient(access.threadId);

  const rawId = (identifier: CommunicationIdentifier | undefined) => (identifier ? getIdentifierRawId(identifier) : '');
  const nameOf = (id: string, given: string | undefined) => given?.trim() || names.get(id) || '';

  function entryOf(message: ChatMessage): ChatEntryInit | null {
    const senderId = rawId(message.sender);
    const base = { id: message.id, seq: Number(message.sequenceId) || 0, at: message.createdOn.getTime(), senderId, own: senderId === access.userId };
    if (message.type === 'text' || message.type === 'html') {
      return { ...base, kind: message.type, senderName: nameOf(senderId, message.senderDisplayName), body: message.content?.message ?? '', names: [] };
    }
    if (message.type === 'participantAdded' || message.type === 'participantRemoved') {
      const people = message.content?.participants ?? [];
      for (const p of people) if (p.displayName) names.set(rawId(p.id), p.displayName);
      const who = people.map((p) => nameOf(rawId(p.id), p.displayName)).filter(Boolean);
      return { ...base, kind: message.type === 'participantAdded' ? 'added' : 'removed', senderName: '', body: '', names: who, own: false };
    }
    return null; // topic changes and kinds this version does not know
  }

  /** Everything since `since` (ms), newest pages first, bounded. */
  async function fetchSince(since: number): Promise<void> {
    const entries: ChatEntryInit[] = [];
    let pages = 0;
    for await (const page of thread.listMessages({ startTime: new Date(since), maxPageSize: PAGE_SIZE }).byPage()) {
      for (const message of page) {
        if (message.deletedOn) push({ type: 'chat/deleted', id: message.id });
        else {
          const entry = entryOf(message);
          if (entry) entries.push(entry);
        }
      }
      if (++pages >= MAX_PAGES_PER_POLL) break;
    }
    receive(entries);
  }

  async function loadNames(): Promise<void> {
    for await (const participant of thread.listParticipants()) {
      if (participant.displayName) names.set(rawId(participant.id), participant.displayName);
    }
  }

  const fail = (what: string, error: unknown) => {
    const status = statusForFailure(error);
    log('warn', `chat: ${what} failed: ${describe(error)}`);
    if (status === 'forbidden') {
      push({ type: 'chat/status', status });
      stopPolling();
    }
    return status;
  };

  function stopPolling() {
    cancelPoll?.();
    cancelPoll = null;
  }

  function nextPoll() {
    if (disposed || store.get().status === 'forbidden') return;
    const base = realtimeUp ? POLL_SAFETY_MS : POLL_FALLBACK_MS;
    const delay = Math.min(base * 2 ** failures, POLL_MAX_BACKOFF_MS);
    cancelPoll?.();
    cancelPoll = setTimer(() => void poll(), delay);
  }

  function poll(): Promise<void> {
    if (disposed) return Promise.resolve();
    polling ??= (async () => {
      try {
        // From the newest numbered message on (the service's clock); the overlap is deduplicated by id.
        const newest = newestSent(store.get());
        await fetchSince(Math.max(newestAt, newest ? newest.at : access.joinedAt));
        failures = 0;
        if (store.get().status !== 'ready') push({ type: 'chat/status', status: 'ready' });
      } catch (error) {
        failures++;
        if (fail('poll', error) !== 'forbidden' && store.get().status === 'connecting') push({ type: 'chat/status', status: 'unavailable' });
      } finally {
        polling = null;
        nextPoll();
      }
    })();
    return polling;
  }

  async function startRealtime(): Promise<void> {
    if (deps.realtime === false) return;
    try {
      client.on('realTimeNotificationConnected', () => {
        realtimeUp = true;
        nextPoll();
      });
      client.on('realTimeNotificationDisconnected', () => {
        realtimeUp = false;
        nextPoll();
      });
      // The SDK reads its push service's address from the endpoint (chat/config/realTimeNotifications)
      // and then connects in the background; until that read is done it refuses every other
      // subscription ("You must call startRealtimeNotifications before…"), so these come after it.
      await client.startRealtimeNotifications();
      if (disposed) return;
      client.on('chatMessageReceived', (event) => {
        if (event.threadId !== access.threadId) return;
        const senderId = rawId(event.sender);
        const kind = event.type.toLowerCase() === 'html' ? 'html' : 'text';
        receive([{ id: event.id, kind, seq: NOTIFIED_SEQ, at: event.createdOn.getTime(), senderId, senderName: nameOf(senderId, event.senderDisplayName), body: event.message, names: [], own: senderId === access.userId }]);
        // The notification has no sequence number: the next poll numbers it (and corrects the order).
        void poll();
      });
      client.on('participantsAdded', () => void poll());
      client.on('participantsRemoved', () => void poll());
      client.on('chatMessageDeleted', (event) => push({ type: 'chat/deleted', id: event.id }));
    } catch (error) {
      // No push channel (its configuration refused or unreachable): polling carries the chat.
      log('info', `chat: real-time notifications unavailable (${describe(error)}); polling every ${POLL_FALLBACK_MS} ms`);
    }
  }

  async function start(): Promise<void> {
    push({ type: 'chat/status', status: 'connecting' });
    try {
      await loadNames().catch((error: unknown) => {
        // A roster failure other than 403 only costs names: senders' own display names still show.
        if (statusOf(error) === 403) throw error;
        log('warn', `chat: participants failed: ${describe(error)}`);
      });
      await fetchSince(access.joinedAt);
      push({ type: 'chat/status', status: 'ready' });
    } catch (error) {
      const status = fail('history', error);
      if (status !== 'forbidden') {
        push({ type: 'chat/status', status: 'unavailable' });
        failures = 1;
        nextPoll(); // it may come back
      }
      return;
    }
    void startRealtime();
    nextPoll();
  }

  async function deliver(localId: string, body: string): Promise<void> {
    try {
      const result = await thread.sendMessage({ content: body }, { senderDisplayName: access.displayName, type: 'text' });
      unsent.delete(localId);
      push({ type: 'chat/sent', localId, id: result.id });
    } catch (error) {
      fail('send', error);
      push({ type: 'chat/failed', localId });
    }
  }

  /** While the panel is open, tells the meeting the guest has read up to the newest message (throttled). */
  function afterUpdate() {
    if (receiptTimer || disposed) return;
    const state = store.get();
    if (!state.panelOpen || state.status !== 'ready') return;
    const newest = state.lastIncoming;
    if (!newest || newest.id === lastReceipt || newest.seq >= NOTIFIED_SEQ) return;
    lastReceipt = newest.id;
    thread.sendReadReceipt({ chatMessageId: newest.id }).catch((error: unknown) => log('info', `chat: read receipt failed: ${describe(error)}`));
    receiptTimer = setTimer(() => {
      receiptTimer = null;
      afterUpdate();
    }, RECEIPT_INTERVAL_MS);
  }

  void start().catch((error: unknown) => log('warn', `chat: start failed: ${describe(error)}`));

  return {
    state: store,
    send(text) {
      const body = text.trim();
      if (!body || body.length > MAX_CHAT_MESSAGE_LENGTH || store.get().status !== 'ready') return false;
      const localId = `local:${++localCount}`;
      unsent.set(localId, body);
      push({ type: 'chat/pending', localId, body, senderId: access.userId, senderName: access.displayName, at: now() });
      void deliver(localId, body);
      return true;
    },
    retry(localId) {
      const body = unsent.get(localId);
      if (!body) return;
      push({ type: 'chat/retry', localId });
      void deliver(localId, body);
    },
    setPanelOpen(open) {
      push({ type: 'chat/panel', open });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      stopPolling();
      receiptTimer?.();
      client.stopRealtimeNotifications().catch(() => undefined);
    },
  };
}
