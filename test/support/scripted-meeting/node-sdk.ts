// Test code only (Node). What the ACS Calling SDK's module gives renderer/calling/ at runtime, for
// tests that run the calling layer in Node against the scripted meeting: the SDK's own bundle
// cannot load outside a browser (it reads the page at import). Only these few values are used at
// runtime: `Features` (opaque keys, as in the SDK), `LocalVideoStream` (a camera being sent, which
// can switch source) and `VideoStreamRenderer` (needs a DOM: video is tested in Chromium).
// Everything else is the scripted meeting's, exactly as in the browser.
import type { VideoDeviceInfo } from '@azure/communication-calling';
import type { FeatureKeys } from '../../../renderer/calling/practice/sdk';
import { Emitter } from '../../../renderer/calling/practice/emitter';

// Opaque keys: the scripted meeting only compares them by identity, as the SDK does.
const key = <T>(name: string) => Object.freeze({ name }) as unknown as T;

export const Features: FeatureKeys & Record<'Captions' | 'Spotlight' | 'MediaStats' | 'TogetherMode' | 'BreakoutRooms' | 'VideoEffects' | 'AudioEffects', unknown> = {
  Capabilities: key('Capabilities'),
  Recording: key('Recording'),
  Transcription: key('Transcription'),
  DominantSpeakers: key('DominantSpeakers'),
  RaiseHand: key('RaiseHand'),
  OptimalVideoCount: key('OptimalVideoCount'),
  UserFacingDiagnostics: key('UserFacingDiagnostics'),
  Captions: key('Captions'),
  Reaction: key('Reaction'),
  Spotlight: key('Spotlight'),
  MediaStats: key('MediaStats'),
  TogetherMode: key('TogetherMode'),
  BreakoutRooms: key('BreakoutRooms'),
  TeamsMeetingAudioConferencing: key('TeamsMeetingAudioConferencing'),
  // Features of a local stream, not of the call (the effects controller's).
  VideoEffects: key('VideoEffects'),
  AudioEffects: key('AudioEffects'),
};

/** The SDK's LocalVideoStream: a camera device (or a MediaStream) the call sends. */
export class LocalVideoStream extends Emitter {
  readonly mediaStreamType = 'Video';
  source: VideoDeviceInfo | undefined;
  constructor(source: VideoDeviceInfo | MediaStream) {
    super();
    this.source = 'deviceType' in source ? source : undefined;
  }
  async switchSource(source: VideoDeviceInfo): Promise<void> {
    this.source = source;
    this.emit('videoSourceChanged');
  }
  dispose(): void {}
}

export class VideoStreamRenderer {
  constructor() {
    throw new Error('VideoStreamRenderer needs a DOM: video views are tested in Chromium (test/e2e/)');
  }
}
