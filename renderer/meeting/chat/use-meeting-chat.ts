// Process: renderer. Opens the meeting chat once the guest is admitted (the chat SDK's chunk loads
// then, not before) and closes it when the meeting view goes away. Whatever goes wrong here
// (no chat granted, the chunk failing to load, the SDK throwing) becomes a chat status: the call
// never sees it. Hands out the chat's state as a source, not a value: only the panel and the
// button's badge subscribe, so a message re-renders them and not the whole meeting view.
import { useEffect, useState } from 'preact/hooks';
import { bridge } from '../../bridge';
import type { CallPhase, CallSession } from '../../calling/call-model';
import { initialChatState, type ChatState } from '../../chat/chat-model';
import { loadMeetingChat, loadPracticeChat, type LoadedChat } from '../../chat/meeting-chat';
import type { PracticeChatScript } from '../../chat/practice-chat';
import type { Readable } from '../../components/use-observable';
import { useT, type Translate } from '../../i18n';

export interface MeetingChatView {
  loaded: LoadedChat | null;
  /** The chat's state while it is open; before that a fixed 'off', 'connecting' or 'unavailable'. */
  state: Readable<ChatState>;
}

const fixed = (value: ChatState): Readable<ChatState> => ({ get: () => value, subscribe: () => () => undefined });
const OFF = fixed(initialChatState);
const CONNECTING = fixed({ ...initialChatState, status: 'connecting' });
const UNAVAILABLE = fixed({ ...initialChatState, status: 'unavailable' });

/** The practice meeting's script: its simulated people write in the guest's language. */
function practiceScript(session: CallSession, guestName: string, t: Translate): PracticeChatScript {
  return {
    guestName,
    people: () => [...session.state.get().participants.values()].map((p) => ({ id: p.id, name: p.name })),
    lines: { welcome: t('chat.practice.welcome'), tip: t('chat.practice.tip'), reply: t('chat.practice.reply') },
  };
}

/** `practice`: the practice meeting (its own simulated chat instead of the meeting's thread). */
export function useMeetingChat(session: CallSession, phase: CallPhase, practice?: { guestName: string }): MeetingChatView {
  const t = useT();
  const [loaded, setLoaded] = useState<LoadedChat | null>(null);
  // Before the chat exists: 'off' (no chat for this meeting), 'connecting' or 'unavailable'.
  const [fallback, setFallback] = useState<Readable<ChatState>>(OFF);
  const admitted = phase === 'connected' || phase === 'reconnecting';

  useEffect(() => {
    if (!admitted || loaded) return;
    const access = practice ? null : session.chatAccess();
    if (!practice && !access) return;
    let cancelled = false;
    let opened: LoadedChat | null = null;
    setFallback(CONNECTING);
    const log = (level: 'info' | 'warn' | 'error', message: string) => void bridge.log({ level, message });
    (access ? loadMeetingChat(access, log) : loadPracticeChat(practiceScript(session, practice?.guestName ?? '', t))).then(
      (result) => {
        opened = result;
        if (cancelled) result.chat.dispose();
        else setLoaded(result);
      },
      (error: unknown) => {
        log('warn', `chat: failed to open: ${error instanceof Error ? error.name : 'unknown error'}`);
        if (!cancelled) setFallback(UNAVAILABLE);
      },
    );
    return () => {
      cancelled = true;
      opened?.chat.dispose();
    };
    // Opened once per meeting view: later phase changes (reconnecting and back) keep the same chat.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [admitted, session]);

  useEffect(() => () => loaded?.chat.dispose(), [loaded]);

  return { loaded, state: loaded ? loaded.chat.state : fallback };
}
