// Process: renderer. The scripted meeting's stand-ins for the ACS Calling SDK's objects: classes
// that implement the SDK's own TypeScript interfaces (CallAgent, Call, RemoteParticipant,
// RemoteVideoStream; the call features are in features/), so renderer/calling/ drives them exactly
// as it drives the SDK. The practice meeting runs on them, and so do the tests. The `script*`
// methods are the meeting's side: ScriptedMeeting (meeting.ts) calls them to make things happen,
// and they emit the same events, in the same order, as the SDK does. Every guest action is
// reported to `received` (what a Teams meeting would receive). SDK imports are types only: this
// never loads the SDK's code and never opens a connection.
import type {
  CallAgentKind,
  CallKind,
  Features,
  AdmitAllOperationResult,
  Call,
  CallAgent,
  CallEndReason,
  CallFeature,
  CallFeatureFactory,
  CallInfo,
  CallState,
  CapabilityResolutionReason,
  JoinCallOptions,
  LocalAudioStream,
  LocalVideoStream,
  Lobby,
  MediaStreamType,
  ParticipantCapabilityName,
  ParticipantRole,
  RemoteAudioStream,
  RemoteParticipant,
  RemoteParticipantState,
  RemoteVideoStream,
  StartCallOptions,
  StreamSize,
  TeamsMeetingIdLocator,
  TeamsMeetingLinkLocator,
} from '@azure/communication-calling';
import type { CommunicationIdentifier, CommunicationIdentifierKind, CommunicationTokenCredential, CommunicationUserIdentifier } from '@azure/communication-common';
import type { Clock } from './clock';
import { Emitter } from './emitter';
import { ScriptedCallingError, notScripted } from './errors';
import { ScriptedCapabilities } from './features/capabilities';
import { ScriptedDominantSpeakers } from './features/dominant-speakers';
import { ScriptedUserFacingDiagnostics } from './features/diagnostics';
import { ScriptedOptimalVideoCount } from './features/optimal-video-count';
import { ScriptedRaiseHand, type HandIdentifier } from './features/raise-hand';
import { ScriptedReactions } from './features/reactions';
import { ScriptedCaptions } from './features/captions';
import { ScriptedBreakoutRooms } from './features/breakout-rooms';
import { ScriptedMediaStats } from './features/media-stats';
import { ConsentState, ScriptedRecording } from './features/recording';
import { ScriptedTranscription } from './features/transcription';
import { ScriptedSpotlight } from './features/spotlight';
import { ScriptedTogetherMode } from './features/together-mode';
import { ScriptedAudioConferencing } from './features/audio-conferencing';
import type { Received, TokenUse } from './received';
import { ScriptedScreenShare, type DisplayMediaSource } from './screen-share';
import { mediaStreamFor, releaseMediaStream } from './video';

/** The ACS test bot's id (the test call's only callee). */
export const ECHO_BOT = '8:echo123';

/** The SDK's `Features` (acs.ts passes the SDK's own): `call.feature()` looks features up by these keys. */
export type FeatureKeys = Pick<
  typeof Features,
  'Capabilities' | 'Recording' | 'Transcription' | 'DominantSpeakers' | 'RaiseHand' | 'OptimalVideoCount' | 'UserFacingDiagnostics' | 'Reaction' | 'Captions' | 'BreakoutRooms' | 'MediaStats' | 'Spotlight' | 'TogetherMode' | 'TeamsMeetingAudioConferencing'
>;

/** What every scripted call shares with its meeting: how to report, time, and the SDK's feature keys. */
export interface MeetingEnv {
  readonly features: FeatureKeys;
  readonly clock: Clock;
  /** Where the guest's own screen share comes from (getDisplayMedia in the app). */
  readonly displayMedia: DisplayMediaSource;
  /** How often media-stats samples come by themselves (0: only when the meeting reports them). */
  readonly mediaStatsEveryMs: number;
  received: (action: Received) => void;
}

// ---- video streams ---------------------------------------------------------------------------

let nextStreamId = 1;

export class ScriptedRemoteVideoStream extends Emitter implements RemoteVideoStream {
  readonly id = nextStreamId++;
  isAvailable: boolean;
  isReceiving: boolean;
  size: StreamSize = { width: 320, height: 180 };
  /** How many views render this stream now (checked by tests against the optimal count). */
  views = 0;

