// Process: renderer. The top of the UI: the guest's language and theme, and which screen shows:
// the join screen, or the meeting (which ends on its own ended screen).
import { useEffect, useState } from 'preact/hooks';
import type { AppInfo, Settings } from '../../common/ipc-contract';
import { translate, type Locale } from '../../common/i18n';
import { bridge } from '../bridge';
import { activateLocale, LanguageContext } from '../i18n';
import { JoinScreen } from '../join/JoinScreen';
import { MeetingScreen } from '../meeting/MeetingScreen';
import { useObservable } from '../components/use-observable';
import { joinRequests } from './join-requests';
import type { MeetingRequest } from './meeting-request';
import { SCREENS_ID, SharePicker } from '../share/SharePicker';
import { Preferences } from './Preferences';
import './app.css';

/** The locale the settings ask for ('system': the OS's best fit, which main worked out). */
export function chosenLocale(info: AppInfo, settings: Settings): Locale {
  return settings.language === 'system' ? info.systemLanguage : settings.language;
}

/** `initialLocale` is already loaded (main.tsx waits for it before the first render). */
export function App({ info, initialLocale }: { info: AppInfo; initialLocale: Locale }) {
  const [settings, setSettings] = useState<Settings>(info.settings);
  const joinRequest = useObservable(joinRequests, null);
  const [meeting, setMeeting] = useState<MeetingRequest | null>(null);
  // What the settings asked for, and what shows (English if that locale's chunk failed to load).
  const [active, setActive] = useState({ wanted: chosenLocale(info, info.settings), shown: initialLocale });
  const wanted = chosenLocale(info, settings);
  const language = active.shown;

  // Another language was chosen: switch once its messages have loaded, never to half a catalogue.
  useEffect(() => {
    if (wanted === active.wanted) return;
    let current = true;
    void activateLocale(wanted).then((shown) => current && setActive({ wanted, shown }));
    return () => {
      current = false;
    };
  }, [wanted, active.wanted]);

  // A link from the OS: main has already asked the guest if a meeting was in progress, so leave
  // it (unmounting the meeting hangs up) and show the new meeting on the join screen.
  useEffect(() => {
    if (joinRequest) setMeeting(null);
  }, [joinRequest]);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = settings.theme;
    root.style.setProperty('--accent', info.accentColor);
  }, [settings.theme, info.accentColor]);

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
