// Process: renderer. The scripted meeting's configuration and control surface: what the practice
// script drives, and what a development build lets the end-to-end tests drive (through
// window.__doorwayScriptedMeeting, see ../index.ts). Types only, no DOM.
import type { ScriptedDialInNumber } from './features/audio-conferencing';
import type { Received } from './received';

/** Development builds only: the page global a test sets to route joins to a scripted meeting… */
export const CONFIG_GLOBAL = '__doorwayScriptedMeetingConfig';
/** …and where that meeting's controls then appear. */
export const CONTROL_GLOBAL = '__doorwayScriptedMeeting';

export interface CapabilityValue {
  isPresent: boolean;
  reason: string;
}

export interface ScriptedMeetingConfig {
  /** Wait in the lobby until admit() (default: straight in). */
  lobby?: boolean;
  /** Participants already in the meeting when the guest gets in (default 2). */
  participants?: number;
  /** Participants the call already lists when join() returns, before any event (default 0). */
  participantsAtJoin?: number;
  /** How often a live call reads the guest's credential again, as renewals do (default 5 min). */
  tokenCheckMs?: number;
  /** How many of them have their camera on (default: all). */
  videoParticipants?: number;
  /** Features.OptimalVideoCount's value (default 9). */
  optimalVideoCount?: number;
  /** Connecting → lobby or connected after this long (default 300 ms). */
  connectDelayMs?: number;
  recording?: boolean;
  transcription?: boolean;
  consentRequired?: boolean;
  capabilities?: Record<string, CapabilityValue>;
  /** The service ends the call while connecting (e.g. 403 for a meeting that refuses guests). */
  endWhileConnecting?: { code: number; subCode?: number };
  /** How often Features.MediaStats reports a sample by itself (default 1000 ms, as the SDK; 0: only reportMediaStats). */
  mediaStatsEveryMs?: number;
  /** The test call's echo bot: its script on the clock (default 'auto'), or a step per echoBotNext(). */
  echoBot?: 'auto' | 'manual';
  /** Seed of the churn's choices. */
  seed?: number;
  /** A breakout room's call (or the main meeting's, on the way back) connects after this long (default 300 ms): the SDK's join. */
  roomConnectDelayMs?: number;
  /** The room's call starts with the main call's mute and camera (default true); false: muted, no camera. */
  roomKeepsMedia?: boolean;
  /** The service refuses the guest a room: join() fails and Teams moves no one in (default false). */
  roomJoinRefused?: boolean;
  /** The meeting's audio conferencing (Features.TeamsMeetingAudioConferencing); default none. */
  dialIn?: { conferenceId: string; numbers: ScriptedDialInNumber[] };
}

export interface BreakoutRoomScript {
  /** Teams moves people in when the room opens (default true); otherwise they choose when. */
  autoMove?: boolean;
  /** How many of the meeting's participants are in the room with the guest (default 1). */
  participants?: number;
  /** The room's settings let people go back to the main meeting by themselves (default true). */
  canReturn?: boolean;
  /** The room closes this long after it opens (only shown; closeBreakoutRoom() closes it). */
  endsInMs?: number;
}

export interface JoinRecord {
  locator: unknown;
  displayName: string | undefined;
  muted: boolean;
  video: boolean;
}

export interface ChurnOptions {
  eventsPerSecond: number;
  /** Keep the roster around this size. */
  target: number;
  /** Share of joining participants with their camera on (0..1, default 0.5). */
  videoShare?: number;
  /** Record per-event handler times and per-frame work (the benchmark). */
  measure?: boolean;
  /** What happens (default 'roster'): people coming, going, speaking, muting, cameras; or
   *  reactions from random people; or captions of one speaker after another (turn them on first);
   *  or Features.MediaStats samples (the SDK reports about one a second). */
  kind?: 'roster' | 'reactions' | 'captions' | 'mediaStats';
}

export interface ChurnStats {
  events: number;
  joins: number;
  leaves: number;
  /** Time between animation frames (ms). */
  frameIntervalsMs: number[];
  /** long-animation-frame entries' durations (ms), when the browser reports them. */
  longFramesMs: number[];
  /** What those frames spent their time on: scripts (by invoker), and style/layout/paint. */
  longFrameParts: string[];
}

