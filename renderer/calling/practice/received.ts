// Process: renderer. What the meeting receives from the guest's client, action by action, as a
// Teams meeting would see it. The scripted SDK objects report each one; a listener decides what
// to do with them (the tests record them and assert on them). No DOM, no SDK code.
import type { TeamsMeetingIdLocator, TeamsMeetingLinkLocator } from '@azure/communication-calling';

/** When the meeting read the guest's credential: making the agent, joining, or a renewal. */
export type TokenUse = 'agent' | 'join' | 'renewal';

export type Received =
  | { kind: 'agent'; displayName: string | undefined }
  | { kind: 'token'; use: TokenUse; token: string }
  | { kind: 'tokenFailed'; use: TokenUse }
  | { kind: 'join'; locator: TeamsMeetingLinkLocator | TeamsMeetingIdLocator; displayName: string | undefined; muted: boolean; video: boolean; cameraId: string | null }
  | { kind: 'mute' }
  | { kind: 'unmute'; refused?: string }
  | { kind: 'startVideo'; cameraId: string | null; refused?: string }
  | { kind: 'stopVideo'; cameraId: string | null }
  | { kind: 'switchCamera'; cameraId: string | null }
  | { kind: 'raiseHand' }
  | { kind: 'reaction'; reaction: string; refused?: string }
  | { kind: 'startCaptions'; spokenLanguage: string | null }
  | { kind: 'stopCaptions' }
  | { kind: 'spokenLanguage'; language: string }
  | { kind: 'captionLanguage'; language: string; refused?: string }
  | { kind: 'lowerHand' }
  | { kind: 'startScreenShare'; source: string; audio: boolean }
  | { kind: 'stopScreenShare' }
  | { kind: 'grantConsent' }
  | { kind: 'startSpotlight'; refused?: string }
  | { kind: 'stopSpotlight'; self: boolean; refused?: string }
  | { kind: 'startTogetherMode'; refused?: string }
  | { kind: 'muteIncomingAudio' }
  | { kind: 'unmuteIncomingAudio' }
  | { kind: 'hangUp' }
  /** The test call: the bot called, by whom, muted or not. */
  | { kind: 'startCall'; participants: string[]; displayName: string | undefined; muted: boolean }
  | { kind: 'breakoutJoin'; room: string; displayName: string | undefined; muted: boolean; video: boolean; cameraId: string | null; refused?: string }
  | { kind: 'breakoutReturn'; displayName: string | undefined; muted: boolean; video: boolean };
