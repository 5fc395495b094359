// Test code only, NEVER in the production bundle (test/build/... checks). The scripted meeting's
// stand-ins for the ACS Calling SDK's objects: classes that implement the SDK's own TypeScript
// interfaces (CallAgent, Call, RemoteParticipant, RemoteVideoStream, and the call features the
// calling module uses), so renderer/calling/ drives them exactly as it drives the SDK. The
// `script*` methods are the meeting's side: ScriptedMeeting (meeting.ts) calls them to make things
// happen, and they emit the same events, in the same order, as the SDK does.
import {
  CallAgentKind,
  CallKind,
  Features,
  type AdmitAllOperationResult,
  type Call,
  type CallAgent,
  type CallEndReason,
  type CallFeature,
  type CallFeatureFactory,
  type CallInfo,
  type CallState,
  type CapabilityResolutionReason,
  type JoinCallOptions,
  type LocalAudioStream,
  type LocalVideoStream,
  type Lobby,
  type MediaStreamType,
  type ParticipantCapabilityName,
  type ParticipantRole,
  type RemoteAudioStream,
  type RemoteParticipant,
  type RemoteParticipantState,
  type RemoteVideoStream,
  type StreamSize,
  type TeamsMeetingIdLocator,
  type TeamsMeetingLinkLocator,
} from '@azure/communication-calling';
import type { CommunicationIdentifierKind, CommunicationTokenCredential, CommunicationUserIdentifier } from '@azure/communication-common';
import { Emitter } from './emitter';
import { ScriptedCallingError, notScripted } from './errors';
import { ScriptedCapabilities } from './features/capabilities';
import { ScriptedDominantSpeakers } from './features/dominant-speakers';
import { ScriptedUserFacingDiagnostics } from './features/diagnostics';
import { ScriptedOptimalVideoCount } from './features/optimal-video-count';
import { ScriptedRaiseHand, type HandIdentifier } from './features/raise-hand';
import { ScriptedReactions } from './features/reactions';
import { ConsentState, ScriptedRecording } from './features/recording';
import { ScriptedTranscription } from './features/transcription';
import { ScriptedScreenShare } from './screen-share';
import { mediaStreamFor, releaseMediaStream } from './video';

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
  video?: boolean;
  muted?: boolean;
  screenShare?: boolean;
  role?: ParticipantRole;
}

let nextParticipant = 1;

export class ScriptedRemoteParticipant extends Emitter implements RemoteParticipant {
  readonly identifier: CommunicationIdentifierKind;
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
      : { kind: 'communicationUser', communicationUserId: `8:acs:scripted_${n}` };
    this.displayName = script.name;
    this.isMuted = script.muted ?? true;
    this.role = script.role ?? 'Attendee';
    this.camera = new ScriptedRemoteVideoStream('Video', script.name, script.video ?? false);
    this.screen = new ScriptedRemoteVideoStream('ScreenSharing', `${script.name} screen`, script.screenShare ?? false);
    this.videoStreams = [this.camera, this.screen];
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
  self(): HandIdentifier;
  onHangUp(call: ScriptedCall): void;
}

let nextCall = 1;

export class ScriptedCall extends Emitter implements Call {
  readonly kind = CallKind.Call;
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
  readonly localAudioStreams: LocalAudioStream[] = [];
  readonly remoteAudioStreams: RemoteAudioStream[] = [];
  remoteParticipants: ScriptedRemoteParticipant[] = [];
  role: ParticipantRole = 'Attendee';
  readonly lobby = new ScriptedLobby();
  readonly info: CallInfo;

  readonly consent: ConsentState;
  readonly capabilities = new ScriptedCapabilities();
  readonly recording: ScriptedRecording;
  readonly transcription: ScriptedTranscription;
  readonly dominantSpeakers = new ScriptedDominantSpeakers();
  readonly raiseHandFeature: ScriptedRaiseHand;
  readonly optimalVideoCount: ScriptedOptimalVideoCount;
  readonly diagnostics = new ScriptedUserFacingDiagnostics();
  readonly reactions = new ScriptedReactions(() => this.capabilities.capabilities.useReactions.isPresent);
  /** The guest's own screen share, routed to main's picker like Electron does (screen-share.ts). */
  readonly screenShare = new ScriptedScreenShare(this, (event, ...args) => this.emit(event, ...args));
  private readonly features: Map<unknown, CallFeature>;

