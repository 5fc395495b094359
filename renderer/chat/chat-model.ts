// Process: renderer. The meeting chat's state slice: messages in the service's order, each once
// (by id), the guest's own messages from pending to sent or failed, the unread count while the
// panel is closed, and whether chat works at all. A pure reducer over `chat/…` events, with no SDK
// import (not even types), so views and Node tests load it. Never holds SDK objects.

/** 'off' before the guest is admitted; 'forbidden' is the service's 403 (some tenants refuse ACS guests). */
export type ChatStatus = 'off' | 'connecting' | 'ready' | 'forbidden' | 'unavailable';

export type ChatDelivery = 'sent' | 'pending' | 'failed';

/** 'text' and 'html' are messages (Teams sends html); 'added'/'removed' are people joining or leaving the chat. */
export type ChatEntryKind = 'text' | 'html' | 'added' | 'removed';

export interface ChatEntry {
  /** The service's message id; a local id ('local:<n>') until the service accepts the guest's message. */
  readonly id: string;
  readonly kind: ChatEntryKind;
  /** The service's sequence number (its order); unsent messages sort last. */
  readonly seq: number;
  /** When it was sent (ms since the epoch). */
  readonly at: number;
  readonly senderId: string;
  readonly senderName: string;
  /** The message's text or HTML (sanitized only when shown); '' for system entries. */
  readonly body: string;
  /** System entries: who joined or left. */
  readonly names: readonly string[];
  readonly own: boolean;
  readonly delivery: ChatDelivery;
}

export interface ChatState {
  readonly status: ChatStatus;
  /** Oldest first, at most MAX_CHAT_MESSAGES. */
  readonly messages: readonly ChatEntry[];
  /** Messages from others that arrived while the panel was closed. */
  readonly unread: number;
  readonly panelOpen: boolean;
  /** The newest message from someone else, for the screen reader's polite announcement. */
  readonly lastIncoming: ChatEntry | null;
}

/** What the service (history, polling or a real-time notification) reports; `own` is decided by the session. */
export type ChatEntryInit = Omit<ChatEntry, 'delivery'>;

export type ChatEvent =
  | { type: 'chat/status'; status: ChatStatus }
  | { type: 'chat/received'; entries: readonly ChatEntryInit[] }
  | { type: 'chat/deleted'; id: string }
  | { type: 'chat/pending'; localId: string; body: string; senderId: string; senderName: string; at: number }
  | { type: 'chat/sent'; localId: string; id: string }
  | { type: 'chat/failed'; localId: string }
  | { type: 'chat/retry'; localId: string }
  | { type: 'chat/panel'; open: boolean };

/**
 * Teams keeps long histories. The model keeps this many (the panel draws the newest and shows
 * earlier ones on request, so scroll-back and screen readers reach them); only beyond it are the
 * oldest dropped from memory. An update costs the same at any length (receive below).
 */
export const MAX_CHAT_MESSAGES = 5000;

/** Longest message the guest may send (Teams' own limit is about 28 KB of HTML). */
export const MAX_CHAT_MESSAGE_LENGTH = 4000;

/** The sequence of a message the service has not numbered yet: after every numbered one. */
export const UNSENT_SEQ = Number.MAX_SAFE_INTEGER;

/** The sequence a real-time notification's message gets until a poll numbers it (after every numbered one). */
export const NOTIFIED_SEQ = Number.MAX_SAFE_INTEGER - 1;

export const initialChatState: ChatState = { status: 'off', messages: [], unread: 0, panelOpen: false, lastIncoming: null };

const before = (a: ChatEntry, b: ChatEntry) => a.seq - b.seq || a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const counts = (entry: ChatEntry) => !entry.own && (entry.kind === 'text' || entry.kind === 'html');

function sameEntry(a: ChatEntry, b: ChatEntryInit): boolean {
  return a.body === b.body && a.seq === b.seq && a.senderName === b.senderName && a.kind === b.kind && a.delivery === 'sent' && a.names.join('\n') === b.names.join('\n');
}

/** Keeps the order and the bound; `messages` is a fresh array. */
function settle(messages: ChatEntry[]): ChatEntry[] {
  let ordered = true;
  for (let i = 1; i < messages.length && ordered; i++) ordered = before(messages[i - 1], messages[i]) <= 0;
  if (!ordered) messages.sort(before);
  return messages.length > MAX_CHAT_MESSAGES ? messages.slice(messages.length - MAX_CHAT_MESSAGES) : messages;
}

