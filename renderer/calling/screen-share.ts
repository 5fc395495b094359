// Process: renderer (SDK). The guest's own screen share through the SDK. `call.startScreenSharing()`
// makes the SDK call getDisplayMedia, which in Electron goes to main's display-media handler and
// our picker (main/capture, renderer/share/SharePicker.tsx); the SDK then streams what the guest
// chose. This class keeps a ScreenShareState for the views: starting, on (and what), off, why it
// could not start (without calling a cancel an error), and that it ended because the shared
// window or screen went away (the track ended; the SDK's isScreenSharingOnChanged follows).
import type { Call, LocalVideoStream } from '@azure/communication-calling';
import type { LogLevel } from '../../common/ipc-contract';
import { captureOutcomeSince } from '../share/capture-outcome';
import { SHARE_OFF, shareErrorOf, type ScreenShareState } from '../share/share-model';
import { Store, type Observable } from './model';
import { describeSdkError } from './sdk-error';
import { listen } from './sdk-events';

/** How long to wait for main's "cancelled" note, which may arrive just after the SDK's error. */
const CANCEL_NOTE_GRACE_MS = 300;

export interface ScreenShareDeps {
  /** The meeting allows the guest to share now (the shareScreen capability). */
  allowed(): boolean;
  log(level: LogLevel, message: string): void;
  delay?(ms: number): Promise<void>;
}

export class ScreenShareController {
  private readonly store = new Store<ScreenShareState>(SHARE_OFF);
  private call: Call | null = null;
  private readonly off: Array<() => void> = [];
  private unwatchTrack: (() => void) | null = null;
  private stopping = false;

  constructor(private readonly deps: ScreenShareDeps) {}

  get state(): Observable<ScreenShareState> {
    return this.store;
  }

  /** The call exists: follow its screen-sharing state. */
  attach(call: Call): void {
    this.detach();
    this.call = call;
    this.off.push(listen(call, 'isScreenSharingOnChanged', () => this.sync()));
    this.off.push(listen(call, 'localVideoStreamsUpdated', () => void this.watchTrack()));
    this.sync();
  }

  /** The call ended or the session was disposed. */
  detach(): void {
    for (const off of this.off.splice(0)) off();
    this.unwatchTrack?.();
    this.unwatchTrack = null;
    this.call = null;
    this.store.set(SHARE_OFF);
  }

  async start(): Promise<void> {
    const call = this.call;
    const current = this.store.get();
    if (current.status !== 'off') return;
    if (!this.deps.allowed()) return;
    if (!call || call.state !== 'Connected') {
      this.store.set({ ...SHARE_OFF, error: 'notConnected' });
      return;
    }
    const since = performance.now();
    this.store.set({ status: 'starting', sourceName: '', error: null, endedBySource: false });
    try {
      await call.startScreenSharing();
      // Ended while the SDK started it (the shared window closed at once, the call ended): not on.
      if (this.call !== call || this.store.get().status === 'off') return;
      const outcome = captureOutcomeSince(since);
      this.store.set({ status: 'on', sourceName: outcome?.kind === 'chosen' ? outcome.sourceName : '', error: null, endedBySource: false });
      this.deps.log('info', 'screen share: started');
      void this.watchTrack();
    } catch (error) {
      let outcome = captureOutcomeSince(since);
      if (!outcome) {
        await (this.deps.delay ?? wait)(CANCEL_NOTE_GRACE_MS);
        outcome = captureOutcomeSince(since);
      }
      if (this.call !== call) return;
      if (call.isScreenSharingOn) {
        this.sync();
        return;
      }
      const kind = shareErrorOf(error, outcome);
      this.deps.log(kind ? 'warn' : 'info', `screen share: did not start (${kind ?? 'cancelled'}): ${describeSdkError(error)}`);
      this.store.set({ ...SHARE_OFF, error: kind });
    }
  }

  async stop(): Promise<void> {
    const call = this.call;
    if (!call || this.store.get().status === 'off') return;
    this.stopping = true;
    try {
      if (call.isScreenSharingOn) await call.stopScreenSharing();
    } catch (error) {
      this.deps.log('warn', `screen share: stop failed: ${describeSdkError(error)}`);
    } finally {
      this.stopping = false;
    }
    if (this.call === call && !call.isScreenSharingOn && this.store.get().status !== 'off') this.ended(false);
  }

  /** The guest read the message. */
  dismiss(): void {
    const state = this.store.get();
    if (state.error || state.endedBySource) this.store.set({ ...state, error: null, endedBySource: false });
  }

  private sync(): void {
    const call = this.call;
    if (!call) return;
    const state = this.store.get();
    if (call.isScreenSharingOn) {
      if (state.status !== 'on') this.store.set({ ...state, status: 'on', error: null, endedBySource: false });
      void this.watchTrack();
    } else if (state.status === 'on') {
      // Not by our stop(): the SDK saw the track end, or the service stopped it.
      this.ended(!this.stopping);
    }
  }

  private ended(bySource: boolean): void {
    this.unwatchTrack?.();
    this.unwatchTrack = null;
    if (bySource) this.deps.log('info', 'screen share: ended by its source');
    this.store.set({ ...SHARE_OFF, endedBySource: bySource });
  }

  /**
   * Stops the share when what is shared goes away (the window closed, the screen unplugged):
   * its track ends. The SDK notices too; this makes sure, and says why it stopped.
   */
  private async watchTrack(): Promise<void> {
    const call = this.call;
    if (!call || this.unwatchTrack) return;
    const stream = call.localVideoStreams.find((s: LocalVideoStream) => s.mediaStreamType === 'ScreenSharing');
    if (!stream) return;
    let media: MediaStream;
    try {
      media = await stream.getMediaStream();
    } catch {
      return;
    }
    const track = media.getVideoTracks()[0];
    if (!track || this.call !== call || this.unwatchTrack) return;
    const onEnded = () => {
      if (this.call !== call) return;
      this.unwatchTrack?.();
      this.unwatchTrack = null;
      this.deps.log('info', 'screen share: the shared source ended');
      if (call.isScreenSharingOn) void call.stopScreenSharing().catch(() => undefined);
      if (this.store.get().status !== 'off') this.ended(true);
    };
    track.addEventListener('ended', onEnded);
    this.unwatchTrack = () => track.removeEventListener('ended', onEnded);
    if (track.readyState === 'ended') onEnded();
  }
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
