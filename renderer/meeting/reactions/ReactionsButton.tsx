// Process: renderer. The control bar's "React" button and its row of five reactions. A meeting
// that forbids reactions (useReactions) leaves the button focusable (aria-disabled) with the
// reason, like the other controls. The row stays open for several reactions in a row; Escape,
// the button again or a click elsewhere closes it, and focus returns to the button.
import './reactions.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CallSession, CallState } from '../../calling/call-model';
import { REACTION_TYPES } from '../../calling/features/reactions-model';
import { useT } from '../../i18n';
import { capabilityText } from '../capability-text';
import { MeetingIcon } from '../icons';
import { ReactionGlyph } from './ReactionGlyph';

export function ReactionsButton({ session, state }: { session: CallSession; state: CallState }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const blocked = capabilityText(t, state, 'useReactions');
  const isOpen = open && !blocked;

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  useEffect(() => {
    if (!isOpen) return;
    root.current?.querySelector<HTMLButtonElement>('.reactions-picker button')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [isOpen]);

  return (
    <div
      class="control control--reactions"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && isOpen) {
          event.stopPropagation();
          close(true);
        }
      }}
    >
      <button
        type="button"
        id="control-reactions"
        ref={button}
        class={`control__button ${isOpen ? 'control__button--active' : ''} ${blocked ? 'is-blocked' : ''}`}
        aria-disabled={blocked ? 'true' : undefined}
        aria-describedby={blocked ? 'control-reactions-reason' : undefined}
        aria-expanded={blocked ? undefined : isOpen ? 'true' : 'false'}
        aria-controls={isOpen ? 'reactions-picker' : undefined}
        onClick={() => {
          if (!blocked) setOpen(!isOpen);
        }}
      >
        <MeetingIcon name="react" />
        <span class="control__label">{t('reactions.button')}</span>
      </button>
      {blocked && (
        <span id="control-reactions-reason" role="tooltip" class="control__reason">
          {blocked}
        </span>
      )}
      {isOpen && (
        <div id="reactions-picker" class="reactions-picker" role="group" aria-label={t('reactions.menu')}>
          {REACTION_TYPES.map((type) => (
            <button key={type} type="button" class="reactions-picker__item" data-reaction={type} title={t(`reactions.type.${type}`)} onClick={() => void session.reactions.send(type)}>
              <ReactionGlyph type={type} size={28} />
              <span class="meeting-sr">{t(`reactions.type.${type}`)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