  constructor(
    readonly mediaStreamType: MediaStreamType,
    readonly label: string,
    available: boolean,
  ) {
    super();
    this.isAvailable = available;
    this.isReceiving = available;
  }

  getMediaStream(): Promise<MediaStream> {
    if (!this.isAvailable) return Promise.reject(new ScriptedCallingError('stream is not available', 400, 43100));
    return Promise.resolve(mediaStreamFor(this.id, this.label, this.mediaStreamType === 'ScreenSharing'));
  }

  scriptAvailable(available: boolean): void {
    if (this.isAvailable === available) return;
    this.isAvailable = available;
    this.emit('isAvailableChanged');
    this.isReceiving = available;
    this.emit('isReceivingChanged');
    if (!available) releaseMediaStream(this.id);
  }
}

// ---- remote participants --------------------------------------------------------------------

export interface ParticipantScript {
  name: string;
  /** Teams users have an org id; ACS users an ACS id. */
  teams?: boolean;
  /** A given ACS id (the test bot's) instead of a numbered one. */
  acsId?: string;
  video?: boolean;
  muted?: boolean;
  screenShare?: boolean;
  role?: ParticipantRole;
}

let nextParticipant = 1;

export class ScriptedRemoteParticipant extends Emitter implements RemoteParticipant {
  readonly identifier: CommunicationIdentifierKind;
  /** The identifier's raw id, as getIdentifierRawId gives it. */
  readonly rawId: string;
  displayName?: string;
  readonly endpointDetails = [{ participantId: crypto.randomUUID() }];
  state: RemoteParticipantState = 'Connecting';
  callEndReason?: CallEndReason;
  videoStreams: RemoteVideoStream[];
  isMuted: boolean;
  isSpeaking = false;
  role: ParticipantRole;
  readonly camera: ScriptedRemoteVideoStream;
  readonly screen: ScriptedRemoteVideoStream;

  constructor(script: ParticipantScript) {
    super();
    const n = nextParticipant++;
    this.identifier = script.teams
      ? { kind: 'microsoftTeamsUser', microsoftTeamsUserId: `0000${n}`.slice(-5) + '-scripted-teams-user', isAnonymous: false, cloud: 'public', rawId: `8:orgid:${`0000${n}`.slice(-5)}-scripted-teams-user` }
      : { kind: 'communicationUser', communicationUserId: script.acsId ?? `8:acs:scripted_${n}` };
    this.rawId = this.identifier.kind === 'microsoftTeamsUser' ? this.identifier.rawId! : (this.identifier as CommunicationUserIdentifier).communicationUserId;
    this.displayName = script.name;
    this.isMuted = script.muted ?? true;
    this.role = script.role ?? 'Attendee';
    this.camera = new ScriptedRemoteVideoStream('Video', script.name, script.video ?? false);
    this.screen = new ScriptedRemoteVideoStream('ScreenSharing', `${script.name} screen`, script.screenShare ?? false);
    // As the service does: a screen-share stream exists while the participant shares.
    this.videoStreams = script.screenShare ? [this.camera, this.screen] : [this.camera];
  }

  /** Starts or stops sharing: the stream is added (videoStreamsUpdated), then becomes available, and the reverse. */
  scriptScreenShare(on: boolean): void {
    const listed = this.videoStreams.includes(this.screen);
    if (on) {
      if (!listed) {
        this.videoStreams = [...this.videoStreams, this.screen];
        this.emit('videoStreamsUpdated', { added: [this.screen], removed: [] });
      }
      this.screen.scriptAvailable(true);
    } else {
      this.screen.scriptAvailable(false);
      if (listed) {
        this.videoStreams = this.videoStreams.filter((stream) => stream !== this.screen);
        this.emit('videoStreamsUpdated', { added: [], removed: [this.screen] });
      }
    }
  }

  mute(): Promise<void> {
    return notScripted('muting others');
  }

  scriptState(state: RemoteParticipantState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('stateChanged');
  }

  scriptMuted(muted: boolean): void {
    if (this.isMuted === muted) return;
    this.isMuted = muted;
    this.emit('isMutedChanged');
    if (muted) this.scriptSpeaking(false);
  }

  scriptSpeaking(speaking: boolean): void {
    if (this.isSpeaking === speaking) return;
    this.isSpeaking = speaking;
    this.emit('isSpeakingChanged');
  }