/**
 * Where the entry with this id is in `sorted` (ordered by `before`), or undefined: the service's
 * copy of a message has the same sequence number as before, so a binary search by it and a look
 * at its neighbours find it; a real-time notification's copy (numbered later) sits at the end.
 */
function indexOf(sorted: readonly ChatEntry[], init: ChatEntryInit): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].seq < init.seq) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < sorted.length && sorted[i].seq === init.seq; i++) if (sorted[i].id === init.id) return i;
  for (let i = sorted.length - 1; i >= 0 && sorted[i].seq >= NOTIFIED_SEQ; i--) if (sorted[i].id === init.id) return i;
  return undefined;
}

function receive(state: ChatState, entries: readonly ChatEntryInit[]): ChatState {
  let messages: ChatEntry[] | null = null;
  // Entries added by this batch (not yet in order): id -> index in `messages`.
  const added = new Map<string, number>();
  let unread = state.unread;
  let lastIncoming = state.lastIncoming;
  for (const init of entries) {
    const at = added.get(init.id) ?? indexOf(state.messages, init);
    const entry: ChatEntry = { ...init, delivery: 'sent' };
    if (at !== undefined) {
      // Seen before (history and polling overlap, or a notification came too): an edit replaces it.
      if (sameEntry((messages ?? state.messages)[at], init)) continue;
      (messages ??= [...state.messages])[at] = entry;
      continue;
    }
    messages ??= [...state.messages];
    added.set(entry.id, messages.length);
    messages.push(entry);
    if (counts(entry)) {
      if (!state.panelOpen) unread++;
      if (!lastIncoming || before(lastIncoming, entry) < 0) lastIncoming = entry;
    }
  }
  if (!messages) return state;
  return { ...state, messages: settle(messages), unread, lastIncoming };
}

function patchLocal(state: ChatState, localId: string, patch: (entry: ChatEntry) => ChatEntry | null): ChatState {
  const at = state.messages.findIndex((m) => m.id === localId);
  if (at < 0) return state;
  const next = patch(state.messages[at]);
  if (next === state.messages[at]) return state;
  const messages = [...state.messages];
  if (next) messages[at] = next;
  else messages.splice(at, 1);
  return { ...state, messages: settle(messages) };
}

export function applyChatEvent(state: ChatState, event: ChatEvent): ChatState {
  switch (event.type) {
    case 'chat/status':
      return state.status === event.status ? state : { ...state, status: event.status };
    case 'chat/received':
      return receive(state, event.entries);
    case 'chat/deleted': {
      if (!state.messages.some((m) => m.id === event.id)) return state;
      return { ...state, messages: state.messages.filter((m) => m.id !== event.id) };
    }
    case 'chat/pending': {
      if (state.messages.some((m) => m.id === event.localId)) return state;
      const entry: ChatEntry = {
        id: event.localId,
        kind: 'text',
        seq: UNSENT_SEQ,
        at: event.at,
        senderId: event.senderId,
        senderName: event.senderName,
        body: event.body,
        names: [],
        own: true,
        delivery: 'pending',
      };
      return { ...state, messages: settle([...state.messages, entry]) };
    }
    case 'chat/sent':
      // The service's copy may have come first (polling or a notification): then the local one goes.
      if (state.messages.some((m) => m.id === event.id)) return patchLocal(state, event.localId, () => null);
      return patchLocal(state, event.localId, (m) => ({ ...m, id: event.id, delivery: 'sent' }));
    case 'chat/failed':
      return patchLocal(state, event.localId, (m) => (m.delivery === 'pending' ? { ...m, delivery: 'failed' } : m));
    case 'chat/retry':
      return patchLocal(state, event.localId, (m) => (m.delivery === 'failed' ? { ...m, delivery: 'pending' } : m));
    case 'chat/panel':
      if (state.panelOpen === event.open && (!event.open || state.unread === 0)) return state;
      return { ...state, panelOpen: event.open, unread: event.open ? 0 : state.unread };
  }
}

/** Applies a frame's worth of events; the same object when nothing changed. */
export function applyChatEvents(state: ChatState, events: readonly ChatEvent[]): ChatState {
  let next = state;
  for (const event of events) next = applyChatEvent(next, event);
  return next;
}

/** The newest message the service numbered (to ask only for what came after it). */
export function newestSent(state: ChatState): ChatEntry | null {
  for (let i = state.messages.length - 1; i >= 0; i--) if (state.messages[i].seq !== UNSENT_SEQ) return state.messages[i];
  return null;
}
