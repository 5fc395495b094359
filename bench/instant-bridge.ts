// The preload bridge answered IN THE PAGE, at once, as Electron's in-process IPC would: the real
// built preload, evaluated before any page script, with its ipcRenderer.invoke answered from
// replies prepared here in Node (the real invitation parser's, default settings, a fake token).
// Playwright's binding (the E2E harness's bridge) crosses to Node and back on every call, which
// would put tens of milliseconds that Electron does not have in front of the first paint.
import { readFileSync } from 'node:fs';
import type { AppInfo, Settings, TokenReply } from '../common/ipc-contract';
import type { InviteResult } from '../common/meeting';
import { parseMeetingInvite } from '../main/links';
import { DEFAULT_SETTINGS } from '../main/settings/settings-schema';
import { PRELOAD_FILE } from '../test/support/harness';
import { fakeAcsToken } from '../test/support/scripted-meeting/page';

export interface InstantReplies {
  appInfo: AppInfo;
  /** The invitation parser's answer per pasted text. */
  invites: Record<string, InviteResult>;
  token: TokenReply;
}

export function instantReplies(options: { settings?: Partial<Settings>; meetings?: string[] } = {}): InstantReplies {
  const settings: Settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const texts = ['', ...(options.meetings ?? [])];
  return {
    appInfo: {
      productName: 'Doorway',
      version: '0.0.0-bench',
      platform: 'linux',
      systemLanguage: 'en-US',
      accentColor: '#4f52b2',
      backgrounds: [],
      supportUrl: null,
      tokenServiceConfigured: true,
      runningFromSource: false,
      settings,
      settingsRecovered: false,
      settingsInMemory: false,
    },
    invites: Object.fromEntries(texts.map((text) => [text, parseMeetingInvite(text)])),
    token: { ok: true, token: fakeAcsToken(), expiresOnMs: Date.now() + 3_600_000 },
  };
}

/** An init script: the bridge on window, every invoke answered in the page. */
export function instantBridgeScript(replies: InstantReplies): string {
  const preload = readFileSync(PRELOAD_FILE, 'utf8');
  return `(() => {
    const replies = ${JSON.stringify(replies)};
    let settings = replies.appInfo.settings;
    const answer = (channel, payload) => {
      switch (channel) {
        case 'doorway:rendererReady': return { ...replies.appInfo, settings };
        case 'doorway:parseInvite': return replies.invites[payload] ?? replies.invites[''];
        case 'doorway:getToken': return replies.token;
        case 'doorway:updateSettings': settings = { ...settings, ...payload }; return settings;
        case 'doorway:mediaAccess': return 'granted';
        default: return undefined;
      }
    };
    const ipcRenderer = {
      invoke: (channel, payload) => Promise.resolve(answer(channel, payload)),
      on() {},
      removeListener() {},
    };
    const contextBridge = {
      exposeInMainWorld(name, api) { Object.defineProperty(window, name, { value: Object.freeze(api), enumerable: false }); },
    };
    const require = (name) => {
      if (name !== 'electron') throw new Error('preload may only require electron, not ' + name);
      return { contextBridge, ipcRenderer };
    };
    const module = { exports: {} };
    (function (require, module, exports) {\n${preload}\n})(require, module, module.exports);
  })();`;
}
