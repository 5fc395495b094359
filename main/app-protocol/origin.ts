// Process: main. Where the renderer lives: app://localhost/.
//
// The ACS Calling SDK refuses to start unless the page is on `https:`, `file:` or a host named
// `localhost` (it checks `location.hostname`). A privileged custom scheme with the host
// `localhost` passes that check, is a secure context, never touches the network (no server,
// nothing for other local programs to reach), and leaves every real https request of the SDK
// untouched. The test harness serves the same files from http://localhost, which passes the same
// branch of the same check.
export const APP_SCHEME = 'app';
export const APP_HOST = 'localhost';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The small windows' page (sharing controls, mini window): the same app without the main window's shell. */
export const APP_PANEL_URL = `${APP_ORIGIN}/panel.html`;

/** True for URLs of our own origin. Parsed, never prefix-matched (app://localhost.evil/...). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === `${APP_SCHEME}:` &&
      parsed.hostname === APP_HOST &&
      parsed.port === '' &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}
