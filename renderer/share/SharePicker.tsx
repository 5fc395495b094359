// Process: renderer. Doorway's own screen-share picker, mounted once for the whole app: main asks
// for it whenever Chromium asks for a screen (captureRequested), at any moment of a meeting.
// A modal dialog with a tab for screens and one for windows, live thumbnails (refreshed every few
// seconds while it is open), names and app icons. Arrow keys move between sources, Enter shares,
// Escape cancels; focus stays inside while it is open and returns where it was afterwards. Main
// accepts only the id of a source it offered; the picker never sends anything else.
import './share.css';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AppInfo, CaptureRequest, CaptureSource } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import { Button } from '../components/Button';
import { useT, type Translate } from '../i18n';
import { noteCaptureCancelled, noteCaptureChosen } from './capture-outcome';
import { setShareAppInfo } from './share-app';

/** How often thumbnails refresh while the picker is open (main gives up after ten missed). */
export const REFRESH_MS = 3000;

type Tab = CaptureSource['kind'];

export interface SharePickerProps {
  info: Pick<AppInfo, 'platform' | 'productName'>;
}

export function SharePicker({ info }: SharePickerProps) {
  setShareAppInfo(info);
  const [request, setRequest] = useState<CaptureRequest | null>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const offRequested = bridge.on.captureRequested((next) => {
      // A second request replaces the first (main settled the first already); keep the opener.
      setRequest((current) => {
        if (!current) opener.current = document.activeElement;
        return next;
      });
    });
    const offCancelled = bridge.on.captureCancelled(({ requestId }) => {
      noteCaptureCancelled();
      setRequest((current) => (current?.requestId === requestId ? null : current));
    });
    return () => {
      offRequested();
      offCancelled();
    };
  }, []);

  // While the picker is open, everything behind it is inert (no focus, no clicks, not read).
  // The picker is the screens' sibling (App), so it stays outside what it makes inert.
  const open = request !== null;
  useLayoutEffect(() => {
    if (!open) return;
    const screens = document.getElementById(SCREENS_ID);
    screens?.setAttribute('inert', '');
    return () => {
      screens?.removeAttribute('inert');
      const back = opener.current;
      opener.current = null;
      if (back instanceof HTMLElement && back.isConnected) back.focus();
    };
  }, [open]);

  if (!request) return null;
  return (
    <div class="share-picker-host">
      <PickerDialog key={request.requestId} request={request} info={info} onDone={() => setRequest((current) => (current?.requestId === request.requestId ? null : current))} />
    </div>
  );
}

/** The id of the element that holds the screens (App): made inert while the picker is open. */
export const SCREENS_ID = 'screens';

/** The name shown for a source: screens without one are numbered, windows without one untitled. */
export function sourceLabel(t: Translate, source: CaptureSource, screenIndex: number): string {
  const name = source.name.trim();
  if (name) return name;
  return source.kind === 'screen' ? t('share.picker.screenNumbered', { n: screenIndex + 1 }) : t('share.picker.untitled');
}

/** How many options sit on the first row of the grid (for Up and Down). */
function columnsOf(list: HTMLElement | null): number {
  const options = list ? Array.from(list.querySelectorAll<HTMLElement>('[role="option"]')) : [];
  if (options.length === 0) return 1;
  const top = options[0].offsetTop;
  const first = options.findIndex((option) => option.offsetTop !== top);
  return first === -1 ? options.length : first;
}

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>('button, input, [tabindex]')).filter(
    (element) => !element.hasAttribute('disabled') && element.tabIndex >= 0 && element.offsetParent !== null,
  );
}

interface PickerDialogProps {
  request: CaptureRequest;
  info: SharePickerProps['info'];
  onDone: () => void;
}