  constructor(
    readonly locator: TeamsMeetingLinkLocator | TeamsMeetingIdLocator,
    readonly options: JoinCallOptions | undefined,
    private readonly hooks: CallHooks,
    optimalVideoCount: number,
  ) {
    super();
    this.isMuted = options?.audioOptions?.muted ?? false;
    this.localVideoStreams = [...(options?.videoOptions?.localVideoStreams ?? [])];
    this.isLocalVideoStarted = this.localVideoStreams.length > 0;
    const callId = this.id;
    this.info = {
      groupId: undefined,
      threadId: '19:meeting_scripted@thread.v2',
      participantId: crypto.randomUUID(),
      getServerCallId: () => Promise.resolve(`server-${callId}`),
      onCallInfoChanged: () => undefined,
      offCallInfoChanged: () => undefined,
    } as unknown as CallInfo;
    this.consent = new ConsentState(() => {
      // Consent given: what was held back for it is allowed again.
      const restore: Partial<Record<ParticipantCapabilityName, { isPresent: boolean; reason: CapabilityResolutionReason }>> = {};
      for (const [name, value] of Object.entries(this.capabilities.capabilities) as [ParticipantCapabilityName, { isPresent: boolean; reason: CapabilityResolutionReason }][]) {
        if (value.reason === 'ExplicitConsentRequired') restore[name] = { isPresent: true, reason: 'Capable' };
      }
      if (Object.keys(restore).length > 0) this.capabilities.scriptSet(restore);
    });
    this.recording = new ScriptedRecording(this.consent);
    this.transcription = new ScriptedTranscription(this.consent);
    this.raiseHandFeature = new ScriptedRaiseHand(hooks.self);
    this.optimalVideoCount = new ScriptedOptimalVideoCount(optimalVideoCount);
    this.features = new Map<unknown, CallFeature>([
      [Features.Capabilities, this.capabilities],
      [Features.Recording, this.recording],
      [Features.Transcription, this.transcription],
      [Features.DominantSpeakers, this.dominantSpeakers],
      [Features.RaiseHand, this.raiseHandFeature],
      [Features.OptimalVideoCount, this.optimalVideoCount],
      [Features.UserFacingDiagnostics, this.diagnostics],
      [Features.Reaction, this.reactions],
    ]);
  }

  /** Listeners the guest's app keeps on this call's features (0 once it has detached them all). */
  featureListenerCount(): number {
    let n = this.diagnostics.network.listenerCount() + this.diagnostics.media.listenerCount();
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
    if (this.state === 'Disconnected') return;
    this.scriptState('Disconnecting');
    await Promise.resolve();
    this.scriptEnd({ code: 0, subCode: 0 });
    this.hooks.onHangUp(this);
  }
  async mute(): Promise<void> {
    this.scriptMuted(true);
  }
  async unmute(): Promise<void> {
    const capability = this.capabilities.capabilities.unmuteMic;
    if (!capability.isPresent) throw new ScriptedCallingError(`unmute not allowed: ${capability.reason}`, 403, 46010);
    this.scriptMuted(false);
  }
  async startVideo(stream: LocalVideoStream): Promise<void> {
    const capability = this.capabilities.capabilities.turnVideoOn;
    if (!capability.isPresent) throw new ScriptedCallingError(`video not allowed: ${capability.reason}`, 403, 43210);
    if (this.localVideoStreams.includes(stream)) return;
    this.localVideoStreams = [...this.localVideoStreams, stream];
    this.emit('localVideoStreamsUpdated', { added: [stream], removed: [] });
    this.isLocalVideoStarted = true;
    this.emit('isLocalVideoStartedChanged');
  }
  async stopVideo(stream: LocalVideoStream): Promise<void> {
    if (!this.localVideoStreams.includes(stream)) throw new ScriptedCallingError('this stream is not being sent', 400, 43209);
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
    this.isIncomingAudioMuted = true;
    this.emit('isIncomingAudioMutedChanged');
    return Promise.resolve();
  }
  unmuteIncomingAudio(): Promise<void> {
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

  scriptEnd(reason: CallEndReason): void {
    if (this.state === 'Disconnected') return;
    this.callEndReason = reason;
    this.screenShare.end();
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

export interface AgentHooks {
  onJoin(agent: ScriptedCallAgent, call: ScriptedCall): void;
  onHangUp(call: ScriptedCall): void;
  optimalVideoCount(): number;
}

/** The guest's identifier: "8:" + the token's skypeid claim, as the service would know them. */
export async function selfIdentifier(credential: CommunicationTokenCredential): Promise<CommunicationUserIdentifier> {
  const { token } = await credential.getToken();
  const payload = token.split('.')[1] ?? '';
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))) as { skypeid?: string };
  return { communicationUserId: `8:${claims.skypeid ?? 'acs:unknown'}` };
}

export class ScriptedCallAgent extends Emitter implements CallAgent {
  readonly kind = CallAgentKind.CallAgent;
  connectionState: 'Connected' | 'Disconnected' = 'Connected';
  calls: ScriptedCall[] = [];
  disposed = false;

  constructor(
    readonly displayName: string | undefined,
    private readonly self: CommunicationUserIdentifier,
    private readonly hooks: AgentHooks,
  ) {
    super();
  }

  startCall(): Call {
    throw new ScriptedCallingError('a guest only joins meetings', 400, 40000);
  }

  join(locator: unknown, options?: JoinCallOptions): Call {
    if (this.disposed) throw new ScriptedCallingError('the call agent was disposed', 400, 40101);
    const meeting = locator as TeamsMeetingLinkLocator | TeamsMeetingIdLocator;
    if (!meeting || (!('meetingLink' in meeting) && !('meetingId' in meeting))) throw new ScriptedCallingError('not a Teams meeting locator', 400, 40210);
    const call = new ScriptedCall(meeting, options, { self: () => this.self, onHangUp: (c) => this.hooks.onHangUp(c) }, this.hooks.optimalVideoCount());
    this.calls = [...this.calls, call];
    this.emit('callsUpdated', { added: [call], removed: [] });
    call.scriptState('Connecting');
    this.hooks.onJoin(this, call);
    return call;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const call of this.calls) if (call.state !== 'Disconnected') call.scriptEnd({ code: 0, subCode: 0 });
    this.connectionState = 'Disconnected';
  }
}
