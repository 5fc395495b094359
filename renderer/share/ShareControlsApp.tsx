// Process: renderer, in the always-on-top sharing-controls window (app://localhost/index.html
// #share-controls, see main/share-controls). One row: that the guest is sharing, who is speaking,
// Mute, Show meeting, Stop sharing. This page may use two channels only (main refuses it every
// other one): its first paint, and a button press; main sends it the state as it changes.
import './share.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { translate } from '../../common/i18n';
import type { ShareControlAction, ShareControlsState, ShareControlsView } from '../../common/ipc-contract';
import { bridge } from '../bridge';
import { Button } from '../components/Button';
import { Store } from '../calling/model';
import { useObservable } from '../components/use-observable';
import { activateLocale, LanguageContext, useT } from '../i18n';

export const SHARE_CONTROLS_ROUTE = '#share-controls';

/** Starts the controls page: listens first (no state is missed), then asks for its first paint. */
export function startShareControls(root: HTMLElement): void {
  document.documentElement.classList.add('share-controls-page');
  const state = new Store<ShareControlsState | null>(null);
  bridge.on.shareControlsChanged((next) => state.set(next));
  void bridge.shareControlsReady().then(async (received) => {
    if (state.get() === null) state.set(received.state);
    const view = { ...received, language: await activateLocale(received.language) };
    const html = document.documentElement;
    html.dataset.theme = view.theme;
    html.style.setProperty('--accent', view.accentColor);
    document.title = translate(view.language, 'share.controls.title');
    render(<ShareControlsApp view={view} state={state} />, root);
  });
}

function press(action: ShareControlAction): void {
  void bridge.shareControlAction(action).catch(() => undefined);
}

export function ShareControlsApp({ view, state: source }: { view: ShareControlsView; state: Store<ShareControlsState | null> }) {
  return (
    <LanguageContext.Provider value={view.language}>
      <ShareControls state={useObservable(source, view.state) ?? view.state} />
    </LanguageContext.Provider>
  );
}

function ShareControls({ state }: { state: ShareControlsState }) {
  const t = useT();
  const { muted, canUnmute, speaker } = state;
  const [announced, setAnnounced] = useState(speaker);
  // Names are announced after they settle, not on every flicker of the dominant speaker.
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(speaker), 600);
    return () => clearTimeout(timer);
  }, [speaker]);
  return (
    <main class="share-controls" aria-label={t('share.controls.title')} data-testid="share-controls">
      <div class="share-controls__status">
        <h1 class="share-controls__title">
          <span class="share-banner__dot" aria-hidden="true" />
          {t('share.controls.sharing')}
        </h1>
        <p class="share-controls__speaker" aria-live="polite" data-speaker={speaker ?? ''}>
          {announced ? t('share.controls.speaking', { name: announced }) : t('share.controls.quiet')}
        </p>
      </div>
      <Button icon={muted ? 'microphoneOff' : 'microphone'} inactive={muted && !canUnmute} data-control="mute" onClick={() => !(muted && !canUnmute) && press('toggleMute')}>
        {muted ? t('meeting.mic.unmute') : t('meeting.mic.mute')}
      </Button>
      <Button data-control="show" onClick={() => press('showMeeting')}>
        {t('share.controls.showMeeting')}
      </Button>
      <Button class="share-controls__stop" data-control="stop" onClick={() => press('stopSharing')}>
        {t('share.stop')}
      </Button>
    </main>
  );
}
