// Process: renderer. The guest's language and appearance, overriding the OS. Language names are
// written in their own language, so a guest who cannot read the current one still finds theirs.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LanguageSetting, Settings, ThemeSetting } from '../../common/ipc-contract';
import { LOCALES } from '../../common/i18n';
import { useT } from '../i18n';

interface Props {
  settings: Settings;
  updateSettings: (patch: Partial<Settings>) => void;
}

export function Preferences({ settings, updateSettings }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <div class="preferences">
      <button type="button" class="preferences__open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span aria-hidden="true">⚙</span> {t('preferences.open')}
      </button>
      <dialog ref={dialog} class="preferences__dialog" aria-labelledby="preferences-title" onClose={() => setOpen(false)}>
        <h2 id="preferences-title">{t('preferences.title')}</h2>
        <label class="preferences__field">
          {t('preferences.language')}
          <select
            value={settings.language}
            onChange={(event) => updateSettings({ language: event.currentTarget.value as LanguageSetting })}
          >
            <option value="system">{t('preferences.language.system')}</option>
            {LOCALES.map(({ tag, name, dir }) => (
              <option key={tag} value={tag} lang={tag} dir={dir}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label class="preferences__field">
          {t('preferences.theme')}
          <select value={settings.theme} onChange={(event) => updateSettings({ theme: event.currentTarget.value as ThemeSetting })}>
            <option value="system">{t('preferences.theme.system')}</option>
            <option value="light">{t('preferences.theme.light')}</option>
            <option value="dark">{t('preferences.theme.dark')}</option>
          </select>
        </label>
        <label class="preferences__field preferences__field--check">
          <input type="checkbox" checked={settings.miniWindow} onChange={(event) => updateSettings({ miniWindow: event.currentTarget.checked })} />
          {t('preferences.miniWindow')}
        </label>
        <button type="button" class="preferences__close" onClick={() => setOpen(false)}>
          {t('preferences.close')}
        </button>
      </dialog>
    </div>
  );
}
