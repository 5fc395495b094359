// Process: renderer. The top of the UI: the guest's language and theme, and which screen shows:
// the join screen, or the meeting (which ends on its own ended screen).
import { useEffect, useState } from 'preact/hooks';
import type { AppInfo, Settings } from '../../common/ipc-contract';
import { translate } from '../../common/i18n';
import { bridge } from '../bridge';
import { LanguageContext } from '../i18n';
import { JoinScreen } from '../join/JoinScreen';
import { MeetingScreen } from '../meeting/MeetingScreen';
import { useObservable } from '../components/use-observable';
import { joinRequests } from './join-requests';
import type { MeetingRequest } from './meeting-request';
import { SCREENS_ID, SharePicker } from '../share/SharePicker';
import { Preferences } from './Preferences';
import './app.css';

export function App({ info }: { info: AppInfo }) {
  const [settings, setSettings] = useState<Settings>(info.settings);
  const joinRequest = useObservable(joinRequests, null);
  const [meeting, setMeeting] = useState<MeetingRequest | null>(null);
  const language = settings.language === 'system' ? info.systemLanguage : settings.language;

  // A link from the OS: main has already asked the guest if a meeting was in progress, so leave
  // it (unmounting the meeting hangs up) and show the new meeting on the join screen.
  useEffect(() => {
    if (joinRequest) setMeeting(null);
  }, [joinRequest]);
  useEffect(() => {
    const root = document.documentElement;
    root.lang = language;
    root.dataset.theme = settings.theme;
    root.style.setProperty('--accent', info.accentColor);
  }, [language, settings.theme, info.accentColor]);

  const updateSettings = (patch: Partial<Settings>) => {
    setSettings((current) => ({ ...current, ...patch }));
    void bridge.updateSettings(patch).then(setSettings, () => undefined);
  };

  return (
    <LanguageContext.Provider value={language}>
      <div id={SCREENS_ID} class="app-screens">
        {meeting ? (
          <MeetingScreen request={meeting} info={info} settings={settings} updateSettings={updateSettings} onExit={() => setMeeting(null)} />
        ) : (
          <>
            {info.settingsRecovered && (
              <p class="app-notice" role="status">
                {translate(language, 'preferences.settingsRecovered')}
              </p>
            )}
            {info.settingsInMemory && (
              <p class="app-notice" role="status">
                {translate(language, 'preferences.settingsInMemory')}
              </p>
            )}
            <Preferences settings={settings} updateSettings={updateSettings} />
            <JoinScreen info={info} settings={settings} updateSettings={updateSettings} joinRequest={joinRequest} onJoin={setMeeting} />
          </>
        )}
      </div>
      {/* Chromium may ask for a screen to share at any moment of a meeting. */}
      <SharePicker info={info} />
    </LanguageContext.Provider>
  );
}
