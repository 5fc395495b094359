// Process: renderer. The meeting chat panel: messages (Teams' HTML sanitized, images as "image not
// shown", https links only, opened by main's vetted path), people joining and leaving, the guest's
// own messages with sending/not sent/retry, a composer where Enter sends and Shift+Enter adds a
// line, and a polite announcement of each new message. When chat is off, refused (403) or down,
// the panel says so in words; it never shows a broken panel and never touches the call.
import './chat.css';
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MAX_CHAT_MESSAGE_LENGTH, type ChatEntry, type ChatState } from '../../chat/chat-model';
import type { ChatHtml, LoadedChat } from '../../chat/meeting-chat';
import { useObservable, type Readable } from '../../components/use-observable';
import { useLanguage, useT, type Translate } from '../../i18n';
import { memo } from '../memo';
import { PanelHeader } from '../Panels';

/** How many messages the panel draws at first, and how many more each "Show earlier messages" adds. */
const SHOWN_STEP = 100;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language: making one per message per render is what a busy chat cannot afford. */
function timeFormat(language: string): Intl.DateTimeFormat {
  let format = timeFormats.get(language);
  if (!format) timeFormats.set(language, (format = new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' })));
  return format;
}

function MessageBody({ entry, html, imageText }: { entry: ChatEntry; html: ChatHtml; imageText: string }) {
  const host = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = host.current;
    if (!element || entry.kind !== 'html') return;
    element.replaceChildren(html.fragment(entry.body, imageText));
  }, [entry.body, entry.kind, html, imageText]);
  // dir="auto": a message takes the direction of its own text, not the guest's language.
  if (entry.kind === 'text') return <div class="chat-message__body chat-message__body--text" dir="auto">{entry.body}</div>;
  return <div class="chat-message__body" dir="auto" ref={host} />;
}

function SystemEntry({ entry, t }: { entry: ChatEntry; t: Translate }) {
  const names = entry.names.length > 0 ? entry.names.join(', ') : t('chat.someone');
  return (
    <li class="chat-system" data-kind={entry.kind}>
      {t(entry.kind === 'added' ? 'chat.system.added' : 'chat.system.removed', { names })}
    </li>
  );
}

// Memoized: an update re-renders only the messages it changed, not the whole history.
const Message = memo(function Message({ entry, html, onRetry }: { entry: ChatEntry; html: ChatHtml; onRetry: (id: string) => void }) {
  const t = useT();
  const language = useLanguage();
  const time = timeFormat(language).format(entry.at);
  return (
    <li class={`chat-message ${entry.own ? 'chat-message--own' : ''}`} data-message={entry.id} data-delivery={entry.delivery}>
      <div class="chat-message__meta">
        <span class="chat-message__sender">{entry.own ? t('chat.you') : entry.senderName || t('chat.someone')}</span>
        <time class="chat-message__time" dateTime={new Date(entry.at).toISOString()}>
          {time}
        </time>
      </div>
      <MessageBody entry={entry} html={html} imageText={t('chat.imageNotShown')} />
      {entry.delivery === 'pending' && <p class="chat-message__state">{t('chat.delivery.pending')}</p>}
      {entry.delivery === 'failed' && (
        <p class="chat-message__state chat-message__state--failed">
          {t('chat.delivery.failed')}{' '}
          <button type="button" class="chat-message__retry" onClick={() => onRetry(entry.id)}>
            {t('chat.retry')}
          </button>
        </p>
      )}
    </li>
  );
});

function StatusNote({ state, t }: { state: ChatState; t: Translate }) {
  if (state.status === 'ready') return state.messages.length === 0 ? <p class="chat__note">{t('chat.empty')}</p> : null;
  const key = state.status === 'off' ? 'chat.status.off' : state.status === 'connecting' ? 'chat.status.connecting' : state.status === 'forbidden' ? 'chat.status.forbidden' : 'chat.status.unavailable';
  return (
    <p class={`chat__note chat__note--${state.status}`} role="status" data-chat-status={state.status}>
      {t(key)}
    </p>
  );
}

