// Process: renderer. The top of the UI: the guest's language and theme, and which screen shows.
import { useEffect, useState } from 'preact/hooks';
import type { AppInfo, JoinRequest, Settings } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import { LanguageContext } from '../i18n';
import { JoinScreen } from '../join/JoinScreen';

export function App({ info }: { info: AppInfo }) {
  const [settings, setSettings] = useState<Settings>(info.settings);
  const [joinRequest, setJoinRequest] = useState<JoinRequest | null>(null);
  const language = settings.language === 'system' ? info.systemLanguage : settings.language;

  useEffect(() => bridge.on.joinRequested(setJoinRequest), []);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.style.setProperty('--accent', info.accentColor);
  }, [language, settings.theme, info.accentColor]);

  const updateSettings = (patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    void bridge.updateSettings(patch).then(setSettings);
  };

  return (
    <LanguageContext.Provider value={language}>
      <JoinScreen info={info} settings={settings} updateSettings={updateSettings} joinRequest={joinRequest} />
    </LanguageContext.Provider>
  );
}
