// Process: renderer. The header's "View" menu: gallery, speaker or content only (remembered in the
// settings). A menu button with radio items: Enter or Space opens it on the chosen layout, the
// arrow keys, Home and End move, Enter or Space picks, Escape closes and gives focus back.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../i18n';
import { MeetingIcon } from '../icons';
import { MEETING_LAYOUTS, type MeetingLayout } from '../layout';

export function LayoutMenu({ layout, onLayout }: { layout: MeetingLayout; onLayout: (layout: MeetingLayout) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[MEETING_LAYOUTS.indexOf(layout)]?.focus();
    // A click anywhere else closes it.
    const onDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- focuses the chosen item when the menu opens, not on every choice
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      close();
    }
  };

  return (
    <div class="layout-menu">
      <button
        type="button"
        id="control-layout"
        ref={button}
        class="header-button"
        aria-haspopup="menu"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={open ? 'layout-menu' : undefined}
        onClick={() => setOpen((value) => !value)}
      >
        <MeetingIcon name="layout" />
        <span>{t('stage.layout.button')}</span>
      </button>
      {open && (
        <div class="layout-menu__list" id="layout-menu" role="menu" aria-label={t('stage.layout.menu')} ref={menu} onKeyDown={onKeyDown}>
          {MEETING_LAYOUTS.map((option) => (
            <button
              key={option}
              type="button"
              role="menuitemradio"
              class="layout-menu__item"
              aria-checked={option === layout ? 'true' : 'false'}
              tabIndex={-1}
              data-layout={option}
              onClick={() => {
                onLayout(option);
                close();
              }}
            >
              <span class="layout-menu__check" aria-hidden="true">
                {option === layout ? '✓' : ''}
              </span>
              <span>
                <span class="layout-menu__name">{t(`stage.layout.${option}`)}</span>
                <span class="layout-menu__hint">{t(`stage.layout.${option}.hint`)}</span>
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
