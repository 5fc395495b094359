// The capture broker with fakes for desktopCapturer, the frame check and the renderer: which
// requests it answers, which ids it accepts, and every way a pending request ends.
import { describe, expect, it } from 'vitest';
import type { CaptureRequest, MediaAccess } from '../../../common/ipc-contract';
import { CaptureBroker, type CaptureBrokerDeps, type DesktopSource, type DisplayMediaAnswer } from '../../../main/capture/capture-broker';

function image(data: string) {
  return { isEmpty: () => data === '', toDataURL: () => data };
}

function source(id: string, name: string, options: { thumb?: string; icon?: string | null } = {}): DesktopSource {
  return { id, name, thumbnail: image(options.thumb ?? `data:image/png;base64,${id}`), appIcon: options.icon === null ? null : image(options.icon ?? '') };
}

const OWN_FRAME = { name: 'our main frame' };

interface Setup {
  broker: CaptureBroker;
  requests: CaptureRequest[];
  cancelled: string[];
  answers: DisplayMediaAnswer[];
  logs: string[];
  listings: number;
  sources: DesktopSource[];
  access: MediaAccess;
  timers: Array<{ callback: () => void; ms: number; cancelled: boolean }>;
  request(options?: { frame?: unknown; audio?: boolean }): Promise<void>;
}

function setup(overrides: Partial<CaptureBrokerDeps> = {}): Setup {
  let next = 0;
  const s: Setup = {
    requests: [],
    cancelled: [],
    answers: [],
    logs: [],
    listings: 0,
    sources: [source('screen:0:0', 'Entire screen'), source('window:42:0', 'Report.docx - Word', { icon: 'data:image/png;base64,icon' })],
    access: 'granted',
    timers: [],
    broker: null as unknown as CaptureBroker,
    request: (options = {}) =>
      s.broker.handleRequest({ frame: 'frame' in options ? options.frame : OWN_FRAME, audioRequested: options.audio ?? false }, (answer) => s.answers.push(answer)),
  };
  s.broker = new CaptureBroker({
    listSources: async () => {
      s.listings += 1;
      return s.sources;
    },
    isOwnFrame: (frame) => frame === OWN_FRAME,
    sendRequest: (request) => s.requests.push(request),
    sendCancelled: (id) => s.cancelled.push(id),
    systemAudioSupported: false,
    screenAccess: () => s.access,
    newId: () => `req-${++next}`,
    log: (m) => s.logs.push(m),
    // Watchdog timers are recorded, never run by themselves: tests fire or inspect them.
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cancelled: false };
      s.timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    ...overrides,
  });
  return s;
}

describe('capture broker: routing', () => {
  it('answers our main frame with the picker: sources with thumbnails and app icons', async () => {
    const s = setup();
    await s.request();
    expect(s.requests).toEqual([
      {
        requestId: 'req-1',
        audioAvailable: false,
        permissionMissing: false,
        sources: [
          { id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: 'data:image/png;base64,screen:0:0', appIcon: '' },
          { id: 'window:42:0', name: 'Report.docx - Word', kind: 'window', thumbnail: 'data:image/png;base64,window:42:0', appIcon: 'data:image/png;base64,icon' },
        ],
      },
    ]);
    expect(s.answers).toEqual([]); // waiting for the guest
    expect(s.broker.pendingRequestId).toBe('req-1');
  });

  it('refuses at once a request from any other frame (a subframe, another window, a destroyed frame)', async () => {
    const s = setup();
    await s.request({ frame: { name: 'an iframe' } });
    await s.request({ frame: null });
    expect(s.answers).toEqual([null, null]);
    expect(s.requests).toEqual([]);
    expect(s.listings).toBe(0);
    expect(s.broker.pendingRequestId).toBeNull();
  });

  it('gives an empty thumbnail when the OS gave none, and never offers our own windows', async () => {
    const s = setup({ excludedSourceIds: () => ['window:7:0'] });
    s.sources = [source('screen:1:0', 'Screen 2', { thumb: '' }), source('window:7:0', 'Doorway'), source('window:8:0', 'Notes', { icon: null })];
    await s.request();
    expect(s.requests[0].sources.map((x) => [x.id, x.thumbnail, x.appIcon])).toEqual([
      ['screen:1:0', '', ''],
      ['window:8:0', 'data:image/png;base64,window:8:0', ''],
    ]);
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'window:7:0', shareAudio: false })).toBe(false);
  });

  it('still shows the picker (empty) when listing sources fails, so the guest can cancel', async () => {
    const s = setup({ listSources: async () => Promise.reject(new Error('capturer crashed')) });
    await s.request();
    expect(s.requests[0]).toMatchObject({ sources: [], permissionMissing: false });
    expect(s.logs).toContain('capture: listing sources failed');
  });
});

