// Test code only, NEVER in the production bundle. The guest's own screen share in the scripted
// meeting, done the way the SDK does it in Electron: `call.startScreenSharing()` calls
// getDisplayMedia, which Electron's Chromium hands to main's setDisplayMediaRequestHandler. Here
// the page's getDisplayMedia stand-in asks the test's Node process through a binding, which calls
// the harness's real CaptureBroker with our page's main frame: main lists the sources, the real
// picker shows them, and the guest's choice (or cancel) comes back as Chromium would get it. The
// stream is a painted canvas named after the chosen source; closing that source ends its track.
import type { LocalVideoStream, MediaStreamType, VideoDeviceInfo } from '@azure/communication-calling';
import type { Harness } from '../harness';
import { mediaStreamFor, releaseMediaStream } from './video';

/** The page → Node binding standing in for Chromium → main's display-media handler. */
export const DISPLAY_MEDIA_BINDING = '__doorwayDisplayMediaRequest';

/** What main answered: the chosen source (and loopback audio), or null (denied, cancelled). */
export interface DisplayMediaGrant {
  id: string;
  name: string;
  audio: boolean;
}

/**
 * Node side: routes the page's display-media requests to the harness's CaptureBroker, as Electron
 * routes getDisplayMedia to `session.setDisplayMediaRequestHandler`. Call before harness.open().
 */
export async function routeDisplayMediaToMain(harness: Harness): Promise<void> {
  await harness.page.exposeBinding(DISPLAY_MEDIA_BINDING, (source, audioRequested: boolean) => {
    // Chromium names the requesting frame; only our page's main frame is the one main trusts.
    const frame = source.frame === harness.page.mainFrame() ? harness.contents.mainFrame : { url: source.frame.url() };
    return new Promise<DisplayMediaGrant | null>((resolve) => {
      void harness.capture.handleRequest({ frame, audioRequested: Boolean(audioRequested) }, (answer) =>
        resolve(answer ? { id: answer.video.id, name: answer.video.name, audio: answer.audio === 'loopback' } : null),
      );
    });
  });
}

/** An SDK-shaped error (message, code, subCode). */
class ShareError extends Error {
  constructor(
    message: string,
    readonly code: number,
    readonly subCode: number,
  ) {
    super(message);
    this.name = 'CallingCommunicationError';
  }
}

type DisplayMediaRequest = (audioRequested: boolean) => Promise<DisplayMediaGrant | null>;

let nextScreenStream = 1_000_000;

/** The local screen-share stream, shaped like the SDK's LocalVideoStream for a screen. */
class ScriptedLocalScreenStream {
  readonly mediaStreamType: MediaStreamType = 'ScreenSharing';
  readonly id = nextScreenStream++;
  readonly media: MediaStream;

  constructor(readonly grant: DisplayMediaGrant) {
    this.media = mediaStreamFor(this.id, grant.name, true);
  }

  get source(): VideoDeviceInfo {
    return { id: this.grant.id, name: this.grant.name, deviceType: 'ScreenSharing' };
  }
  getMediaStream(): Promise<MediaStream> {
    return Promise.resolve(this.media);
  }
  setMediaStream(): Promise<void> {
    return Promise.reject(new ShareError('not scripted', 400, 40000));
  }
  switchSource(): Promise<void> {
    return Promise.reject(new ShareError('not scripted', 400, 40000));
  }
  on(): void {}
  off(): void {}
  feature(): never {
    throw new ShareError('not scripted', 400, 40000);
  }
  dispose(): void {
    releaseMediaStream(this.id);
  }
}

/** What ScriptedCall hands over: its fields and its (protected) emit. */
export interface ShareHost {
  readonly state: string;
  isScreenSharingOn: boolean;
  localVideoStreams: LocalVideoStream[];
  readonly capabilities: { capabilities: Partial<Record<string, { isPresent: boolean; reason: string }>> };
}

/** The guest's screen share of one scripted call. */
export class ScriptedScreenShare {
  private stream: ScriptedLocalScreenStream | null = null;
  private starting = false;

  constructor(
    private readonly call: ShareHost,
    private readonly emit: (event: string, ...args: unknown[]) => void,
  ) {}

  /** Call.startScreenSharing(), with the SDK's errors. */
  async start(): Promise<void> {
    const call = this.call;
    if (call.state !== 'Connected') {
      throw new ShareError("Failed to start screen share, call is not in Connected state.", 412, 41071);
    }
    if (call.isScreenSharingOn || this.starting) throw new ShareError('Failed to start screen share, screen share is already started.', 400, 41035);
    const capability = call.capabilities.capabilities.shareScreen;
    if (capability && !capability.isPresent) throw new ShareError(`screen sharing not allowed: ${capability.reason}`, 403, 41089);
    this.starting = true;
    let grant: DisplayMediaGrant | null;
    try {
      const request = (window as unknown as Record<string, DisplayMediaRequest | undefined>)[DISPLAY_MEDIA_BINDING];
      // Without the harness's route, getDisplayMedia is refused, as in Electron without a handler.
      grant = request ? await request(true) : null;
    } finally {
      this.starting = false;
    }
    if (!grant) throw new ShareError('Failed to start screen sharing. User may have cancelled the screen share picker or permissions were denied.', 500, 60603);
    if (call.state !== 'Connected') throw new ShareError('Failed to start screen sharing', 500, 41040);
    const stream = new ScriptedLocalScreenStream(grant);
    this.stream = stream;
    const local = stream as unknown as LocalVideoStream;
    call.localVideoStreams = [...call.localVideoStreams, local];
    this.emit('localVideoStreamsUpdated', { added: [local], removed: [] });
    call.isScreenSharingOn = true;
    this.emit('isScreenSharingOnChanged');
    // As the SDK does: the shared source going away (its track ends) stops the share.
    stream.media.getVideoTracks()[0]?.addEventListener('ended', () => {
      if (this.stream === stream) void this.stop().catch(() => undefined);
    });
  }

  /** Call.stopScreenSharing(). */
  async stop(): Promise<void> {
    const stream = this.stream;
    if (!stream || !this.call.isScreenSharingOn) throw new ShareError('Failed to stop screen share, screen share is already stopped.', 400, 41041);
    this.stream = null;
    const local = stream as unknown as LocalVideoStream;
    this.call.localVideoStreams = this.call.localVideoStreams.filter((s) => s !== local);
    this.emit('localVideoStreamsUpdated', { added: [], removed: [local] });
    this.call.isScreenSharingOn = false;
    this.emit('isScreenSharingOnChanged');
    stream.dispose();
  }

  /** The call ended: sharing ends with it (no events; the call is gone). */
  end(): void {
    const stream = this.stream;
    this.stream = null;
    this.call.isScreenSharingOn = false;
    stream?.dispose();
  }

  /** What is shared now (for the test): the chosen source's name, or null. */
  get shared(): { on: boolean; source: string | null; audio: boolean } {
    return { on: this.call.isScreenSharingOn, source: this.stream?.grant.name ?? null, audio: this.stream?.grant.audio ?? false };
  }

  /** The shared window closes (or the screen is unplugged): its track ends. */
  endSource(): void {
    const track = this.stream?.media.getVideoTracks()[0];
    if (!track) throw new Error('the guest is not sharing');
    track.stop(); // stop() alone fires no 'ended'; the OS ending a capture does.
    track.dispatchEvent(new Event('ended'));
  }
}