export interface ScriptedMeetingControl {
  /** A call exists (the guest pressed Join). */
  hasCall(): boolean;
  callState(): string;
  joins(): JoinRecord[];
  agents(): { created: number; disposed: number };
  admit(): void;
  addParticipants(count: number, options?: { video?: boolean; muted?: boolean; name?: string; teams?: boolean }): string[];
  removeParticipants(ids: string[]): void;
  participantIds(): string[];
  setSpeaking(id: string, speaking: boolean): void;
  setMuted(id: string, muted: boolean): void;
  setVideo(id: string, on: boolean): void;
  setName(id: string, name: string): void;
  raiseHand(id: string, raised: boolean): void;
  setDominantSpeakers(ids: string[]): void;
  setCapability(name: string, isPresent: boolean, reason: string): void;
  setRecording(active: boolean): void;
  setTranscription(active: boolean): void;
  /** Consent required: unmuting and video wait for grantTeamsConsent(). */
  setConsentRequired(required: boolean): void;
  consentRequired(): boolean;
  setOptimalVideoCount(count: number): void;
  /** The organizer's spotlight list, in order: raw ids, 'self' for the guest ([] ends it). */
  setSpotlight(ids: string[]): void;
  /** Who the meeting has in the spotlight now (raw ids, 'self' for the guest). */
  spotlighted(): string[];
  /** The organizer turns together mode on (everyone seated in the scene) or off. */
  setTogetherMode(on: boolean): void;
  /** Views rendering the together-mode scene now. */
  togetherModeViews(): number;
  /** How many times the guest's app asked for the dial-in details. */
  dialInRequests(): number;
  setDiagnostic(kind: 'network' | 'media', name: string, value: boolean | number): void;
  /** The network each way, as Features.MediaStats will measure it from the next sample on. */
  setNetwork(direction: 'send' | 'receive' | 'both', conditions: { rttMs: number; lossPercent: number; jitterMs: number }): void;
  /** Features.MediaStats reports `count` samples now (the controllable clock of call quality). */
  reportMediaStats(count: number): void;
  /** Media-stats collectors the app holds (0 once it disposed them). */
  mediaStatsCollectors(): number;
  /** The test call's bot takes its next step now (greeting, recording, playing back, silent). */
  echoBotNext(): void;
  /** Where the bot is: 'none' (no test call), 'connecting', 'greeting', 'recording', 'playingBack', 'silent'. */
  echoBotStep(): string;
  /** The call goes back to Connecting (the service lost it) or Connected again. */
  setCallState(state: string): void;
  end(code: number, subCode?: number): void;
  local(): { muted: boolean; video: boolean; handRaised: boolean };
  /** A participant reacts (the SDK's reaction names: like, heart, applause, laugh, surprised). */
  react(id: string, reaction: string): void;
  /** Everything the guest's client sent the meeting so far, in order (tokens shown only by their use). */
  received(): Received[];
  /** The reactions the guest's app sent, in order. */
  sentReactions(): string[];
  /** A participant speaks with captions on: a partial result or the phrase's final text. */
  speak(id: string, text: string, final: boolean): void;
  /** Captions as the service sees them (the caption language only for Teams captions). */
  captions(): { kind: 'TeamsCaptions' | 'Captions'; active: boolean; spokenLanguage: string; captionLanguage: string };
  /** The service changes the kind of captions (CaptionsKindChanged), keeping them on or off. */
  setCaptionsKind(kind: 'TeamsCaptions' | 'Captions'): void;
  /** The service turns captions off by itself. */
  stopCaptionsByService(): void;
  /** The next start of captions fails (the service refuses). */
  failNextCaptionsStart(): void;
  /** Someone in the meeting mutes the guest. */
  muteByOthers(): void;
  /** Listeners the app keeps on the call's features (0 once the session has detached them). */
  featureListeners(): number;
  /** Remote video views rendering now (the renderer's count). */
  videoViews(): number;
  /** A remote participant starts or stops sharing their screen. */
  setScreenShare(id: string, on: boolean): void;
  /** The guest's own share as the meeting sees it: on, and the chosen source's name. */
  localScreenShare(): { on: boolean; source: string | null; audio: boolean };
  /** What the guest shares goes away (its window closes): the capture track ends. */
  endLocalScreenShareSource(): void;
  /** The organizer assigns the guest (and some participants) to a room, still closed. */
  assignBreakoutRoom(name: string, options?: BreakoutRoomScript): void;
  /** The organizer opens the rooms: the room's people leave the main meeting, and Teams moves the guest in if the room says so. */
  openBreakoutRoom(): void;
  /** The organizer closes the rooms: everyone goes back to the main meeting. */
  closeBreakoutRoom(): void;
  /** Where the guest's client is as the meeting sees it. */
  breakoutRoom(): { where: 'main' | 'room'; name: string | null; open: boolean };
  startChurn(options: ChurnOptions): void;
  stopChurn(): ChurnStats;
}