  scriptName(name: string): void {
    this.displayName = name;
    this.emit('displayNameChanged', { newValue: name, reason: 'editedDisplayName' });
  }
}

class ScriptedLobby extends Emitter implements Lobby {
  readonly participants: RemoteParticipant[] = [];
  admit(): Promise<void> {
    return Promise.reject(new ScriptedCallingError('a guest cannot manage the lobby', 403, 10403));
  }
  reject(): Promise<void> {
    return Promise.reject(new ScriptedCallingError('a guest cannot manage the lobby', 403, 10403));
  }
  admitAll(): Promise<AdmitAllOperationResult> {
    return Promise.reject(new ScriptedCallingError('a guest cannot manage the lobby', 403, 10403));
  }
}

// ---- the call -------------------------------------------------------------------------------

export interface CallHooks {
  /** The guest's own identifier (from the token), for raise hand. */
  self: () => HandIdentifier;
  onHangUp(call: ScriptedCall): void;
}

/** The camera a LocalVideoStream sends (its source's id), or null for a stream without one. */
function cameraOf(stream: LocalVideoStream | undefined): string | null {
  return stream?.source?.id ?? null;
}

let nextCall = 1;

export class ScriptedCall extends Emitter implements Call {
  readonly kind = 'Call' as CallKind.Call;
  id = `scripted-call-${nextCall++}-${crypto.randomUUID().slice(0, 8)}`;
  readonly callerInfo = { identifier: undefined, displayName: undefined };
  state: CallState = 'None';
  callEndReason?: CallEndReason;
  readonly direction = 'Outgoing' as const;
  isMuted: boolean;
  isIncomingAudioMuted = false;
  isScreenSharingOn = false;
  isLocalVideoStarted: boolean;
  localVideoStreams: LocalVideoStream[];
  readonly localAudioStreams: LocalAudioStream[];
  readonly remoteAudioStreams: RemoteAudioStream[] = [];
  remoteParticipants: ScriptedRemoteParticipant[] = [];
  role: ParticipantRole = 'Attendee';
  readonly lobby = new ScriptedLobby();
  readonly info: CallInfo;

  readonly consent: ConsentState;
  readonly capabilities = new ScriptedCapabilities();
  readonly recording: ScriptedRecording;
  readonly transcription: ScriptedTranscription;
  readonly dominantSpeakers: ScriptedDominantSpeakers;
  readonly raiseHandFeature: ScriptedRaiseHand;
  readonly optimalVideoCount: ScriptedOptimalVideoCount;
  readonly diagnostics = new ScriptedUserFacingDiagnostics();
  readonly captions: ScriptedCaptions;
  readonly reactions: ScriptedReactions;
  readonly breakoutRooms = new ScriptedBreakoutRooms();
  readonly mediaStats: ScriptedMediaStats;
  readonly spotlight: ScriptedSpotlight;
  readonly togetherMode: ScriptedTogetherMode;
  readonly audioConferencing = new ScriptedAudioConferencing();
  /** The guest's own screen share, routed to main's picker like Electron does (screen-share.ts). */
  readonly screenShare: ScriptedScreenShare;
  private readonly features: Map<unknown, CallFeature>;
  private readonly watched = new Map<LocalVideoStream, () => void>();

