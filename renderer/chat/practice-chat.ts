// Process: renderer. The practice meeting's chat: the same MeetingChat (and so the same model and
// panel) as a real meeting's, with nothing sent anywhere. Two of the simulated people write a
// line each a little after the guest arrives, and one answers the guest's first message; the
// guest's own messages are shown as sent at once. No SDK, no network, no token.
import { Store } from '../calling/model';
import { applyChatEvents, initialChatState, MAX_CHAT_MESSAGE_LENGTH, type ChatEntryInit, type ChatEvent, type ChatState } from './chat-model';
import type { MeetingChat } from './meeting-chat';

export interface PracticeChatScript {
  guestName: string;
  /** The simulated people in the meeting now; read when one of them writes. */
  people(): ReadonlyArray<{ id: string; name: string }>;
  /** What they write, in the guest's language. */
  lines: { welcome: string; tip: string; reply: string };
}

export interface PracticeChatDeps {
  setTimer?(run: () => void, ms: number): () => void;
  now?(): number;
}

/** When the simulated people write: after the guest arrives, and after the guest's first message. */
export const PRACTICE_CHAT_MS = { welcome: 5_000, tip: 20_000, reply: 1_500 } as const;

const GUEST_ID = 'practice:guest';

const defaultTimer = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export function openPracticeChat(script: PracticeChatScript, deps: PracticeChatDeps = {}): MeetingChat {
  const setTimer = (run: () => void, ms: number) => (deps.setTimer ?? defaultTimer)(run, ms);
  const now = () => (deps.now ? deps.now() : Date.now());
  const store = new Store<ChatState>({ ...initialChatState, status: 'ready' });
  const timers = new Set<() => void>();
  let seq = 0;
  let replied = false;
  let disposed = false;

  const apply = (events: ChatEvent[]) => {
    if (!disposed) store.set(applyChatEvents(store.get(), events));
  };
  const post = (entry: Pick<ChatEntryInit, 'senderId' | 'senderName' | 'body' | 'own'>) => {
    seq++;
    apply([{ type: 'chat/received', entries: [{ ...entry, id: `practice:${seq}`, kind: 'text', seq, at: now(), names: [] }] }]);
  };
  /** The n-th simulated person (by their order in the meeting) writes, if anyone is there. */
  const someone = (n: number, body: string) => {
    const people = script.people();
    const person = people[n % Math.max(1, people.length)];
    if (person) post({ senderId: person.id, senderName: person.name, body, own: false });
  };
  const later = (ms: number, run: () => void) => {
    const cancel = setTimer(() => {
      timers.delete(cancel);
      run();
    }, ms);
    timers.add(cancel);
  };

  later(PRACTICE_CHAT_MS.welcome, () => someone(0, script.lines.welcome));
  later(PRACTICE_CHAT_MS.tip, () => someone(1, script.lines.tip));

  return {
    state: store,
    send(text) {
      const body = text.trim();
      if (disposed || !body || body.length > MAX_CHAT_MESSAGE_LENGTH) return false;
      post({ senderId: GUEST_ID, senderName: script.guestName, body, own: true });
      if (!replied) {
        replied = true;
        later(PRACTICE_CHAT_MS.reply, () => someone(0, script.lines.reply));
      }
      return true;
    },
    // Nothing is sent, so nothing fails.
    retry: () => undefined,
    setPanelOpen(open) {
      apply([{ type: 'chat/panel', open }]);
    },
    dispose() {
      disposed = true;
      for (const cancel of timers) cancel();
      timers.clear();
    },
  };
}