describe('capture broker: the guest chooses', () => {
  it('answers with the source main listed (the DesktopCapturerSource itself) for an offered id', async () => {
    const s = setup();
    await s.request();
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'window:42:0', shareAudio: false })).toBe(true);
    expect(s.answers).toEqual([{ video: s.sources[1] }]);
    expect(s.broker.pendingRequestId).toBeNull();
  });

  it('refuses an unknown request id, a stale one, and a source it never offered', async () => {
    const s = setup();
    await s.request();
    expect(s.broker.choose({ requestId: 'made-up', sourceId: 'screen:0:0', shareAudio: false })).toBe(false);
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'screen:99:0', shareAudio: false })).toBe(false);
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'window:42:0 ', shareAudio: false })).toBe(false);
    expect(s.answers).toEqual([]); // still pending: the guest can choose again
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'screen:0:0', shareAudio: false })).toBe(true);
    // Answered: the same id again is stale, and so is a cancel of it.
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'screen:0:0', shareAudio: false })).toBe(false);
    expect(s.broker.choose({ requestId: 'req-1', sourceId: null, shareAudio: false })).toBe(false);
    expect(s.answers).toEqual([{ video: s.sources[0] }]);
  });

  it('refuses a source that was offered once but is gone from the latest refresh (its window closed)', async () => {
    const s = setup();
    await s.request();
    s.sources = [s.sources[0]];
    await s.broker.refresh('req-1');
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'window:42:0', shareAudio: false })).toBe(false);
    expect(s.answers).toEqual([]);
  });

  it('cancel from the picker answers null and sends no cancel event back to it', async () => {
    const s = setup();
    await s.request();
    expect(s.broker.choose({ requestId: 'req-1', sourceId: null, shareAudio: false })).toBe(true);
    expect(s.answers).toEqual([null]);
    expect(s.cancelled).toEqual([]);
  });
});

describe('capture broker: system audio', () => {
  it('offers loopback audio only where the OS supports it and the page asked for audio', async () => {
    for (const [supported, requested, offered] of [
      [true, true, true],
      [true, false, false],
      [false, true, false],
      [false, false, false],
    ] as const) {
      const s = setup({ systemAudioSupported: supported });
      await s.request({ audio: requested });
      expect(s.requests[0].audioAvailable, `${supported}/${requested}`).toBe(offered);
    }
  });

  it('adds loopback only when the guest ticked it and it was offered', async () => {
    const windows = setup({ systemAudioSupported: true });
    await windows.request({ audio: true });
    windows.broker.choose({ requestId: 'req-1', sourceId: 'screen:0:0', shareAudio: true });
    expect(windows.answers).toEqual([{ video: windows.sources[0], audio: 'loopback' }]);

    const unticked = setup({ systemAudioSupported: true });
    await unticked.request({ audio: true });
    unticked.broker.choose({ requestId: 'req-1', sourceId: 'screen:0:0', shareAudio: false });
    expect(unticked.answers).toEqual([{ video: unticked.sources[0] }]);

    // A renderer claiming audio where it was never offered gets video only.
    const mac = setup({ systemAudioSupported: false });
    await mac.request({ audio: true });
    mac.broker.choose({ requestId: 'req-1', sourceId: 'screen:0:0', shareAudio: true });
    expect(mac.answers).toEqual([{ video: mac.sources[0] }]);
  });
});

