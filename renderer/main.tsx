// Process: renderer. Boots the page: asks main for the app's state and paints the first screen.
// The ACS SDK (7 MB) is not loaded here: the join screen loads it once the preview is live.
import { render } from 'preact';
import './styles.css';
import { App, chosenLocale } from './app/App';
import { bridge } from './bridge';
import { activateLocale } from './i18n';
import { SHARE_CONTROLS_ROUTE, startShareControls } from './share/ShareControlsApp';
import { MINI_WINDOW_ROUTE, startMiniWindow } from './mini/MiniWindowApp';

reportCspViolations();

const root = document.getElementById('root')!;
// The always-on-top sharing controls are this app in a small window of their own (no SDK there),
// loaded from panel.html, which has no app shell.
if (location.hash === SHARE_CONTROLS_ROUTE) {
  startShareControls(root);
} else if (location.hash === MINI_WINDOW_ROUTE) {
  // The meeting's mini window likewise (main/mini-window).
  startMiniWindow(root);
} else {
  void bridge.rendererReady().then(async (info) => {
    // The locale's chunk is a local file (no network); English needs none.
    const locale = await activateLocale(chosenLocale(info, info.settings));
    // The app shell (index.html) goes in the same task as the first render: no frame without either.
    root.replaceChildren();
    render(<App info={info} initialLocale={locale} />, root);
  });
}

/** A blocked request shows up in the log, so a too-strict policy is found, not guessed. */
function reportCspViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    void bridge.log({ level: 'warn', message: `csp: ${event.effectiveDirective} blocked ${event.blockedURI.split('?')[0]}` });
  });
}