function PickerDialog({ request, info, onDone }: PickerDialogProps) {
  const t = useT();
  const { requestId, audioAvailable, permissionMissing } = request;
  const [sources, setSources] = useState<CaptureSource[]>(request.sources);
  const [tab, setTab] = useState<Tab>(() => (request.sources.some((s) => s.kind === 'screen') || !request.sources.some((s) => s.kind === 'window') ? 'screen' : 'window'));
  const [selected, setSelected] = useState<string | null>(() => request.sources.find((s) => s.kind === tab)?.id ?? null);
  const [shareAudio, setShareAudio] = useState(false);
  const [gone, setGone] = useState(false);
  const [busy, setBusy] = useState(false);
  const dialog = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusSelected = useRef(false);

  const visible = sources.filter((source) => source.kind === tab);
  const screens = sources.filter((source) => source.kind === 'screen');
  const label = (source: CaptureSource) => sourceLabel(t, source, screens.indexOf(source));

  const refresh = async () => {
    const fresh = await bridge.refreshCaptureSources({ requestId }).catch(() => [] as CaptureSource[]);
    // [] means "nothing new" (a failed listing, or macOS permission missing): keep what is shown.
    if (fresh.length > 0) setSources(fresh);
  };

  // Live thumbnails; each refresh also tells main the picker is still open.
  useEffect(() => {
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- refresh reads only requestId and state setters
  }, [requestId]);

  // The selection follows the list: a source that went away hands it to the first one left.
  useEffect(() => {
    if (selected && visible.some((source) => source.id === selected)) return;
    const hadFocus = list.current?.contains(document.activeElement) ?? false;
    setSelected(visible[0]?.id ?? null);
    if (hadFocus) focusSelected.current = true;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the selection follows the list, not its own changes
  }, [sources, tab]);

  useLayoutEffect(() => {
    if (!focusSelected.current) return;
    focusSelected.current = false;
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }, [selected, tab]);

  // First focus: the selected source, or the first thing that can act.
  useLayoutEffect(() => {
    const root = dialog.current;
    if (!root) return;
    const target = root.querySelector<HTMLElement>('[aria-selected="true"][role="option"]') ?? root.querySelector<HTMLElement>('[data-autofocus]') ?? focusables(root)[0];
    target?.focus();
  }, []);

  const share = async (id = selected) => {
    const source = sources.find((s) => s.id === id);
    if (!source || busy) return;
    setBusy(true);
    setGone(false);
    noteCaptureChosen(label(source));
    const accepted = await bridge.chooseCaptureSource({ requestId, sourceId: source.id, shareAudio: audioAvailable && shareAudio }).catch(() => false);
    if (accepted) {
      onDone();
      return;
    }
    // Main no longer offers it (its window closed since the last refresh): show what is left.
    setBusy(false);
    setGone(true);
    await refresh();
  };

  const cancel = () => {
    noteCaptureCancelled();
    void bridge.chooseCaptureSource({ requestId, sourceId: null, shareAudio: false }).catch(() => false);
    onDone();
  };

  const selectTab = (next: Tab, focus: boolean) => {
    setTab(next);
    setSelected(sources.find((s) => s.kind === next)?.id ?? null);
    if (focus) document.getElementById(`share-tab-${next}`)?.focus();
  };

  const onListKey = (event: KeyboardEvent) => {
    const ids = visible.map((source) => source.id);
    const index = selected ? ids.indexOf(selected) : -1;
    const columns = columnsOf(list.current);
    // The grid follows the reading direction: right to left, the next source is the one to the left.
    const rtl = list.current !== null && getComputedStyle(list.current).direction === 'rtl';
    let next = index;
    switch (event.key) {
      case rtl ? 'ArrowLeft' : 'ArrowRight':
        next = index + 1;
        break;
      case rtl ? 'ArrowRight' : 'ArrowLeft':
        next = index - 1;
        break;
      case 'ArrowDown':
        next = index + columns < ids.length ? index + columns : index;
        break;
      case 'ArrowUp':
        next = index - columns >= 0 ? index - columns : index;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = ids.length - 1;
        break;
      case 'Enter':
        event.preventDefault();
        void share();
        return;
      case ' ':
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    next = Math.max(0, Math.min(ids.length - 1, next));
    if (ids[next]) {
      focusSelected.current = true;
      setSelected(ids[next]);
    }
  };

  const onDialogKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      cancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    // Focus stays in the picker.
    const items = focusables(dialog.current);
    if (items.length === 0) return;
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft' || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const next: Tab = event.key === 'Home' ? 'screen' : event.key === 'End' ? 'window' : tab === 'screen' ? 'window' : 'screen';
      selectTab(next, true);
    }
  };

  const canOpenSettings = info.platform === 'darwin' || info.platform === 'win32';

  return (
    <div class="share-picker__backdrop">
      <div
        ref={dialog}
        class="share-picker"
        role="dialog"
        aria-modal="true"
        aria-labelledby="share-picker-title"
        data-testid="share-picker"
        onKeyDown={onDialogKey}
      >
        {permissionMissing ? (
          <>
            <h2 id="share-picker-title" class="share-picker__title">
              {t('share.permission.title')}
            </h2>
            <div class="share-picker__permission">
              <p>{t('share.permission.body', { app: info.productName })}</p>
              <p>{t('share.permission.restart', { app: info.productName })}</p>
            </div>
            <div class="share-picker__footer">
              <span />
              <div class="share-picker__buttons">
                <Button onClick={cancel}>{t('share.picker.cancel')}</Button>
                {canOpenSettings && (
                  <Button variant="primary" icon="external" data-autofocus onClick={() => void bridge.openMediaSettings('screen')}>
                    {t('share.permission.open')}
                  </Button>
                )}
              </div>
            </div>
          </>
        ) : (
          <>
            <h2 id="share-picker-title" class="share-picker__title">
              {t('share.picker.title')}
            </h2>
            <div class="share-picker__tabs" role="tablist" aria-label={t('share.picker.tabs')}>
              {(['screen', 'window'] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  role="tab"
                  id={`share-tab-${kind}`}
                  class="share-picker__tab"
                  aria-selected={tab === kind ? 'true' : 'false'}
                  aria-controls="share-panel"
                  tabIndex={tab === kind ? 0 : -1}
                  onClick={() => selectTab(kind, false)}
                  onKeyDown={onTabKey}
                >
                  {t(kind === 'screen' ? 'share.picker.screens' : 'share.picker.windows')}
                  <span class="share-picker__count">{sources.filter((s) => s.kind === kind).length}</span>
                </button>
              ))}
            </div>
            <div class="share-picker__panel" role="tabpanel" id="share-panel" aria-labelledby={`share-tab-${tab}`}>
              <p id="share-picker-hint" class="share-picker__hint">
                {t('share.picker.hint')}
              </p>
              {visible.length > 0 ? (
                <ul
                  ref={list}
                  class="share-picker__sources"
                  role="listbox"
                  aria-label={t(tab === 'screen' ? 'share.picker.screens' : 'share.picker.windows')}
                  aria-describedby="share-picker-hint"
                  onKeyDown={onListKey}
                >
                  {visible.map((source) => {
                    const isSelected = source.id === selected;
                    return (
                      <li
                        key={source.id}
                        role="option"
                        class="share-source"
                        aria-selected={isSelected ? 'true' : 'false'}
                        tabIndex={isSelected ? 0 : -1}
                        data-source-id={source.id}
                        title={label(source)}
                        onClick={() => setSelected(source.id)}
                        onDblClick={() => void share(source.id)}
                      >
                        <span class="share-source__thumb">
                          {source.thumbnail ? <img src={source.thumbnail} alt="" draggable={false} /> : <span class="share-source__blank" />}
                        </span>
                        <span class="share-source__label">
                          {source.appIcon && <img class="share-source__icon" src={source.appIcon} alt="" draggable={false} />}
                          <span class="share-source__name">{label(source)}</span>
                        </span>
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p class="share-picker__empty">
                  {sources.length === 0 ? t('share.picker.nothing') : t(tab === 'screen' ? 'share.picker.noScreens' : 'share.picker.noWindows')}
                </p>
              )}
            </div>
            <p class="share-picker__status" role="status">
              {gone ? t('share.picker.gone') : ''}
            </p>
            <div class="share-picker__footer">
              {audioAvailable ? (
                <label class="share-picker__audio">
                  <input type="checkbox" checked={shareAudio} onChange={(event) => setShareAudio(event.currentTarget.checked)} />
                  <span>{t('share.picker.audio')}</span>
                </label>
              ) : (
                <span />
              )}
              <div class="share-picker__buttons">
                <Button onClick={cancel}>{t('share.picker.cancel')}</Button>
                <Button variant="primary" disabled={!selected} busy={busy} data-testid="share-picker-share" onClick={() => void share()}>
                  {t('share.picker.share')}
                </Button>
              </div>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