describe('capture broker: permission', () => {
  it.each(['denied', 'restricted'] as const)('macOS Screen Recording %s: no sources listed, the picker explains instead', async (access) => {
    const s = setup();
    s.access = access;
    await s.request();
    expect(s.listings).toBe(0);
    expect(s.requests).toEqual([{ requestId: 'req-1', sources: [], audioAvailable: false, permissionMissing: true }]);
    // The picker keeps main informed it is open; still nothing is listed.
    expect(await s.broker.refresh('req-1')).toEqual([]);
    expect(s.listings).toBe(0);
    // The guest reads the explanation and cancels.
    expect(s.broker.choose({ requestId: 'req-1', sourceId: null, shareAudio: false })).toBe(true);
    expect(s.answers).toEqual([null]);
  });

  it.each(['granted', 'not-determined', 'unknown'] as const)('%s: sources are listed (not-determined: listing lets macOS ask)', async (access) => {
    const s = setup();
    s.access = access;
    await s.request();
    expect(s.listings).toBe(1);
    expect(s.requests[0].permissionMissing).toBe(false);
  });
});

describe('capture broker: every pending request ends', () => {
  it('a second request settles the first empty and tells its picker', async () => {
    const s = setup();
    await s.request();
    await s.request();
    expect(s.answers).toEqual([null]);
    expect(s.cancelled).toEqual(['req-1']);
    expect(s.requests.map((r) => r.requestId)).toEqual(['req-1', 'req-2']);
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'screen:0:0', shareAudio: false })).toBe(false);
    expect(s.broker.choose({ requestId: 'req-2', sourceId: 'screen:0:0', shareAudio: false })).toBe(true);
    expect(s.answers).toEqual([null, { video: s.sources[0] }]);
  });

  it('a second request while the OS is still listing for the first: the first is answered empty, never shown', async () => {
    let release: (() => void) | null = null;
    const s = setup();
    let first = true;
    s.broker = new CaptureBroker({
      listSources: () =>
        first
          ? ((first = false), new Promise<DesktopSource[]>((resolve) => (release = () => resolve(s.sources))))
          : Promise.resolve(s.sources),
      isOwnFrame: () => true,
      sendRequest: (r) => s.requests.push(r),
      sendCancelled: (id) => s.cancelled.push(id),
      systemAudioSupported: false,
      screenAccess: () => 'granted',
      newId: (() => {
        let n = 0;
        return () => `req-${++n}`;
      })(),
      log: () => undefined,
    });
    const slow = s.request();
    await s.request();
    release!();
    await slow;
    expect(s.requests.map((r) => r.requestId)).toEqual(['req-2']);
    expect(s.answers).toEqual([null]);
    expect(s.broker.pendingRequestId).toBe('req-2');
  });

  it.each(['window closed', 'page loading', 'renderer gone'])('%s: settled empty, the picker told', async (reason) => {
    const s = setup();
    await s.request();
    s.broker.cancelPending(reason);
    expect(s.answers).toEqual([null]);
    expect(s.cancelled).toEqual(['req-1']);
    expect(s.logs).toContain(`capture: request cancelled (${reason})`);
    expect(s.broker.pendingRequestId).toBeNull();
    // Nothing pending: another cancel is a no-op, and the picker's late choice is refused.
    s.broker.cancelPending(reason);
    expect(s.cancelled).toEqual(['req-1']);
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'screen:0:0', shareAudio: false })).toBe(false);
    expect(s.answers).toEqual([null]);
  });

  it('tells the picker before it answers Chromium, so the renderer knows the failure was a cancel', async () => {
    const order: string[] = [];
    const s = setup({ sendCancelled: () => order.push('told the picker') });
    await s.broker.handleRequest({ frame: OWN_FRAME, audioRequested: false }, () => order.push('answered Chromium'));
    s.broker.cancelPending('window closed');
    expect(order).toEqual(['told the picker', 'answered Chromium']);
  });

  it('a picker that stops refreshing is given up on after the timeout; refreshes keep it alive', async () => {
    const s = setup();
    await s.request();
    expect(s.timers).toHaveLength(1);
    expect(s.timers[0].ms).toBe(30_000);
    await s.broker.refresh('req-1');
    expect(s.timers[0].cancelled).toBe(true); // re-armed
    const live = s.timers.filter((t) => !t.cancelled);
    expect(live).toHaveLength(1);
    live[0].callback();
    expect(s.answers).toEqual([null]);
    expect(s.cancelled).toEqual(['req-1']);
    expect(s.logs).toContain('capture: request cancelled (the picker stopped answering)');
  });

  it('answering disarms the watchdog', async () => {
    const s = setup();
    await s.request();
    s.broker.choose({ requestId: 'req-1', sourceId: 'screen:0:0', shareAudio: false });
    expect(s.timers.every((t) => t.cancelled)).toBe(true);
  });
});

