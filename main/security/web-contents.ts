// Process: main. Locks down every web contents the app creates: no navigation away from the
// page, no new windows, no <webview>. Links a guest clicks (support pages, help) go to the
// default browser only after `openExternalSafely` vets them.
import type { WebContents } from 'electron';

type Lockable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function lockDownWebContents(
  contents: Lockable,
  openExternal: (url: string) => void,
  log: (message: string) => void,
): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    log(`navigation refused: ${safeOrigin(url)}`);
  });
  contents.on('will-redirect', (event, url) => {
    event.preventDefault();
    log(`redirect refused: ${safeOrigin(url)}`);
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(url);
    return { action: 'deny' };
  });
}

/** Only the origin goes to the log: a path or query may carry a meeting passcode. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparseable url)';
  }
}

/**
 * https URLs on a public host name, without credentials: the only ones handed to the OS. Returns
 * the URL as the WHATWG parser normalized it (what the OS is given), or null. The raw string never
 * goes on: the OS's own parser may read whitespace, control characters or odd forms differently.
 */
export function vetExternalUrl(url: string): string | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return null;
  // A trailing dot names the same host (`localhost.` is loopback).
  const host = parsed.hostname.replace(/\.$/, '');
  if (!host.includes('.') || host.endsWith('.localhost') || host === 'localhost') return null;
  if (/^[\d.]+$/.test(host) || host.startsWith('[')) return null; // IP literals (the parser normalized 0x7f.1 etc.)
  return parsed.href.length <= 2048 ? parsed.href : null;
}