  constructor(
    readonly locator: TeamsMeetingLinkLocator | TeamsMeetingIdLocator | OneToOneLocator,
    readonly options: JoinCallOptions | undefined,
    private readonly hooks: CallHooks,
    optimalVideoCount: number,
    private readonly env: MeetingEnv,
  ) {
    super();
    this.isMuted = options?.audioOptions?.muted ?? false;
    this.localVideoStreams = [...(options?.videoOptions?.localVideoStreams ?? [])];
    // The microphone stream the guest joins with (its AudioEffects feature is the real SDK's).
    this.localAudioStreams = [...(options?.audioOptions?.localAudioStreams ?? [])];
    this.isLocalVideoStarted = this.localVideoStreams.length > 0;
    for (const stream of this.localVideoStreams) this.watchCamera(stream);
    this.dominantSpeakers = new ScriptedDominantSpeakers(env.clock);
    this.screenShare = new ScriptedScreenShare(this, (event, ...args) => this.emit(event, ...args), env);
    const callId = this.id;
    this.info = {
      groupId: undefined,
      threadId: '19:meeting_scripted@thread.v2',
      participantId: crypto.randomUUID(),
      getServerCallId: () => Promise.resolve(`server-${callId}`),
      onCallInfoChanged: () => undefined,
      offCallInfoChanged: () => undefined,
    };
    this.consent = new ConsentState(() => {
      // Consent given: what was held back for it is allowed again.
      const restore: Partial<Record<ParticipantCapabilityName, { isPresent: boolean; reason: CapabilityResolutionReason }>> = {};
      for (const [name, value] of Object.entries(this.capabilities.capabilities) as [ParticipantCapabilityName, { isPresent: boolean; reason: CapabilityResolutionReason }][]) {
        if (value.reason === 'ExplicitConsentRequired') restore[name] = { isPresent: true, reason: 'Capable' };
      }
      if (Object.keys(restore).length > 0) this.capabilities.scriptSet(restore);
    }, env.received);
    this.recording = new ScriptedRecording(this.consent);
    this.transcription = new ScriptedTranscription(this.consent);
    this.raiseHandFeature = new ScriptedRaiseHand(hooks.self, env.received);
    this.optimalVideoCount = new ScriptedOptimalVideoCount(optimalVideoCount);
    this.reactions = new ScriptedReactions(() => this.capabilities.capabilities.useReactions.isPresent, env.received);
    this.captions = new ScriptedCaptions(() => this.capabilities.capabilities.setCaptionLanguage.isPresent, env.received);
    // Remote video arrives only for streams the app renders (as the SDK subscribes on render).
    const mediaNow = () => ({
      sendingVideo: this.isLocalVideoStarted,
      remoteAudio: this.remoteParticipants.length,
      remoteVideos: this.remoteParticipants.filter((p) => p.camera.isAvailable && p.camera.views > 0).length,
    });
    this.mediaStats = new ScriptedMediaStats(mediaNow, env.clock, env.mediaStatsEveryMs);
    const capable = (name: ParticipantCapabilityName) => () => this.capabilities.capabilities[name].isPresent;
    this.spotlight = new ScriptedSpotlight(hooks.self, capable('spotlightParticipant'), env.received);
    this.togetherMode = new ScriptedTogetherMode(() => new ScriptedRemoteVideoStream('Video', 'together-mode', true), capable('startTogetherMode'), env.received);
    const keys = env.features;
    this.features = new Map<unknown, CallFeature>([
      [keys.Capabilities, this.capabilities],
      [keys.Recording, this.recording],
      [keys.Transcription, this.transcription],
      [keys.DominantSpeakers, this.dominantSpeakers],
      [keys.RaiseHand, this.raiseHandFeature],
      [keys.OptimalVideoCount, this.optimalVideoCount],
      [keys.UserFacingDiagnostics, this.diagnostics],
      [keys.Reaction, this.reactions],
      [keys.Captions, this.captions],
      [keys.BreakoutRooms, this.breakoutRooms],
      [keys.MediaStats, this.mediaStats],
      [keys.Spotlight, this.spotlight],
      [keys.TogetherMode, this.togetherMode],
      [keys.TeamsMeetingAudioConferencing, this.audioConferencing],
    ]);
  }

  /** A camera being sent: its switches to another device are what the meeting sees next. */
  private watchCamera(stream: LocalVideoStream): void {
    if (stream.mediaStreamType !== 'Video' || this.watched.has(stream)) return;
    const changed = () => this.env.received({ kind: 'switchCamera', cameraId: cameraOf(stream) });
    stream.on('videoSourceChanged', changed);
    this.watched.set(stream, () => stream.off('videoSourceChanged', changed));
  }

  private unwatchCamera(stream: LocalVideoStream): void {
    this.watched.get(stream)?.();
    this.watched.delete(stream);
  }

  /** Listeners the guest's app keeps on this call's features (0 once it has detached them all). */
  featureListenerCount(): number {
    let n = this.diagnostics.network.listenerCount() + this.diagnostics.media.listenerCount() + this.captions.teams.listenerCount() + this.captions.acs.listenerCount();
    for (const feature of this.features.values()) n += (feature as unknown as Emitter).listenerCount();
    return n;
  }

