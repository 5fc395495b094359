// Process: renderer, in the meeting's always-on-top mini window (app://localhost/index.html
// #mini-window, see main/mini-window). Who is on stage (avatar and name, ringed while they speak),
// Mute, Camera, Show meeting and Leave; a click anywhere else brings the meeting back. The active
// speaker is shown as an avatar, not video: remote video is rendered by the SDK inside the meeting
// window's renderer, and a second window cannot attach to that call or receive its streams. This
// page may use two channels only (main refuses it every other one): its first paint, and a press;
// main sends it the state as it changes.
import './mini.css';
import { render } from 'preact';
import { translate } from '../../common/i18n';
import type { MiniWindowAction, MiniWindowState, MiniWindowView } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import { Store } from '../calling/model';
import { Button } from '../components/Button';
import { useObservable } from '../components/use-observable';
import { activateLocale, LanguageContext, useT } from '../i18n';

export const MINI_WINDOW_ROUTE = '#mini-window';

/** Starts the page: listens first (no state is missed), then asks for its first paint. */
export function startMiniWindow(root: HTMLElement): void {
  document.documentElement.classList.add('mini-window-page');
  const state = new Store<MiniWindowState | null>(null);
  bridge.on.miniWindowChanged((next) => state.set(next));
  void bridge.miniWindowReady().then(async (received) => {
    if (state.get() === null) state.set(received.state);
    const view = { ...received, language: await activateLocale(received.language) };
    const html = document.documentElement;
    html.dataset.theme = view.theme;
    html.style.setProperty('--accent', view.accentColor);
    document.title = translate(view.language, 'mini.title');
    render(<MiniWindowApp view={view} state={state} />, root);
  });
}

function press(action: MiniWindowAction): void {
  void bridge.miniWindowAction(action).catch(() => undefined);
}

export function MiniWindowApp({ view, state: source }: { view: MiniWindowView; state: Store<MiniWindowState | null> }) {
  return (
    <LanguageContext.Provider value={view.language}>
      <Mini state={useObservable(source, view.state) ?? view.state} />
    </LanguageContext.Provider>
  );
}

function Mini({ state }: { state: MiniWindowState }) {
  const t = useT();
  const { muted, canUnmute, videoOn, canTurnVideoOn, speaker } = state;
  const micBlocked = muted && !canUnmute;
  const cameraBlocked = !videoOn && !canTurnVideoOn;
  return (
    // A click on the window itself (not on a button) brings the meeting back, as in Teams.
    <main
      class="mini"
      aria-label={t('mini.title')}
      data-testid="mini-window"
      onClick={(event) => {
        if (!(event.target as Element).closest('button')) press('showMeeting');
      }}
    >
      <h1 class="mini__sr">{t('mini.title')}</h1>
      <div class="mini__stage" data-speaking={speaker?.speaking ? 'true' : 'false'}>
        <span class="mini__avatar" aria-hidden="true">
          {speaker?.initials ?? ''}
        </span>
        <p class="mini__speaker" aria-live="polite">
          {speaker ? (speaker.speaking ? t('share.controls.speaking', { name: speaker.name }) : speaker.name) : t('meeting.alone')}
        </p>
      </div>
      <div class="mini__controls">
        <Button icon={muted ? 'microphoneOff' : 'microphone'} inactive={micBlocked} data-control="mute" onClick={() => !micBlocked && press('toggleMute')}>
          {muted ? t('meeting.mic.unmute') : t('meeting.mic.mute')}
        </Button>
        <Button icon={videoOn ? 'camera' : 'cameraOff'} inactive={cameraBlocked} data-control="camera" onClick={() => !cameraBlocked && press('toggleCamera')}>
          {videoOn ? t('meeting.camera.off') : t('meeting.camera.on')}
        </Button>
        <Button data-control="show" onClick={() => press('showMeeting')}>
          {t('share.controls.showMeeting')}
        </Button>
        <Button class="mini__leave" data-control="leave" onClick={() => press('leave')}>
          {t('meeting.leave')}
        </Button>
      </div>
    </main>
  );
}
