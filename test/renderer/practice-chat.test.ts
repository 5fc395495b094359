// The practice meeting's chat: simulated people write on their schedule (welcome, then a tip),
// the guest's messages show as their own and sent at once, one answer to the guest's first
// message only, the unread count while the panel is closed, refusals of empty and overlong
// messages, and nothing after dispose.
import { describe, expect, it } from 'vitest';
import { MAX_CHAT_MESSAGE_LENGTH, type ChatState } from '../../renderer/chat/chat-model';
import { PRACTICE_CHAT_MS, openPracticeChat } from '../../renderer/chat/practice-chat';

/** Timers run by hand, in time order. */
function manualClock() {
  let now = 1_000_000;
  const timers: Array<{ at: number; run: () => void; cancelled: boolean }> = [];
  return {
    now: () => now,
    setTimer(run: () => void, ms: number) {
      const timer = { at: now + ms, run, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const next = timers.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        next.cancelled = true;
        now = next.at;
        next.run();
      }
      now = until;
    },
    pending: () => timers.filter((t) => !t.cancelled).length,
  };
}

const people = [
  { id: '8:orgid:ada', name: 'Ada Lovelace' },
  { id: '8:acs:grace', name: 'Grace Hopper' },
];
const lines = { welcome: 'Welcome!', tip: 'A tip.', reply: 'Got it!' };
const shown = (state: ChatState) => state.messages.map((m) => `${m.own ? 'me' : m.senderName}: ${m.body} (${m.delivery})`);

function open() {
  const clock = manualClock();
  const chat = openPracticeChat({ guestName: 'Pat', people: () => people, lines }, clock);
  return { clock, chat };
}

describe('practice chat', () => {
  it('is ready at once, and two simulated people write on their schedule', () => {
    const { clock, chat } = open();
    expect(chat.state.get().status).toBe('ready');
    expect(chat.state.get().messages).toEqual([]);
    clock.advance(PRACTICE_CHAT_MS.welcome);
    expect(shown(chat.state.get())).toEqual(['Ada Lovelace: Welcome! (sent)']);
    clock.advance(PRACTICE_CHAT_MS.tip - PRACTICE_CHAT_MS.welcome);
    expect(shown(chat.state.get())).toEqual(['Ada Lovelace: Welcome! (sent)', 'Grace Hopper: A tip. (sent)']);
    // Counted while the panel is closed, and announced.
    expect(chat.state.get().unread).toBe(2);
    expect(chat.state.get().lastIncoming?.body).toBe('A tip.');
  });

  it('shows the guest’s messages as their own and answers the first one only, after theirs', () => {
    const { clock, chat } = open();
    chat.setPanelOpen(true);
    clock.advance(PRACTICE_CHAT_MS.welcome);
    expect(chat.send('  hello  ')).toBe(true);
    expect(chat.send('again')).toBe(true);
    clock.advance(PRACTICE_CHAT_MS.reply);
    expect(shown(chat.state.get())).toEqual(['Ada Lovelace: Welcome! (sent)', 'me: hello (sent)', 'me: again (sent)', 'Ada Lovelace: Got it! (sent)']);
    expect(chat.state.get().messages[1].senderName).toBe('Pat');
    expect(chat.state.get().unread).toBe(0);
    chat.send('third');
    clock.advance(60_000);
    expect(shown(chat.state.get()).filter((line) => line.includes('Got it!'))).toHaveLength(1);
  });

  it('refuses empty and overlong messages', () => {
    const { chat } = open();
    expect(chat.send('   ')).toBe(false);
    expect(chat.send('x'.repeat(MAX_CHAT_MESSAGE_LENGTH + 1))).toBe(false);
    expect(chat.state.get().messages).toEqual([]);
  });

  it('writes nothing when nobody is in the meeting, and nothing after dispose', () => {
    const clock = manualClock();
    const empty = openPracticeChat({ guestName: 'Pat', people: () => [], lines }, clock);
    clock.advance(PRACTICE_CHAT_MS.tip);
    expect(empty.state.get().messages).toEqual([]);

    const { clock: other, chat } = open();
    chat.dispose();
    expect(other.pending()).toBe(0);
    expect(chat.send('late')).toBe(false);
    other.advance(PRACTICE_CHAT_MS.tip);
    expect(chat.state.get().messages).toEqual([]);
  });
});