  feature<TFeature extends CallFeature>(factory: CallFeatureFactory<TFeature>): TFeature {
    const feature = this.features.get(factory);
    if (!feature) throw new ScriptedCallingError('this feature is not part of the scripted meeting', 400, 40001);
    return feature as TFeature;
  }

  // The guest's actions.
  async hangUp(): Promise<void> {
    this.env.received({ kind: 'hangUp' });
    if (this.state === 'Disconnected') return;
    this.scriptState('Disconnecting');
    await Promise.resolve();
    this.scriptEnd({ code: 0, subCode: 0 });
    this.hooks.onHangUp(this);
  }
  async mute(): Promise<void> {
    this.env.received({ kind: 'mute' });
    this.scriptMuted(true);
  }
  async unmute(): Promise<void> {
    const capability = this.capabilities.capabilities.unmuteMic;
    this.env.received({ kind: 'unmute', ...(capability.isPresent ? {} : { refused: capability.reason }) });
    if (!capability.isPresent) throw new ScriptedCallingError(`unmute not allowed: ${capability.reason}`, 403, 46010);
    this.scriptMuted(false);
  }
  async startVideo(stream: LocalVideoStream): Promise<void> {
    const capability = this.capabilities.capabilities.turnVideoOn;
    this.env.received({ kind: 'startVideo', cameraId: cameraOf(stream), ...(capability.isPresent ? {} : { refused: capability.reason }) });
    if (!capability.isPresent) throw new ScriptedCallingError(`video not allowed: ${capability.reason}`, 403, 43210);
    if (this.localVideoStreams.includes(stream)) return;
    this.watchCamera(stream);
    this.localVideoStreams = [...this.localVideoStreams, stream];
    this.emit('localVideoStreamsUpdated', { added: [stream], removed: [] });
    this.isLocalVideoStarted = true;
    this.emit('isLocalVideoStartedChanged');
  }
  async stopVideo(stream: LocalVideoStream): Promise<void> {
    this.env.received({ kind: 'stopVideo', cameraId: cameraOf(stream) });
    if (!this.localVideoStreams.includes(stream)) throw new ScriptedCallingError('this stream is not being sent', 400, 43209);
    this.unwatchCamera(stream);
    this.localVideoStreams = this.localVideoStreams.filter((s) => s !== stream);
    this.emit('localVideoStreamsUpdated', { added: [], removed: [stream] });
    this.isLocalVideoStarted = this.localVideoStreams.length > 0;
    this.emit('isLocalVideoStartedChanged');
  }
  addParticipant(): RemoteParticipant {
    throw new ScriptedCallingError('a guest cannot add participants', 403, 10403);
  }
  removeParticipant(): Promise<void> {
    return notScripted('removing participants');
  }
  muteAllRemoteParticipants(): Promise<void> {
    return notScripted('muting everyone');
  }
  muteIncomingAudio(): Promise<void> {
    this.env.received({ kind: 'muteIncomingAudio' });
    this.isIncomingAudioMuted = true;
    this.emit('isIncomingAudioMutedChanged');
    return Promise.resolve();
  }
  unmuteIncomingAudio(): Promise<void> {
    this.env.received({ kind: 'unmuteIncomingAudio' });
    this.isIncomingAudioMuted = false;
    this.emit('isIncomingAudioMutedChanged');
    return Promise.resolve();
  }
  sendDtmf(): Promise<void> {
    return notScripted('DTMF');
  }
  hold(): Promise<void> {
    return notScripted('hold');
  }
  resume(): Promise<void> {
    return notScripted('resume');
  }
  startScreenSharing(): Promise<void> {
    return this.screenShare.start();
  }
  stopScreenSharing(): Promise<void> {
    return this.screenShare.stop();
  }
  startAudio(): Promise<void> {
    return notScripted('custom audio');
  }
  stopAudio(): void {}
  setConstraints(): Promise<void> {
    return Promise.resolve();
  }
  dispose(): void {}

  // The meeting's side.
  scriptState(state: CallState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('stateChanged');
  }

  /** The service assigns the call its own id once it is connected (the SDK's idChanged). */
  scriptId(id: string): void {
    if (this.id === id) return;
    this.id = id;
    this.emit('idChanged');
  }

