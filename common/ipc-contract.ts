// The one IPC contract: every channel between main and the renderer, with its request and reply
// types. Main registers a handler per invoke channel (and validates each payload against a schema
// keyed by the same names); the preload turns each entry into one narrow bridge function; the
// renderer calls those. Nothing else crosses the process boundary.
import type { Locale } from './i18n';
import type { InvitationErrorCode, InvitationMeeting } from './invitation';
import type { InviteResult, JoinableInvite } from './meeting';

export type TokenErrorCode =
  | 'notConfigured'
  | 'offline'
  | 'unreachable'
  | 'refused'
  | 'rateLimited'
  | 'serviceError'
  | 'badResponse'
  | 'timeout';

export type TokenReply =
  /** `chatEndpoint`: the ACS resource (https://<name>.communication.azure.com) for meeting chat, when the service grants chat. */
  | { ok: true; token: string; expiresOnMs: number; chatEndpoint?: string }
  | { ok: false; error: TokenErrorCode };

/**
 * Why an invitation could not be read or verified: the service's own codes (common/invitation.ts)
 * plus the app's; each has an `invitation.error.<code>` message.
 */
export type InvitationFailure =
  | InvitationErrorCode
  /** No service in the build (branding `serviceUrl`). */
  | 'notConfigured'
  | 'offline'
  | 'unreachable'
  | 'timeout'
  | 'badResponse'
  /** The service answered, but its join URL is not a Teams meeting Doorway can join (main re-parses it). */
  | 'notJoinable';

/** An invitation as the join screen shows it; `invite` is main's own parse of the service's join URL. */
export type InvitationReply =
  | { ok: true; status: 'open'; meeting: InvitationMeeting; invite: JoinableInvite; guestName?: string }
  | { ok: true; status: 'verificationRequired'; meeting: InvitationMeeting; emailHint: string }
  | { ok: false; error: InvitationFailure; attemptsLeft?: number };

export type InvitationCodeReply = { ok: true; expiresInSeconds: number } | { ok: false; error: InvitationFailure };

export type ThemeSetting = 'system' | 'light' | 'dark';

/** The background effect the guest chose: none, blur, one of the organization's pictures, or their own. */
export type BackgroundEffectSetting = 'none' | 'blur' | 'custom' | `brand:${string}`;

/** One of the organization's backgrounds (branding `backgrounds`), served with the app's own files. */
export interface BrandBackground {
  id: string;
  /** The organization's name for it, as written in the branding file. */
  label: string;
  /** Same-origin path, e.g. /backgrounds/harbour.jpg. */
  url: string;
}

export type BackgroundImageType = 'image/png' | 'image/jpeg' | 'image/webp';

/** The guest's own background picture, as bytes (the renderer makes a blob: URL of them). */
export interface BackgroundImage {
  type: BackgroundImageType;
  bytes: Uint8Array;
}

/** Why a background picture was not taken; each has an `effects.image.<code>` message. */
export type BackgroundImageError = 'cancelled' | 'tooLarge' | 'notImage' | 'unreadable' | 'notSaved' | 'missing';

export type BackgroundImageReply = { ok: true; image: BackgroundImage } | { ok: false; error: BackgroundImageError };
export type LanguageSetting = 'system' | Locale;

/** What the guest chose last time; main owns the file, the renderer reads and patches it. */
export interface Settings {
  displayName: string;
  language: LanguageSetting;
  theme: ThemeSetting;
  cameraOn: boolean;
  microphoneOn: boolean;
  cameraId: string;
  microphoneId: string;
  speakerId: string;
  backgroundEffect: BackgroundEffectSetting;
  /** Noise suppression on the microphone (the effects package's, else the browser's own). */
  noiseSuppression: boolean;
  /** Live captions' language (ISO 639-1, as Teams lists them); '' for the spoken language. */
  captionLanguage: string;
  /** The meeting's layout: everyone in a gallery, the speaker large, or the shared content only. */
  meetingLayout: 'gallery' | 'speaker' | 'content';
  /** During a meeting, the small always-on-top window while the meeting window is minimized or not in front. */
  miniWindow: boolean;
}

export interface AppInfo {
  productName: string;
  version: string;
  platform: 'darwin' | 'win32' | 'linux' | 'other';
  /** The shipped locale that best fits the OS's preferred languages, used when the setting is 'system'. */
  systemLanguage: Locale;
  accentColor: string;
  /** The organization's background pictures (may be empty). */
  backgrounds: BrandBackground[];
  supportUrl: string | null;
  tokenServiceConfigured: boolean;
  /** True when the app runs from source (unpackaged): a missing token service is explained to a developer. */
  runningFromSource: boolean;
  settings: Settings;
  /** True when main recovered from a corrupt settings file at start-up. */
  settingsRecovered: boolean;
  /** True when the settings cannot be saved in this run (the file or profile folder is unusable). */
  settingsInMemory: boolean;
}

