// The meeting chat slice: the service's order whatever order messages arrive in, each message
// once (history, polling and notifications overlap), the guest's own messages from pending to
// sent or failed and back, the unread count while the panel is closed, the same object when
// nothing changed, and the bound on memory.
import { describe, expect, it } from 'vitest';
import {
  MAX_CHAT_MESSAGES,
  NOTIFIED_SEQ,
  UNSENT_SEQ,
  applyChatEvent,
  applyChatEvents,
  initialChatState,
  newestSent,
  type ChatEntryInit,
  type ChatState,
} from '../../renderer/chat/chat-model';

const message = (seq: number, patch: Partial<ChatEntryInit> = {}): ChatEntryInit => ({
  id: `m${seq}`,
  kind: 'html',
  seq,
  at: 1_000 * seq,
  senderId: '8:orgid:ada',
  senderName: 'Ada Lovelace',
  body: `<p>message ${seq}</p>`,
  names: [],
  own: false,
  ...patch,
});

const ids = (state: ChatState) => state.messages.map((m) => m.id);
const receive = (state: ChatState, ...entries: ChatEntryInit[]) => applyChatEvent(state, { type: 'chat/received', entries });

describe('chat slice', () => {
  it('orders by the service’s sequence, whatever order pages and notifications come in', () => {
    let state = receive(initialChatState, message(3), message(1));
    state = receive(state, message(2));
    expect(ids(state)).toEqual(['m1', 'm2', 'm3']);
    expect(newestSent(state)?.id).toBe('m3');
  });

  it('keeps each message once, and returns the same object for a repeat', () => {
    const state = receive(initialChatState, message(1), message(2));
    expect(receive(state, message(2), message(1))).toBe(state);
    expect(receive(state, message(1), message(1))).toBe(state);
    // An edit (same id, new text) replaces the message in place without counting it again.
    const edited = receive(state, message(2, { body: '<p>fixed</p>' }));
    expect(ids(edited)).toEqual(['m1', 'm2']);
    expect(edited.messages[1].body).toBe('<p>fixed</p>');
    expect(edited.unread).toBe(state.unread);
  });

  it('counts unread messages from others while the panel is closed, not the guest’s own or system entries', () => {
    let state = receive(
      initialChatState,
      message(1),
      message(2, { own: true, senderId: '8:acs:me' }),
      message(3, { kind: 'added', names: ['Grace Hopper'], body: '', senderName: '' }),
      message(4, { kind: 'text' }),
    );
    expect(state.unread).toBe(2);
    expect(state.lastIncoming?.id).toBe('m4');
    state = applyChatEvent(state, { type: 'chat/panel', open: true });
    expect(state.unread).toBe(0);
    state = receive(state, message(5));
    expect(state.unread).toBe(0);
    expect(state.lastIncoming?.id).toBe('m5');
    state = applyChatEvent(state, { type: 'chat/panel', open: false });
    state = receive(state, message(6));
    expect(state.unread).toBe(1);
    expect(applyChatEvent(state, { type: 'chat/panel', open: false })).toBe(state);
  });

  it('takes the guest’s message from pending to sent, and drops the local copy when the service’s arrives', () => {
    const pending = { type: 'chat/pending', localId: 'local:1', body: 'hello', senderId: '8:acs:me', senderName: 'Me', at: 5_000 } as const;
    let state = applyChatEvents(receive(initialChatState, message(1)), [pending]);
    expect(state.messages.at(-1)).toMatchObject({ id: 'local:1', delivery: 'pending', own: true, seq: UNSENT_SEQ });
    // Someone else's message numbered meanwhile still sorts before the unsent one.
    state = receive(state, message(2));
    expect(ids(state)).toEqual(['m1', 'm2', 'local:1']);
    state = applyChatEvent(state, { type: 'chat/sent', localId: 'local:1', id: 'm3' });
    expect(state.messages.at(-1)).toMatchObject({ id: 'm3', delivery: 'sent' });
    // Polling then brings the service's copy, numbered: replaced, not duplicated.
    state = receive(state, message(3, { own: true, senderId: '8:acs:me', kind: 'text', body: 'hello' }));
    expect(ids(state)).toEqual(['m1', 'm2', 'm3']);
    expect(state.messages[2]).toMatchObject({ seq: 3, delivery: 'sent' });
  });

  it('drops the local copy when the service’s copy came before the send returned', () => {
    let state = applyChatEvent(initialChatState, { type: 'chat/pending', localId: 'local:1', body: 'hi', senderId: '8:acs:me', senderName: 'Me', at: 1 });
    state = receive(state, message(7, { id: 'm7', own: true, kind: 'text', body: 'hi' }));
    state = applyChatEvent(state, { type: 'chat/sent', localId: 'local:1', id: 'm7' });
    expect(ids(state)).toEqual(['m7']);
  });

  it('marks a failed send and lets it be retried; a retry of a message that is not failed changes nothing', () => {
    let state = applyChatEvent(initialChatState, { type: 'chat/pending', localId: 'local:1', body: 'hi', senderId: '8:acs:me', senderName: 'Me', at: 1 });
    expect(applyChatEvent(state, { type: 'chat/retry', localId: 'local:1' })).toBe(state);
    state = applyChatEvent(state, { type: 'chat/failed', localId: 'local:1' });
    expect(state.messages[0].delivery).toBe('failed');
    state = applyChatEvent(state, { type: 'chat/retry', localId: 'local:1' });
    expect(state.messages[0].delivery).toBe('pending');
    expect(applyChatEvent(state, { type: 'chat/failed', localId: 'local:9' })).toBe(state);
  });

  it('removes deleted messages', () => {
    const state = receive(initialChatState, message(1), message(2));
    expect(ids(applyChatEvent(state, { type: 'chat/deleted', id: 'm1' }))).toEqual(['m2']);
    expect(applyChatEvent(state, { type: 'chat/deleted', id: 'nope' })).toBe(state);
  });

  it('keeps at most the newest MAX_CHAT_MESSAGES messages', () => {
    let state = initialChatState;
    for (let i = 1; i <= MAX_CHAT_MESSAGES + 40; i += 20) {
      state = receive(state, ...Array.from({ length: 20 }, (_, k) => message(i + k)));
    }
    expect(state.messages).toHaveLength(MAX_CHAT_MESSAGES);
    expect(state.messages[0].id).toBe('m41');
    expect(state.messages.at(-1)?.id).toBe(`m${MAX_CHAT_MESSAGES + 40}`);
  });

  it('keeps a long meeting’s history (1,000 messages, twice the old bound) and still finds each message once', () => {
    let state = initialChatState;
    // Polls overlap by one message (the next asks from the newest time seen), as the session's do.
    for (let i = 1; i <= 1000; i += 8) state = receive(state, ...Array.from({ length: 9 }, (_, k) => message(Math.max(1, i - 1 + k))).filter((m) => m.seq <= 1000));
    expect(state.messages).toHaveLength(1000);
    expect(new Set(ids(state)).size).toBe(1000);
    expect(state.messages[0].id).toBe('m1');
    // The same page again changes nothing.
    expect(receive(state, message(500), message(1000))).toBe(state);
    // An edit far back in the history replaces that message.
    const edited = receive(state, message(3, { body: '<p>edited</p>' }));
    expect(edited.messages[2].body).toBe('<p>edited</p>');
    expect(edited.messages).toHaveLength(1000);
  });

  it('replaces a real-time notification’s copy with the numbered one from the next poll, and a duplicate within one batch counts once', () => {
    let state = receive(initialChatState, message(1), message(2));
    state = receive(state, message(3, { seq: NOTIFIED_SEQ }));
    expect(ids(state)).toEqual(['m1', 'm2', 'm3']);
    state = receive(state, message(4), message(3), message(4));
    expect(ids(state)).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(state.messages[2].seq).toBe(3);
    expect(state.unread).toBe(4);
  });

  it('changes status only when it changes', () => {
    const state = applyChatEvent(initialChatState, { type: 'chat/status', status: 'forbidden' });
    expect(state.status).toBe('forbidden');
    expect(applyChatEvent(state, { type: 'chat/status', status: 'forbidden' })).toBe(state);
    expect(applyChatEvents(state, [])).toBe(state);
  });
});