  scriptEnd(reason: CallEndReason): void {
    if (this.state === 'Disconnected') return;
    this.callEndReason = reason;
    this.screenShare.end();
    this.mediaStats.stopTimer();
    for (const stream of [...this.watched.keys()]) this.unwatchCamera(stream);
    const gone = this.remoteParticipants;
    this.remoteParticipants = [];
    if (gone.length > 0) this.emit('remoteParticipantsUpdated', { added: [], removed: gone });
    this.scriptState('Disconnected');
    for (const p of gone) for (const stream of [p.camera, p.screen]) releaseMediaStream(stream.id);
  }

  scriptMuted(muted: boolean): void {
    if (this.isMuted === muted) return;
    this.isMuted = muted;
    this.emit('isMutedChanged');
  }

  /** Participants the call knows before it tells anyone: present when join() returns, no event. */
  scriptPresent(participants: ScriptedRemoteParticipant[]): void {
    this.remoteParticipants = [...this.remoteParticipants, ...participants];
    for (const p of participants) p.state = 'Connected';
  }

  /** Someone in the meeting mutes the guest: muted, then the SDK's mutedByOthers. */
  scriptMutedByOthers(): void {
    this.scriptMuted(true);
    this.emit('mutedByOthers', { oldValue: false, newValue: true });
  }

  scriptJoin(participants: ScriptedRemoteParticipant[]): void {
    if (participants.length === 0) return;
    this.remoteParticipants = [...this.remoteParticipants, ...participants];
    this.emit('remoteParticipantsUpdated', { added: participants, removed: [] });
    for (const p of participants) p.scriptState('Connected');
  }

  scriptLeave(participants: ScriptedRemoteParticipant[]): void {
    const leaving = new Set(participants);
    const removed = this.remoteParticipants.filter((p) => leaving.has(p));
    if (removed.length === 0) return;
    for (const p of removed) {
      p.callEndReason = { code: 0, subCode: 0 };
      p.scriptState('Disconnected');
    }
    this.remoteParticipants = this.remoteParticipants.filter((p) => !leaving.has(p));
    this.emit('remoteParticipantsUpdated', { added: [], removed });
    for (const p of removed) for (const stream of [p.camera, p.screen]) releaseMediaStream(stream.id);
  }
}

// ---- the agent --------------------------------------------------------------------------------

/** A 1:1 call's "locator": who was called (the test call's echo bot). */
export interface OneToOneLocator {
  readonly participants: readonly string[];
}

export interface AgentHooks {
  onJoin(agent: ScriptedCallAgent, call: ScriptedCall): void;
  /** A 1:1 call to the ACS test bot (the only one a guest makes). */
  onEchoCall(call: ScriptedCall): void;
  onHangUp(call: ScriptedCall): void;
  optimalVideoCount(): number;
  /** How often a live call reads the credential again, as the service's renewals do (ms). */
  tokenCheckMs: number;
}

/** The claims the meeting reads from a token: who (skypeid) and until when (exp, in ms). */
export function tokenClaims(token: string): { skypeid: string | null; expiresMs: number | null } {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))) as { skypeid?: unknown; exp?: unknown };
    return { skypeid: typeof claims.skypeid === 'string' ? claims.skypeid : null, expiresMs: typeof claims.exp === 'number' ? claims.exp * 1000 : null };
  } catch {
    return { skypeid: null, expiresMs: null };
  }
}

/** The guest's identifier: "8:" + the token's skypeid claim, as the service would know them. */
export function selfIdentifierOf(token: string): CommunicationUserIdentifier {
  return { communicationUserId: `8:${tokenClaims(token).skypeid ?? 'acs:unknown'}` };
}

export class ScriptedCallAgent extends Emitter implements CallAgent {
  readonly kind = 'CallAgent' as CallAgentKind.CallAgent;
  connectionState: 'Connected' | 'Disconnected' = 'Connected';
  calls: ScriptedCall[] = [];
  disposed = false;
  private renewals: unknown = null;

  constructor(
    readonly displayName: string | undefined,
    private readonly self: CommunicationUserIdentifier,
    private readonly credential: CommunicationTokenCredential,
    private readonly hooks: AgentHooks,
    private readonly env: MeetingEnv,
  ) {
    super();
  }