export type MediaKind = 'camera' | 'microphone' | 'screen';
export type MediaAccess = 'granted' | 'denied' | 'restricted' | 'not-determined' | 'unknown';

/** A meeting for the join screen; never joined without the guest pressing Join. */
export interface JoinRequest {
  invite: InviteResult;
  /** 'recovered': the window restarted after a crash and offers the meeting the guest was in. */
  reason?: 'link' | 'recovered';
}

/**
 * The call as main needs to know it: to ask before closing or switching, to offer the meeting
 * again after a crash, and for "Copy diagnostics".
 */
export interface CallPresence {
  inMeeting: boolean;
  /** The meeting's normalized link (InviteResult.normalized); main parses it again itself. */
  meeting?: string;
  /** The ACS call id, once the call has one. */
  callId?: string;
}

export interface CaptureSource {
  id: string;
  name: string;
  kind: 'screen' | 'window';
  /** PNG data URL of a thumbnail, or '' when the OS gave none. */
  thumbnail: string;
  appIcon: string;
}

export interface CaptureRequest {
  requestId: string;
  sources: CaptureSource[];
  /** Whether system audio can be shared along (loopback, Windows only). */
  audioAvailable: boolean;
  /** macOS: Screen Recording permission is missing; the picker explains instead. */
  permissionMissing: boolean;
}

export interface CaptureChoice {
  requestId: string;
  /** null cancels. */
  sourceId: string | null;
  shareAudio: boolean;
}

/** What the always-on-top sharing controls show; the meeting window sends it, main relays it. */
export interface ShareControlsState {
  /** The guest is sharing their screen (the controls exist only then). */
  sharing: boolean;
  muted: boolean;
  /** False when the meeting does not let the guest unmute. */
  canUnmute: boolean;
  /** The display name of whoever is speaking now, or null. */
  speaker: string | null;
}

/** A button the guest pressed in the sharing controls. */
export type ShareControlAction = 'stopSharing' | 'toggleMute' | 'showMeeting';

/** The sharing controls' first paint: the guest's language and look, and the current state. */
export interface ShareControlsView {
  language: Locale;
  theme: ThemeSetting;
  accentColor: string;
  state: ShareControlsState;
}

/** What the meeting's mini window shows; the meeting window sends it, main relays it. */
export interface MiniWindowState {
  /** In a meeting (connected): the mini window exists only then. */
  inMeeting: boolean;
  /** Sharing the screen: the sharing controls stand in for the mini window meanwhile. */
  sharing: boolean;
  muted: boolean;
  canUnmute: boolean;
  videoOn: boolean;
  canTurnVideoOn: boolean;
  /** Who the stage shows: the active speaker (or the first person there), whether they speak now. */
  speaker: { name: string; initials: string; speaking: boolean } | null;
}

/** A button the guest pressed in the mini window (a click elsewhere in it is 'showMeeting'). */
export type MiniWindowAction = 'toggleMute' | 'toggleCamera' | 'leave' | 'showMeeting';

/** The mini window's first paint. */
export interface MiniWindowView {
  language: Locale;
  theme: ThemeSetting;
  accentColor: string;
  state: MiniWindowState;
}

export type LogLevel = 'info' | 'warn' | 'error';

export interface InvokeContract {
  rendererReady: { request: void; reply: AppInfo };
  parseInvite: { request: string; reply: InviteResult };
  /** The invitation's meeting, from the configured service only (never a host from a link). */
  getInvitation: { request: { id: string }; reply: InvitationReply };
  /** Bound invitation: email a one-time code to the bound address. */
  requestInvitationCode: { request: { id: string }; reply: InvitationCodeReply };
  /** Bound invitation: check the code; the grant it earns stays in main. */
  verifyInvitationCode: { request: { id: string; code: string }; reply: InvitationReply };
  getToken: { request: { displayName: string }; reply: TokenReply };
  prefetchToken: { request: { displayName: string }; reply: void };
  updateSettings: { request: Partial<Settings>; reply: Settings };
  mediaAccess: { request: MediaKind; reply: MediaAccess };
  openMediaSettings: { request: MediaKind; reply: boolean };
  setCallPresence: { request: CallPresence; reply: void };
  refreshCaptureSources: { request: { requestId: string }; reply: CaptureSource[] };
  chooseCaptureSource: { request: CaptureChoice; reply: boolean };
  log: { request: { level: LogLevel; message: string }; reply: void };
  /** Meeting window: the share as the sharing controls should show it. */
  setShareControls: { request: ShareControlsState; reply: void };
  /** Sharing-controls window only: its first paint. */
  shareControlsReady: { request: void; reply: ShareControlsView };
  /** Sharing-controls window only: the guest pressed a button. */
  shareControlAction: { request: ShareControlAction; reply: void };
  /** Meeting window: what the mini window should show. */
  setMiniWindow: { request: MiniWindowState; reply: void };
  /** Mini window only: its first paint. */
  miniWindowReady: { request: void; reply: MiniWindowView };
  /** Mini window only: the guest pressed a button or clicked it. */
  miniWindowAction: { request: MiniWindowAction; reply: void };
  /** The OS file dialog for the guest's own background picture; main checks and keeps a copy. */
  chooseBackgroundImage: { request: void; reply: BackgroundImageReply };
  /** The picture chosen in an earlier run, checked again. */
  savedBackgroundImage: { request: void; reply: BackgroundImageReply };
}

