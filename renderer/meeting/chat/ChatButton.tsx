// Process: renderer. The control bar's Chat button, with the number of messages that came while
// the panel was closed (a badge, and in the button's name for screen readers). It follows the
// unread count only: messages arriving while the panel is open do not re-render it.
import type { ChatState } from '../../chat/chat-model';
import { useObservablePart, type Readable } from '../../components/use-observable';
import { useT } from '../../i18n';
import { MeetingIcon } from '../icons';

const unreadOf = (state: ChatState) => state.unread;

export function ChatButton({ open, chat, onClick }: { open: boolean; chat: Readable<ChatState>; onClick: () => void }) {
  const t = useT();
  const unread = useObservablePart(chat, unreadOf);
  const shown = unread > 99 ? '99+' : String(unread);
  return (
    <div class="control">
      <button
        type="button"
        id="control-chat"
        class={`control__button ${open ? 'control__button--active' : ''}`}
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={open ? 'chat-panel' : undefined}
        onClick={onClick}
      >
        <MeetingIcon name="chat" />
        <span class="control__label">{t('chat.button')}</span>
        {unread > 0 && !open && (
          <span class="chat-badge" data-unread={unread}>
            <span aria-hidden="true">{shown}</span>
            <span class="meeting-sr">{t('chat.unread', { count: shown })}</span>
          </span>
        )}
      </button>
    </div>
  );
}