  /** Only the test call: a call to the ACS test bot (`8:echo123`); anyone else is refused. */
  startCall(participants: CommunicationIdentifier[], options?: StartCallOptions): Call {
    if (this.disposed) throw new ScriptedCallingError('the call agent was disposed', 400, 40101);
    // The bot is called by its raw id (an UnknownIdentifier), as the SDK requires.
    const ids = participants.map((p) => ('id' in p && typeof p.id === 'string' && !('kind' in p) ? p.id : `refused:${JSON.stringify(p)}`));
    if (ids.length !== 1 || ids[0] !== ECHO_BOT) throw new ScriptedCallingError('a guest only joins meetings and calls the test bot', 400, 40000);
    const muted = options?.audioOptions?.muted ?? false;
    this.env.received({ kind: 'startCall', participants: ids, displayName: this.displayName, muted });
    const call = new ScriptedCall({ participants: ids }, options, { self: () => this.self, onHangUp: (c) => this.hooks.onHangUp(c) }, 0, this.env);
    this.calls = [...this.calls, call];
    this.emit('callsUpdated', { added: [call], removed: [] });
    call.scriptState('Connecting');
    void this.readToken('join', call);
    // A call to the bot is held to the credential during the call as a meeting is.
    this.scheduleRenewal(call);
    this.hooks.onEchoCall(call);
    return call;
  }

  join(locator: unknown, options?: JoinCallOptions): Call {
    if (this.disposed) throw new ScriptedCallingError('the call agent was disposed', 400, 40101);
    const meeting = locator as TeamsMeetingLinkLocator | TeamsMeetingIdLocator;
    if (!meeting || (!('meetingLink' in meeting) && !('meetingId' in meeting))) throw new ScriptedCallingError('not a Teams meeting locator', 400, 40210);
    const camera = options?.videoOptions?.localVideoStreams?.find((stream) => stream.mediaStreamType === 'Video');
    this.env.received({
      kind: 'join',
      locator: meeting,
      displayName: this.displayName,
      muted: options?.audioOptions?.muted ?? false,
      video: Boolean(camera),
      cameraId: cameraOf(camera),
    });
    const call = new ScriptedCall(meeting, options, { self: () => this.self, onHangUp: (c) => this.hooks.onHangUp(c) }, this.hooks.optimalVideoCount(), this.env);
    this.calls = [...this.calls, call];
    this.emit('callsUpdated', { added: [call], removed: [] });
    call.scriptState('Connecting');
    void this.readToken('join', call);
    this.scheduleRenewal(call);
    this.hooks.onJoin(this, call);
    return call;
  }

  /**
   * A call the service makes for this agent without a join() of the guest's own: a breakout
   * room's call, or the main meeting's again on the way back. Connecting until the meeting says.
   */
  scriptMove(locator: TeamsMeetingLinkLocator, options: JoinCallOptions): ScriptedCall {
    const call = new ScriptedCall(locator, options, { self: () => this.self, onHangUp: (c) => this.hooks.onHangUp(c) }, this.hooks.optimalVideoCount(), this.env);
    this.calls = [...this.calls, call];
    this.emit('callsUpdated', { added: [call], removed: [] });
    call.scriptState('Connecting');
    this.scheduleRenewal(call);
    return call;
  }

  /**
   * Reads the credential as the service does at each use, and holds the guest to it: a credential
   * that cannot give a token ends the call as a failed refresh (400/40234), an expired one as an
   * expired token (401/40235).
   */
  private async readToken(use: TokenUse, call: ScriptedCall): Promise<void> {
    let token: string;
    try {
      token = (await this.credential.getToken()).token;
    } catch {
      this.env.received({ kind: 'tokenFailed', use });
      call.scriptEnd({ code: 400, subCode: 40234 });
      return;
    }
    this.env.received({ kind: 'token', use, token });
    const { expiresMs } = tokenClaims(token);
    if (expiresMs !== null && expiresMs <= this.env.clock.now()) call.scriptEnd({ code: 401, subCode: 40235 });
  }

  private scheduleRenewal(call: ScriptedCall): void {
    const clock = this.env.clock;
    clock.clearTimeout(this.renewals);
    this.renewals = clock.setTimeout(() => {
      if (call.state === 'Disconnected' || this.disposed) return;
      void this.readToken('renewal', call).then(() => this.scheduleRenewal(call));
    }, this.hooks.tokenCheckMs);
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.env.clock.clearTimeout(this.renewals);
    for (const call of this.calls) if (call.state !== 'Disconnected') call.scriptEnd({ code: 0, subCode: 0 });
    this.connectionState = 'Disconnected';
  }
}