export interface EventContract {
  /** A meeting link arrived from the OS; show it on the join screen. */
  joinRequested: JoinRequest;
  /** The app is closing during a meeting and the guest agreed: leave the call now. */
  leaveRequested: void;
  /** Chromium asked for a screen to share; show the picker. */
  captureRequested: CaptureRequest;
  /** The pending capture request ended without the picker (window closed, superseded). */
  captureCancelled: { requestId: string };
  /** To the sharing-controls window: what to show now. */
  shareControlsChanged: ShareControlsState;
  /** To the meeting window: the guest pressed Stop or Mute in the sharing controls. */
  shareControlRequested: Exclude<ShareControlAction, 'showMeeting'>;
  /** To the mini window: what to show now. */
  miniWindowChanged: MiniWindowState;
  /** To the meeting window: the guest pressed Mute, Camera or Leave in the mini window. */
  miniWindowRequested: Exclude<MiniWindowAction, 'showMeeting'>;
}

export type InvokeName = keyof InvokeContract;
export type EventName = keyof EventContract;

/** Channel names on the wire. A record (not a list) so adding a contract entry forces a name. */
export const invokeChannels: { readonly [K in InvokeName]: `doorway:${K}` } = {
  rendererReady: 'doorway:rendererReady',
  parseInvite: 'doorway:parseInvite',
  getInvitation: 'doorway:getInvitation',
  requestInvitationCode: 'doorway:requestInvitationCode',
  verifyInvitationCode: 'doorway:verifyInvitationCode',
  getToken: 'doorway:getToken',
  prefetchToken: 'doorway:prefetchToken',
  updateSettings: 'doorway:updateSettings',
  mediaAccess: 'doorway:mediaAccess',
  openMediaSettings: 'doorway:openMediaSettings',
  setCallPresence: 'doorway:setCallPresence',
  refreshCaptureSources: 'doorway:refreshCaptureSources',
  chooseCaptureSource: 'doorway:chooseCaptureSource',
  log: 'doorway:log',
  setShareControls: 'doorway:setShareControls',
  shareControlsReady: 'doorway:shareControlsReady',
  shareControlAction: 'doorway:shareControlAction',
  setMiniWindow: 'doorway:setMiniWindow',
  miniWindowReady: 'doorway:miniWindowReady',
  miniWindowAction: 'doorway:miniWindowAction',
  chooseBackgroundImage: 'doorway:chooseBackgroundImage',
  savedBackgroundImage: 'doorway:savedBackgroundImage',
};

export const eventChannels: { readonly [K in EventName]: `doorway:on:${K}` } = {
  joinRequested: 'doorway:on:joinRequested',
  leaveRequested: 'doorway:on:leaveRequested',
  captureRequested: 'doorway:on:captureRequested',
  captureCancelled: 'doorway:on:captureCancelled',
  shareControlsChanged: 'doorway:on:shareControlsChanged',
  shareControlRequested: 'doorway:on:shareControlRequested',
  miniWindowChanged: 'doorway:on:miniWindowChanged',
  miniWindowRequested: 'doorway:on:miniWindowRequested',
};

type Invoker<K extends InvokeName> = InvokeContract[K]['request'] extends void
  ? () => Promise<InvokeContract[K]['reply']>
  : (request: InvokeContract[K]['request']) => Promise<InvokeContract[K]['reply']>;

type Subscriber<K extends EventName> = (
  listener: (payload: EventContract[K]) => void,
) => () => void;

/** The object the preload puts on `window.doorway`. */
export type DoorwayBridge = { readonly [K in InvokeName]: Invoker<K> } & {
  readonly on: { readonly [K in EventName]: Subscriber<K> };
};

/** The global name of the bridge in the renderer. */
export const BRIDGE_GLOBAL = 'doorway';