function Composer({ chat, ready }: { chat: LoadedChat['chat'] | null; ready: boolean }) {
  const t = useT();
  const [text, setText] = useState('');
  const send = () => {
    if (chat?.send(text)) setText('');
  };
  return (
    <form
      class="chat__composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <label for="chat-input" class="meeting-sr">
        {t('chat.input.label')}
      </label>
      <textarea
        id="chat-input"
        class="chat__input"
        rows={2}
        maxLength={MAX_CHAT_MESSAGE_LENGTH}
        placeholder={t('chat.input.placeholder')}
        aria-describedby="chat-input-hint"
        disabled={!ready}
        value={text}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter sends; Shift+Enter is a new line; an IME still composing keeps its Enter.
          if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
          event.preventDefault();
          send();
        }}
      />
      <span id="chat-input-hint" class="meeting-sr">
        {t('chat.input.hint')}
      </span>
      <button type="submit" class="mbtn mbtn--primary chat__send" disabled={!ready || !text.trim()}>
        {t('chat.send')}
      </button>
    </form>
  );
}

export interface ChatPanelProps {
  loaded: LoadedChat | null;
  /** Subscribed here, not by the meeting view: a message re-renders the panel only. */
  state: Readable<ChatState>;
  onClose: () => void;
}

function ChatPanelBody({ loaded, state: source }: Omit<ChatPanelProps, 'onClose'>) {
  const state = useObservable(source, source.get());
  const t = useT();
  const language = useLanguage();
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const html = loaded?.html;
  const [shownCount, setShownCount] = useState(SHOWN_STEP);
  const retry = useMemo(() => (id: string) => loaded?.chat.retry(id), [loaded]);
  // The newest messages only: a long history costs a button press, not every update's layout.
  const hidden = Math.max(0, state.messages.length - shownCount);
  const shown = hidden > 0 ? state.messages.slice(hidden) : state.messages;

  // Follows new messages while the guest is at the bottom; leaves them alone while they scroll back.
  useLayoutEffect(() => {
    const element = list.current;
    if (element && pinned.current) element.scrollTop = element.scrollHeight;
  }, [state.messages]);

  const incoming = state.lastIncoming;
  // Parsed once per message, not on every render.
  const announcement = useMemo(
    () => (incoming && html ? t('chat.announce', { name: incoming.senderName || t('chat.someone'), message: incoming.kind === 'html' ? html.text(incoming.body, t('chat.imageNotShown')) : incoming.body }) : ''),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- t changes identity every render; the language does not
    [incoming, html, language],
  );

  return (
    <>
      {loaded?.practice && <p class="chat__note chat__note--practice" data-chat-practice="true">{t('chat.practice.note')}</p>}
      <StatusNote state={state} t={t} />
      {html && state.messages.length > 0 && (
        <ol
          class="chat__messages"
          ref={list}
          tabIndex={0}
          aria-label={t('chat.messages')}
          onScroll={(event) => {
            const element = event.currentTarget;
            pinned.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
          }}
        >
          {hidden > 0 && (
            <li class="chat__earlier">
              <button
                type="button"
                class="mbtn"
                onClick={() => {
                  pinned.current = false;
                  setShownCount(shownCount + SHOWN_STEP);
                }}
              >
                {t('chat.earlier')}
              </button>
            </li>
          )}
          {shown.map((entry) =>
            entry.kind === 'added' || entry.kind === 'removed' ? <SystemEntry key={entry.id} entry={entry} t={t} /> : <Message key={entry.id} entry={entry} html={html} onRetry={retry} />,
          )}
        </ol>
      )}
      <div class="meeting-sr" aria-live="polite" data-testid="chat-announcement">
        {announcement}
      </div>
      <Composer chat={loaded?.chat ?? null} ready={state.status === 'ready'} />
    </>
  );
}

/** A rendering failure inside the panel stays inside it: the meeting goes on. */
class ChatBoundary extends Component<{ children: ComponentChildren; fallback: string }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? (
      <p class="chat__note" role="status" data-chat-status="unavailable">
        {this.props.fallback}
      </p>
    ) : (
      this.props.children
    );
  }
}

export function ChatPanel({ loaded, state, onClose }: ChatPanelProps) {
  const t = useT();
  const chat = loaded?.chat;
  useEffect(() => {
    chat?.setPanelOpen(true);
    return () => chat?.setPanelOpen(false);
  }, [chat]);
  return (
    <aside class="panel chat" id="chat-panel" aria-labelledby="chat-title">
      <PanelHeader id="chat-title" title={t('chat.title')} onClose={onClose} />
      <ChatBoundary fallback={t('chat.status.unavailable')}>
        <ChatPanelBody loaded={loaded} state={state} />
      </ChatBoundary>
    </aside>
  );
}
