// Process: renderer. The guest's own screen share in the scripted meeting, done the way the SDK
// does it: `call.startScreenSharing()` asks for the screen with getDisplayMedia, which Electron
// hands to main's setDisplayMediaRequestHandler (main lists the sources, the app's picker shows
// them, the guest picks or cancels). The chosen source's stream is what the call "sends"; the
// source going away (its track ends) stops the share, as in the SDK.
import type { LocalVideoStream, MediaStreamType, VideoDeviceInfo } from '@azure/communication-calling';
import type { MeetingEnv } from './sdk';

/** What the guest chose to share: its stream, the source's name, and whether system audio comes too. */
export interface DisplayMediaGrant {
  stream: MediaStream;
  name: string;
  audio: boolean;
}

/** Asks for the screen; null when the guest cancels or it is refused. */
export type DisplayMediaSource = (audioRequested: boolean) => Promise<DisplayMediaGrant | null>;

/** The browser's getDisplayMedia (in Electron: main's picker); a refusal or cancel is null. */
export const browserDisplayMedia: DisplayMediaSource = async (audioRequested) => {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: audioRequested });
  } catch {
    return null;
  }
  const track = stream.getVideoTracks()[0];
  if (!track) return null;
  return { stream, name: track.label, audio: stream.getAudioTracks().length > 0 };
};

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

/** The local screen-share stream, shaped like the SDK's LocalVideoStream for a screen. */
class ScriptedLocalScreenStream {
  readonly mediaStreamType: MediaStreamType = 'ScreenSharing';
  readonly media: MediaStream;

  constructor(readonly grant: DisplayMediaGrant) {
    this.media = grant.stream;
  }

  get source(): VideoDeviceInfo {
    return { id: this.media.id, name: this.grant.name, deviceType: 'ScreenSharing' };
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
    for (const track of this.media.getTracks()) track.stop();
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
    private readonly env: Pick<MeetingEnv, 'displayMedia' | 'received'>,
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
      grant = await this.env.displayMedia(true);
    } finally {
      this.starting = false;
    }
    if (!grant) throw new ShareError('Failed to start screen sharing. User may have cancelled the screen share picker or permissions were denied.', 500, 60603);
    if (call.state !== 'Connected') {
      for (const track of grant.stream.getTracks()) track.stop();
      throw new ShareError('Failed to start screen sharing', 500, 41040);
    }
    this.env.received({ kind: 'startScreenShare', source: grant.name, audio: grant.audio });
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
    this.env.received({ kind: 'stopScreenShare' });
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
