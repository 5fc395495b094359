import { describe, expect, it } from 'vitest';
import { invokeChannels } from '../../../common/ipc-contract';
import { vetExternalUrl, lockDownWebContents } from '../../../main/security/web-contents';
import { chromeUserAgent } from '../../../main/security/user-agent';

type Listener = (event: { preventDefault(): void; defaultPrevented?: boolean }, url?: string) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  return {
    on(name: string, listener: Listener) {
      listeners.set(name, listener);
      return this;
    },
    setWindowOpenHandler(handler: typeof openHandler) {
      openHandler = handler;
    },
    emit(name: string, url?: string) {
      let prevented = false;
      listeners.get(name)!({ preventDefault: () => void (prevented = true) }, url);
      return prevented;
    },
    open(url: string) {
      return openHandler!({ url });
    },
  };
}

describe('web contents lock-down', () => {
  it('prevents navigation, redirects and webviews, and denies new windows', () => {
    const contents = fakeContents();
    const opened: string[] = [];
    const logs: string[] = [];
    lockDownWebContents(contents as never, (url) => opened.push(url), (m) => logs.push(m));
    expect(contents.emit('will-navigate', 'https://evil.example/phish?p=secret')).toBe(true);
    expect(contents.emit('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-attach-webview')).toBe(true);
    expect(contents.open('https://support.example.com/help')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://support.example.com/help']);
    expect(logs.join('\n')).not.toContain('secret');
  });
});

describe('external URLs', () => {
  it('lets only plain https URLs on public host names reach the OS', () => {
    expect(vetExternalUrl('https://support.example.com/help?x=1')).toBe('https://support.example.com/help?x=1');
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'smb://server/share',
      'ms-settings:privacy',
      'javascript:alert(1)',
      'https://user:pw@example.com/',
      'https://localhost/',
      // Loopback written with a trailing dot, or in capitals, is still loopback.
      'https://localhost./',
      'https://LOCALHOST./',
      'https://app.localhost./',
      'https://127.0.0.1./',
      'https://0x7f.1/',
      'https://127.0.0.1/',
      'https://[::1]/',
      'https://example.com:8443/',
      'https://intranet/',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(vetExternalUrl(url), url).toBeNull();
    }
  });

  it('hands the OS the normalized URL, never the string it was given', () => {
    expect(vetExternalUrl(' https://Support.Example.com/a b?q=1\n')).toBe('https://support.example.com/a%20b?q=1');
    expect(vetExternalUrl('https://support.example.com/\t%2e%2e/x')).toBe('https://support.example.com/x');
  });

  it('offers the renderer no openExternal channel: nothing there needs one', () => {
    expect(Object.keys(invokeChannels)).not.toContain('openExternal');
  });
});

describe('user agent', () => {
  it('removes the Electron and app tokens and keeps Chrome', () => {
    const electron =
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Doorway/0.1.0 Chrome/140.0.7339.41 Electron/45.4.1 Safari/537.36';
    expect(chromeUserAgent(electron, 'Doorway')).toBe(
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.41 Safari/537.36',
    );
    expect(chromeUserAgent(electron, 'Contoso Guest')).not.toMatch(/Electron\//);
  });
});