describe('capture broker: thumbnails refresh', () => {
  it('lists again for the pending id and returns fresh thumbnails; other ids get nothing', async () => {
    const s = setup();
    await s.request();
    s.sources = [source('screen:0:0', 'Entire screen', { thumb: 'data:image/png;base64,NEW' })];
    expect(await s.broker.refresh('req-1')).toEqual([{ id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: 'data:image/png;base64,NEW', appIcon: '' }]);
    expect(await s.broker.refresh('req-0')).toEqual([]);
    s.broker.choose({ requestId: 'req-1', sourceId: null, shareAudio: false });
    expect(await s.broker.refresh('req-1')).toEqual([]);
    expect(s.listings).toBe(2);
  });

  it('a window that opened since is offered (and accepted) after a refresh', async () => {
    const s = setup();
    await s.request();
    s.sources = [...s.sources, source('window:77:0', 'New window')];
    await s.broker.refresh('req-1');
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'window:77:0', shareAudio: false })).toBe(true);
    expect(s.answers).toEqual([{ video: s.sources[2] }]);
  });

  it('runs one listing at a time: refreshes that overlap share it', async () => {
    const s = setup();
    await s.request();
    const [a, b] = await Promise.all([s.broker.refresh('req-1'), s.broker.refresh('req-1')]);
    expect(a).toEqual(b);
    expect(s.listings).toBe(2); // the request's listing and one refresh
    await s.broker.refresh('req-1');
    expect(s.listings).toBe(3);
  });

  it('a failed listing during refresh returns nothing and keeps the offered sources', async () => {
    const s = setup();
    await s.request();
    const broken = s.sources;
    s.sources = null as unknown as DesktopSource[];
    expect(await s.broker.refresh('req-1')).toEqual([]);
    s.sources = broken;
    expect(s.broker.choose({ requestId: 'req-1', sourceId: 'window:42:0', shareAudio: false })).toBe(true);
  });
});

describe('capture broker: Wayland (the desktop portal chooses)', () => {
  it('answers with the one source the portal returned, without our picker', async () => {
    const s = setup({ mode: 'portal' });
    s.sources = [source('window:0:0', 'Chosen in the portal')];
    await s.request({ audio: true });
    expect(s.requests).toEqual([]);
    expect(s.answers).toEqual([{ video: s.sources[0] }]);
    expect(s.broker.pendingRequestId).toBeNull();
  });

  it('the guest closes the portal (no source): answered empty, and the renderer told it was a cancel', async () => {
    const s = setup({ mode: 'portal' });
    s.sources = [];
    await s.request();
    expect(s.answers).toEqual([null]);
    expect(s.cancelled).toEqual(['req-1']);
  });

  it('the portal failing is a cancel too, and refresh never opens the portal again', async () => {
    const s = setup({ mode: 'portal', listSources: () => Promise.reject(new Error('no portal')) });
    await s.request();
    expect(s.answers).toEqual([null]);
    expect(await s.broker.refresh('req-1')).toEqual([]);
  });

  it('ignores the permission flag (the portal asks) and frames that are not ours', async () => {
    const s = setup({ mode: 'portal' });
    s.access = 'denied';
    await s.request({ frame: {} });
    expect(s.answers).toEqual([null]);
    expect(s.listings).toBe(0);
  });
});
