// Process: main. Answers Chromium's getDisplayMedia requests with the guest's choice from our own
// picker. Each request gets an id; the renderer may only name a source main offered for that id
// (never a source object of its own); cancel, a window closing, a page reload, a second request
// and a picker that stopped answering all settle the pending one, so getDisplayMedia never hangs.
// In 'portal' mode (Linux on Wayland, see capture-strategy.ts) the desktop portal's own picker
// chooses and ours is skipped.
import type {
  CaptureChoice,
  CaptureRequest,
  CaptureSource,
  MediaAccess,
} from '../../common/ipc-contract';
import type { CaptureMode } from './capture-strategy';

/** The fields of Electron's DesktopCapturerSource that the broker uses. */
export interface DesktopSource {
  id: string;
  name: string;
  thumbnail: { isEmpty(): boolean; toDataURL(): string };
  appIcon: { isEmpty(): boolean; toDataURL(): string } | null;
}

/** What Electron's display-media callback takes: a source (and loopback audio) or null to deny. */
export type DisplayMediaAnswer = { video: DesktopSource; audio?: 'loopback' } | null;

export interface DisplayMediaRequestLike {
  frame: unknown;
  audioRequested: boolean;
}

export interface CaptureBrokerDeps {
  listSources(): Promise<DesktopSource[]>;
  /** True when the request came from our window's main frame on our own origin. */
  isOwnFrame(frame: unknown): boolean;
  sendRequest(request: CaptureRequest): void;
  sendCancelled(requestId: string): void;
  /** Loopback system audio is only offered where the OS supports it (Windows). */
  systemAudioSupported: boolean;
  screenAccess(): MediaAccess;
  newId(): string;
  log(message: string): void;
  /** 'picker' (default): our picker chooses; 'portal': the desktop portal already chose. */
  mode?: CaptureMode;
  /** Sources never offered: Doorway's own windows (sharing them would mirror the meeting). */
  excludedSourceIds?(): readonly string[];
  /** Arms the picker watchdog; returns its cancel. Without it, no watchdog. */
  setTimer?(callback: () => void, ms: number): () => void;
  /** How long the picker may stay silent (it refreshes every few seconds) before main gives up. */
  pickerTimeoutMs?: number;
}

/** The picker refreshes every 3 s; ten missed refreshes means nobody is showing it. */
export const PICKER_TIMEOUT_MS = 30_000;

interface Pending {
  id: string;
  sources: Map<string, DesktopSource>;
  audioAvailable: boolean;
  /** macOS Screen Recording was missing: nothing was listed, and refreshes list nothing either. */
  permissionMissing: boolean;
  answer(result: DisplayMediaAnswer): void;
  refreshing: Promise<CaptureSource[]> | null;
  disarm: (() => void) | null;
}

export class CaptureBroker {
  private pending: Pending | null = null;

  constructor(private readonly deps: CaptureBrokerDeps) {}

  /** Electron's `setDisplayMediaRequestHandler` handler. */
  async handleRequest(request: DisplayMediaRequestLike, callback: (answer: DisplayMediaAnswer) => void): Promise<void> {
    if (!this.deps.isOwnFrame(request.frame)) {
      this.deps.log('capture: refused a request from a frame that is not ours');
      callback(null);
      return;
    }
    this.cancelPending('superseded');
    const id = this.deps.newId();
    const pending: Pending = {
      id,
      sources: new Map(),
      audioAvailable: this.deps.systemAudioSupported && request.audioRequested,
      permissionMissing: false,
      answer: once(callback),
      refreshing: null,
      disarm: null,
    };
    this.pending = pending;

    if (this.deps.mode === 'portal') {
      await this.answerFromPortal(pending);
      return;
    }

    const permissionMissing = isMissing(this.deps.screenAccess());
    pending.permissionMissing = permissionMissing;
    let sources: CaptureSource[] = [];
    if (!permissionMissing) {
      try {
        sources = this.remember(pending, await this.deps.listSources());
      } catch {
        this.deps.log('capture: listing sources failed');
      }
    }
    // A newer request may have replaced this one while the OS listed sources.
    if (this.pending !== pending) return;
    this.deps.sendRequest({ requestId: id, sources, audioAvailable: pending.audioAvailable, permissionMissing });
    this.arm(pending);
  }

  /**
   * Fresh thumbnails while the picker is open (each call also tells main the picker is alive).
   * Unknown ids get nothing. One listing at a time.
   */
  async refresh(requestId: string): Promise<CaptureSource[]> {
    const pending = this.pending;
    if (!pending || pending.id !== requestId || this.deps.mode === 'portal') return [];
    this.arm(pending);
    if (pending.permissionMissing) return [];
    pending.refreshing ??= (async () => {
      try {
        const sources = await this.deps.listSources().catch(() => null);
        if (!sources || this.pending !== pending) return [];
        return this.remember(pending, sources);
      } finally {
        pending.refreshing = null;
      }
    })();
    return pending.refreshing;
  }

  /** The guest chose (or cancelled). False when the id or the source was never offered. */
  choose(choice: CaptureChoice): boolean {
    const pending = this.pending;
    if (!pending || pending.id !== choice.requestId) {
      this.deps.log('capture: refused a choice for a request that is not pending');
      return false;
    }
    if (choice.sourceId === null) {
      this.deps.log('capture: the guest cancelled');
      this.settle(pending, null);
      return true;
    }
    const source = pending.sources.get(choice.sourceId);
    if (!source) {
      this.deps.log('capture: refused a source that was not offered');
      return false;
    }
    const audio = choice.shareAudio && pending.audioAvailable ? ({ audio: 'loopback' } as const) : {};
    this.settle(pending, { video: source, ...audio });
    return true;
  }

  /** Settles the pending request empty (window closed, page reloaded, superseded). */
  cancelPending(reason: string): void {
    const pending = this.pending;
    if (!pending) return;
    this.deps.log(`capture: request cancelled (${reason})`);
    // The picker hears first, so the renderer knows the failing getDisplayMedia was no error.
    this.deps.sendCancelled(pending.id);
    this.settle(pending, null);
  }

  get pendingRequestId(): string | null {
    return this.pending?.id ?? null;
  }

  private async answerFromPortal(pending: Pending): Promise<void> {
    let chosen: DesktopSource | undefined;
    try {
      // Opens the portal's picker; it returns the one source the guest chose, or none.
      chosen = (await this.deps.listSources())[0];
    } catch {
      this.deps.log('capture: the desktop portal failed');
    }
    if (this.pending !== pending) return;
    if (chosen) this.settle(pending, { video: chosen });
    else this.cancelPending('the desktop portal chose nothing');
  }

  private arm(pending: Pending): void {
    if (!this.deps.setTimer) return;
    pending.disarm?.();
    pending.disarm = this.deps.setTimer(() => {
      if (this.pending === pending) this.cancelPending('the picker stopped answering');
    }, this.deps.pickerTimeoutMs ?? PICKER_TIMEOUT_MS);
  }

  private settle(pending: Pending, answer: DisplayMediaAnswer): void {
    if (this.pending === pending) this.pending = null;
    pending.disarm?.();
    pending.disarm = null;
    pending.answer(answer);
  }

  private remember(pending: Pending, listed: DesktopSource[]): CaptureSource[] {
    const excluded = new Set(this.deps.excludedSourceIds?.() ?? []);
    const sources = listed.filter((source) => !excluded.has(source.id));
    pending.sources = new Map(sources.map((source) => [source.id, source]));
    return sources.map(toCaptureSource);
  }
}

function toCaptureSource(source: DesktopSource): CaptureSource {
  return {
    id: source.id,
    name: source.name,
    kind: source.id.startsWith('screen:') ? 'screen' : 'window',
    thumbnail: source.thumbnail.isEmpty() ? '' : source.thumbnail.toDataURL(),
    appIcon: source.appIcon && !source.appIcon.isEmpty() ? source.appIcon.toDataURL() : '',
  };
}

function isMissing(access: MediaAccess): boolean {
  return access === 'denied' || access === 'restricted';
}

function once<T>(fn: (value: T) => void): (value: T) => void {
  let called = false;
  return (value) => {
    if (called) return;
    called = true;
    fn(value);
  };
}
