// Process: renderer (SDK). One meeting, from Join to its end: builds the token credential, creates
// the call agent with the guest's name, joins with the meeting's locator, and turns the SDK's
// objects and events (call, remote participants, video streams) into CallEvents that the call
// model applies once per animation frame. Each call feature is its own module (features/): the
// session looks the feature up once, attaches it, keeps its handle and detaches every handle at
// teardown. The views get a CallSession (call-model.ts) and never see an SDK object.
//
// Seams (CallDeps): where the call agent comes from and how a remote video stream is rendered.
// acs.ts passes the SDK's own (CallClient.createCallAgent, VideoStreamRenderer), or the scripted
// meeting's (practice/), which implements the SDK's interfaces. Nothing here knows which it got.
import type { ChatAccess } from '../chat/meeting-chat';
import {
  Features,
  LocalAudioStream,
  LocalVideoStream,
  VideoStreamRenderer,
  type Call,
  type CallAgent,
  type TeamsCall,
  type CallAgentOptions,
  type CreateViewOptions,
  type RemoteParticipant,
  type RemoteVideoStream,
  type RemoteVideoStreamCommon,
  type TeamsMeetingIdLocator,
  type TeamsMeetingLinkLocator,
} from '@azure/communication-calling';
import { getIdentifierRawId, type CommunicationIdentifier, type CommunicationTokenCredential } from '@azure/communication-common';
import type { LogLevel, TokenReply } from '../../common/ipc-contract';
import type { MeetingTarget } from '../../common/meeting';
import {
  applyEvents,
  initialCallState,
  participantStatusOf,
  type CallEvent,
  type CallSession,
  type BreakoutActions,
  type CaptionsActions,
  type CallState,
  type Disposer,
  type EndedInfo,
  type ParticipantInit,
  type VideoKind,
} from './call-model';
import type { DeviceService } from './devices';
import type { ChosenDevices } from './device-ids';
import { cameraConstraints } from '../media/media-devices';
import { stopStream, type CameraHandoff } from '../media/camera-preview';
import { LIT_FRAME_TIMEOUT_MS, whenLitFrame, whenVideoIn } from '../media/lit-frame';
import { explainEnd, explainJoinError, tokenUnavailable } from './end-reasons';
import { createGuestCredential, tokenClaims, type GuestCredential } from './token-credential';
import { Store, type AccessState, type DevicesState, type Observable } from './model';
import { ScreenShareController } from './screen-share';
import type { ScreenShareState } from '../share/share-model';
import { mirrorSelfView } from './self-view';
import { describeSdkError } from './sdk-error';
import { disposeAll } from './dispose';
import { VideoSlots } from './video-slots';
import { listen } from './sdk-events';
import type { FeatureContext, FeatureHandle } from './features/feature-context';
import { EffectsController, type EffectsOptions } from './effects-controller';
import type { EffectsActions, EffectsPreviewHandle } from './features/effects-model';
import { takeEffectsPreview, type CarriedPreview } from './effects-preview';
import { attachCapabilities } from './features/capabilities';
import { attachRecording, type RecordingHandle } from './features/recording';
import { attachTranscription, type TranscriptionHandle } from './features/transcription';
import { attachDominantSpeakers } from './features/dominant-speakers';
import { attachRaiseHand, type RaiseHandHandle } from './features/raise-hand';
import { attachOptimalVideoCount } from './features/optimal-video-count';
import { attachDiagnostics } from './features/diagnostics';
import { attachReactions, type ReactionsHandle } from './features/reactions';
import { attachCaptions, type CaptionsHandle } from './features/captions';
import { attachBreakoutRooms, type BreakoutRoomsHandle } from './features/breakout-rooms';
import type { BreakoutWhere } from './features/breakout-rooms-model';
import { attachMediaStats, type MediaStatsHandle } from './features/media-stats';
import { remoteVideoLimit } from './features/media-stats-model';
import type { ReactionType } from './features/reactions-model';
import { attachSpotlight, type SpotlightHandle } from './features/spotlight';
import { attachTogetherMode, type TogetherModeHandle } from './features/together-mode';
import { attachAudioConferencing } from './features/audio-conferencing';

/** A video view: what VideoStreamRenderer.createView() gives (the element, and how to remove it). */
export interface VideoView {
  readonly target: HTMLElement;
  dispose(): void;
}

/** What renders a remote stream: the SDK's VideoStreamRenderer has exactly this shape. */
export interface RemoteStreamRenderer {
  createView(options?: CreateViewOptions): Promise<VideoView>;
  dispose(): void;
}

export interface CallDeps {
  /** Creates the call agent (one at a time per client: the caller awaits the previous release). */
  createCallAgent(credential: CommunicationTokenCredential, options: CallAgentOptions): Promise<CallAgent>;
  /** Releases an agent made by createCallAgent. */
  releaseCallAgent(agent: CallAgent): Promise<void>;
  /** Renders a participant's camera or screen, or the together-mode scene. */
  createRemoteRenderer(stream: RemoteVideoStreamCommon): RemoteStreamRenderer;
  /** Schedules a flush of queued events (default: the next animation frame). */
  schedule?(flush: () => void): void;
  now?: () => number;
}

export interface JoinOptions {
  target: MeetingTarget;
  displayName: string;
  cameraOn: boolean;
  microphoneOn: boolean;
  /** Asks main for a token (the bridge's getToken with the guest's name). */
  getToken(): Promise<TokenReply>;
  /** The devices the guest chose on the join screen (platform ids and labels). */
  devices?: ChosenDevices;
  /** What the join screen learnt about access; the SDK asks again only where it is 'unknown'. */
  access?: { camera: AccessState; microphone: AccessState };
  /** The join screen's live camera: sent as it is (no reopening, no black frame); the session stops it. */
  camera?: CameraHandoff | null;
  /** The caption language the guest chose last time ('' for none). */
  captionLanguage?: string;
  /** The remembered background effect and noise suppression, and main's picture service. */
  effects?: EffectsOptions;
  /** The join screen's effects (its picker was opened): its controller, and its camera when an effect runs on it. */
  effectsPreview?: EffectsPreviewHandle | null;
  log?(level: LogLevel, message: string): void;
}

/** How long a breakout move may take before the guest is told it failed (the SDK's join included). */
export const BREAKOUT_MOVE_TIMEOUT_MS = 30_000;

/** A performance mark when a call reports 'Connecting' (read by the join-screen benchmark). */
export const CALL_CONNECTING_MARK = 'doorway:call-connecting';

/** The locator the SDK joins with. */
export function locatorOf(target: MeetingTarget): TeamsMeetingLinkLocator | TeamsMeetingIdLocator {
  if (target.kind === 'link') return { meetingLink: target.meetingLink };
  return target.passcode ? { meetingId: target.meetingId, passcode: target.passcode } : { meetingId: target.meetingId };
}

/** The raw id of the token's user ("8:" + the skypeid claim), to recognise ourselves in events. */
export function rawIdOfToken(token: string): string | null {
  const skypeId = tokenClaims(token)?.skypeid;
  return typeof skypeId === 'string' ? `8:${skypeId}` : null;
}

function defaultSchedule(flush: () => void): void {
  // Once per frame; a timer too, because hidden windows get no animation frames.
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    flush();
  };
  requestAnimationFrame(run);
  setTimeout(run, 250);
}

function rawIdOf(identifier: CommunicationIdentifier): string {
  return getIdentifierRawId(identifier);
}

const STREAM_TYPE: Record<VideoKind, RemoteVideoStream['mediaStreamType']> = { video: 'Video', screenShare: 'ScreenSharing' };

/** The attached feature modules (absent: the SDK did not offer the feature). */
interface CallFeatures {
  capabilities?: FeatureHandle;
  recording?: RecordingHandle;
  transcription?: TranscriptionHandle;
  dominantSpeakers?: FeatureHandle;
  raiseHand?: RaiseHandHandle;
  optimalVideoCount?: FeatureHandle;
  diagnostics?: FeatureHandle;
  reactions?: ReactionsHandle;
  captions?: CaptionsHandle;
  breakoutRooms?: BreakoutRoomsHandle;
  mediaStats?: MediaStatsHandle;
  spotlight?: SpotlightHandle;
  togetherMode?: TogetherModeHandle;
  audioConferencing?: FeatureHandle;
}

interface RemoteEntry {
  participant: RemoteParticipant;
  off: Array<() => void>;
  streams: Map<RemoteVideoStream, () => void>;
}

export class MeetingCallSession implements CallSession {
  private readonly store: Store<CallState>;
  // Camera views never outnumber what the SDK advises, even while tiles swap (video-slots.ts).
  private readonly videoSlots = new VideoSlots(() => remoteVideoLimit(this.store.get().mediaStats, this.store.get().optimalVideoCount));
  private queue: CallEvent[] = [];
  private scheduled = false;
  private readonly now: () => number;
  private agent: CallAgent | null = null;
  private call: Call | null = null;
  private videoStream: LocalVideoStream | null = null;
  /** Every camera stream the call sends goes through here, so the effects follow it. */
  private get localStream(): LocalVideoStream | null {
    return this.videoStream;
  }
  private set localStream(stream: LocalVideoStream | null) {
    this.videoStream = stream;
    this.effectsController?.setVideoStream(stream);
    if (this.carriedCamera && stream !== this.carriedCamera.stream) {
      this.carriedCamera.dispose();
      this.carriedCamera.box.remove();
      this.carriedCamera = null;
    }
  }
  /** The join screen's SDK camera with its effect (and its view), sent as it is. */
  private carriedCamera: CarriedPreview['camera'] = null;
  private readonly effectsController: EffectsController | null;
  private localId: string | null = null;
  private readonly remotes = new Map<string, RemoteEntry>();
  private readonly callOff: Array<() => void> = [];
  private localHangUp = false;
  private ended = false;
  private torndown: Promise<void> | null = null;
  private readonly started: Promise<void>;
  private readonly features: CallFeatures = {};
  private readonly share = new ScreenShareController({
    allowed: () => this.store.get().capabilities.shareScreen.allowed,
    log: (level, message) => this.log(level, message),
  });
  private cameraStarting = false;
  /** The caption language chosen in this meeting (over the remembered one in the options). */
  private captionLanguage: string | null = null;
  private credential: GuestCredential | null = null;
  /** A breakout move under way: where to, the guest's mute and camera to carry over, and its time limit. */
  private moving: { to: 'room' | 'main'; carry: { muted: boolean; videoOn: boolean }; timer: ReturnType<typeof setTimeout> } | null = null;
  /** The session's call is a breakout room's (not the main meeting's). */
  private inRoom = false;
  /** The ACS endpoint meeting chat may use (from the token service), if it grants chat. */
  private chatEndpoint: string | null = null;
  private readonly joinedAt: number;
  /** The join screen's camera while the call sends it; null once the guest turns video off or switches camera by device. */
  private handoff: CameraHandoff | null = null;
  /**
   * The join screen's camera after an effect made the call open the camera by device: it stays on
   * the self view until the new stream's first picture (an effect starts with seconds of black).
   */
  private leaving: { camera: CameraHandoff; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    private readonly deps: CallDeps,
    private readonly deviceService: DeviceService,
    private readonly options: JoinOptions,
  ) {
    this.now = deps.now ?? (() => Date.now());
    this.joinedAt = this.now();
    const effectsHooks = {
      log: (message: string) => this.log('info', message),
      isDeviceStream: (stream: LocalVideoStream) => stream.mediaStreamType !== 'RawMedia',
      needDeviceStream: () => this.reopenCameraByDevice(),
      probeStream: () => {
        const camera = this.deviceService.camera();
        return camera ? new LocalVideoStream(camera) : null;
      },
    };
    // The join screen's controller goes on (its state, its picture, its camera's effect).
    const carried = options.effectsPreview ? takeEffectsPreview(options.effectsPreview) : null;
    carried?.controller.rebind(effectsHooks);
    this.effectsController = carried?.controller ?? (options.effects ? new EffectsController(options.effects, effectsHooks) : null);
    this.carriedCamera = carried?.camera ?? null;
    this.handoff = options.camera?.stream.getVideoTracks().some((t) => t.readyState === 'live') ? options.camera : null;
    this.store = new Store(initialCallState({ muted: !options.microphoneOn, videoOn: options.cameraOn, now: this.now() }));
    this.started = this.start().catch((error: unknown) => {
      this.log('error', `join failed: ${describeSdkError(error)}`);
      this.finish(explainJoinError(error, this.call?.id ?? null));
    });
  }

  get state(): Observable<CallState> {
    return this.store;
  }

  get devices(): Observable<DevicesState> {
    return this.deviceService.state;
  }

  // ---- joining ----------------------------------------------------------------------------

  private async start(): Promise<void> {
    const first = await this.options.getToken();
    if (!first.ok) {
      this.log('warn', `no token: ${first.error}`);
      this.finish(tokenUnavailable(first.error));
      return;
    }
    if (this.ended) return;
    this.localId = rawIdOfToken(first.token);
    this.chatEndpoint = first.chatEndpoint ?? null;
    const credential = (this.credential = createGuestCredential({
      token: first.token,
      renew: () => this.options.getToken(),
      // Main could not renew the token before it ran out: the call cannot go on.
      onGiveUp: (error) => this.finish(tokenUnavailable(error)),
      log: (level, message) => this.log(level, message),
    }));

    if (this.deviceService.state.get().cameraAccess === 'unknown') {
      const access = this.options.access;
      const known = access && access.camera !== 'unknown' && access.microphone !== 'unknown';
      await (known ? this.deviceService.adopt(this.options.devices ?? {}, access) : this.deviceService.requestAccess(this.options.devices)).catch(() => undefined);
    }
    if (this.ended) return;

    const agent = await this.deps.createCallAgent(credential, { displayName: this.options.displayName });
    if (this.ended) {
      // Left while the agent was being made (teardown has run already): release it here.
      await this.deps.releaseCallAgent(agent).catch((error: unknown) => this.log('warn', `agent dispose: ${describeSdkError(error)}`));
      return;
    }
    this.agent = agent;

    const local = this.store.get().local;
    // A background effect runs only on a camera opened by device (415/46152 on a MediaStream).
    if (this.effectsController?.wantsVideoEffect()) this.retireHandoff();
    const carriedStream = this.carriedCamera?.stream;
    const camera = local.videoOn && !this.handoff && !carriedStream ? this.deviceService.camera() : undefined;
    if (local.videoOn && carriedStream) this.localStream = carriedStream;
    else if (local.videoOn && this.handoff) this.localStream = new LocalVideoStream(this.handoff.stream);
    else if (camera) this.localStream = new LocalVideoStream(camera);
    else if (local.videoOn) this.push({ type: 'local', patch: { videoOn: false } });
    // Noise suppression is a feature of a microphone stream opened by device.
    const microphone = this.effectsController ? this.deviceService.microphone() : undefined;
    const audioStream = microphone ? new LocalAudioStream(microphone) : null;
    this.effectsController?.setAudioStream(audioStream);
    const call = agent.join(locatorOf(this.options.target) as TeamsMeetingLinkLocator, {
      audioOptions: { muted: local.muted, ...(audioStream && { localAudioStreams: [audioStream] }) },
      videoOptions: this.localStream ? { localVideoStreams: [this.localStream] } : undefined,
    });
    this.call = call;
    this.attach(call);
  }

  private attach(call: Call): void {
    const off = this.callOff;
    this.push({ type: 'callId', id: call.id });
    this.share.attach(call);
    off.push(listen(call, 'idChanged', () => this.push({ type: 'callId', id: call.id })));
    off.push(listen(call, 'stateChanged', () => this.onCallState(call)));
    off.push(
      listen(call, 'isMutedChanged', () => {
        this.push({ type: 'local', patch: { muted: call.isMuted } });
        // Unmuted again: "someone muted you" no longer applies.
        if (!call.isMuted) this.push({ type: 'notice', kind: 'mutedByOthers', active: false });
      }),
    );
    off.push(listen(call, 'mutedByOthers', () => this.push({ type: 'notice', kind: 'mutedByOthers', active: true })));
    off.push(listen(call, 'isLocalVideoStartedChanged', () => this.push({ type: 'local', patch: { videoOn: call.isLocalVideoStarted } })));
    off.push(
      listen(call, 'remoteParticipantsUpdated', ({ added, removed }: { added: RemoteParticipant[]; removed: RemoteParticipant[] }) => {
        for (const p of added) this.addRemote(p);
        for (const p of removed) this.removeRemote(p);
      }),
    );
    for (const p of call.remoteParticipants) this.addRemote(p);
    this.attachFeatures(call);
    this.onCallState(call);
  }

  /** The call's feature modules (features/): each SDK feature looked up once, attached, kept. */
  private attachFeatures(call: Call): void {
    const ctx = this.featureContext();
    const features = this.features;
    const guard = this.guardFeature;
    const consent = { changed: () => this.readConsent() };
    features.capabilities = guard('Capabilities', () => attachCapabilities(call.feature(Features.Capabilities), ctx, consent));
    features.recording = guard('Recording', () => attachRecording(call.feature(Features.Recording), ctx, consent));
    features.transcription = guard('Transcription', () => attachTranscription(call.feature(Features.Transcription), ctx, consent));
    this.readConsent();
    features.dominantSpeakers = guard('DominantSpeakers', () => attachDominantSpeakers(call.feature(Features.DominantSpeakers), ctx));
    features.raiseHand = guard('RaiseHand', () => attachRaiseHand(call.feature(Features.RaiseHand), ctx));
    features.optimalVideoCount = guard('OptimalVideoCount', () => attachOptimalVideoCount(call.feature(Features.OptimalVideoCount), ctx));
    features.diagnostics = guard('UserFacingDiagnostics', () => attachDiagnostics(call.feature(Features.UserFacingDiagnostics), ctx));
    features.reactions = guard('Reaction', () => attachReactions(call.feature(Features.Reaction), ctx));
    features.mediaStats = guard('MediaStats', () => attachMediaStats(call.feature(Features.MediaStats), ctx));
  }

  /** Attaches one feature; a feature the SDK or the meeting does not offer is logged and left out. */
  private readonly guardFeature = <T>(name: string, attach: () => T): T | undefined => {
    try {
      return attach();
    } catch (error) {
      this.log('warn', `feature ${name} unavailable: ${describeSdkError(error)}`);
      return undefined;
    }
  };

  /** Features that exist only once the call is connected (after the lobby), attached once. */
  private attachConnectedFeatures(call: Call): void {
    const ctx = this.featureContext();
    const features = this.features;
    const guard = this.guardFeature;
    features.captions ??= guard('Captions', () =>
      attachCaptions(call.feature(Features.Captions), ctx, { captionLanguage: () => this.captionLanguage ?? this.options.captionLanguage ?? '' }),
    );
    features.breakoutRooms ??= guard('BreakoutRooms', () =>
      attachBreakoutRooms(call.feature(Features.BreakoutRooms), ctx, {
        where: () => this.where(),
        move: (to, go) => this.move(to, go),
        arrived: (next) => this.arrive(next),
      }),
    );
    features.spotlight ??= guard('Spotlight', () => attachSpotlight(call.feature(Features.Spotlight), ctx));
    features.togetherMode ??= guard('TogetherMode', () => attachTogetherMode(call.feature(Features.TogetherMode), ctx));
    features.audioConferencing ??= guard('TeamsMeetingAudioConferencing', () => attachAudioConferencing(call.feature(Features.TeamsMeetingAudioConferencing), ctx));
  }

  // ---- breakout rooms: switching the session's call ------------------------------------------

  private where(): BreakoutWhere {
    if (this.moving) return this.moving.to === 'room' ? 'joining' : 'returning';
    return this.inRoom ? 'room' : 'main';
  }

  /** A move begins: the views show it, and the old call's end no longer ends the meeting. */
  private move(to: 'room' | 'main', go: (() => Promise<Call | TeamsCall>) | null): void {
    if (this.ended || this.moving) return;
    const { muted, videoOn } = this.store.get().local;
    this.moving = { to, carry: { muted, videoOn }, timer: setTimeout(() => this.moveFailed(to, 'timed out'), BREAKOUT_MOVE_TIMEOUT_MS) };
    this.push({ type: 'breakout/moving', to });
    this.log('info', `breakout: moving to the ${to === 'room' ? 'room' : 'main meeting'}`);
    go?.().then(
      (next) => this.arrive(next),
      (error: unknown) => this.moveFailed(to, describeSdkError(error)),
    );
  }

  /** The SDK gave the call the guest is now in: detach every module from the old call, attach to this one. */
  private arrive(next: Call | TeamsCall): void {
    const call = next as Call;
    if (this.ended || call === this.call) return;
    // The SDK moved the guest without a change we saw first (e.g. assigned while joining).
    if (!this.moving) this.move(this.inRoom ? 'main' : 'room', null);
    const moving = this.moving!;
    this.inRoom = moving.to === 'room';
    this.releaseCall();
    this.call = call;
    this.attach(call);
  }

  private arrivedConnected(call: Call): void {
    const moving = this.moving!;
    clearTimeout(moving.timer);
    this.moving = null;
    this.push({ type: 'breakout/moved', to: moving.to });
    this.log('info', `breakout: in the ${moving.to === 'room' ? 'room' : 'main meeting'}`);
    void this.carryLocalMedia(call, moving.carry);
  }

  private moveFailed(to: 'room' | 'main', why: string): void {
    const moving = this.moving;
    if (!moving || moving.to !== to || this.ended) return;
    clearTimeout(moving.timer);
    this.moving = null;
    this.log('warn', `breakout: move to the ${to === 'room' ? 'room' : 'main meeting'} failed: ${why}`);
    const call = this.call;
    // The call the guest was in is gone too: the meeting is over for them, with its reason.
    if (!call || call.state === 'Disconnected') {
      this.finish(explainEnd(call?.callEndReason ?? null, { localHangUp: this.localHangUp, callId: call?.id ?? null }));
      return;
    }
    this.push({ type: 'breakout/failed', to });
  }

  /**
   * The new call gets the guest's mute and camera as they were when the move began, or as the
   * guest set them during it: the SDK's docs do not promise that a room's call keeps them.
   */
  private async carryLocalMedia(call: Call, carry: { muted: boolean; videoOn: boolean }): Promise<void> {
    const want = carry;
    try {
      if (call.isMuted !== want.muted) await (want.muted ? call.mute() : call.unmute());
      const sent = call.localVideoStreams.find((s) => s.mediaStreamType === 'Video');
      if (want.videoOn && !call.isLocalVideoStarted) {
        const camera = this.localStream ?? (this.deviceService.camera() ? new LocalVideoStream(this.deviceService.camera()!) : null);
        if (camera) {
          this.localStream = camera;
          await call.startVideo(camera);
        }
      } else if (!want.videoOn && call.isLocalVideoStarted && sent) await call.stopVideo(sent);
      else if (want.videoOn && sent && sent !== this.localStream && !this.handoff) this.localStream = sent;
    } catch (error) {
      this.failed('carry mute and camera', error);
    }
    this.push({ type: 'local', patch: { muted: call.isMuted, videoOn: call.isLocalVideoStarted } });
  }

  /** Detaches everything from the session's call: its listeners, feature modules, share, participants. */
  private releaseCall(): void {
    for (const off of this.callOff.splice(0)) off();
    for (const key of Object.keys(this.features) as (keyof CallFeatures)[]) {
      this.features[key]?.detach();
      delete this.features[key];
    }
    this.share.detach();
    for (const entry of [...this.remotes.values()]) this.removeRemote(entry.participant);
  }

  private featureContext(): FeatureContext {
    return {
      push: (event) => this.push(event),
      rawIdOf,
      localId: this.localId,
      now: () => this.now(),
      after: (ms, run) => {
        const timer = setTimeout(run, ms);
        return () => clearTimeout(timer);
      },
      log: (level, message) => this.log(level, message),
      allowed: (name) => this.store.get().capabilities[name].allowed,
    };
  }

  private readConsent(): void {
    const { recording, transcription } = this.features;
    // Older services do not report consent (no feature, or it throws): nothing to ask then.
    if (!recording || !transcription) return;
    try {
      this.push({ type: 'consentRequired', required: Boolean(recording.consentRequired() || transcription.consentRequired()) });
    } catch {
      // as above
    }
  }

  private onCallState(call: Call): void {
    const state = call.state;
    if (this.moving) {
      // Between calls: the old call's end and the new call's connecting are the move, not the
      // meeting's end or a reconnect; the move's time limit decides if it never arrives.
      if (call !== this.call || state !== 'Connected') return;
      this.arrivedConnected(call);
    }
    if (state === 'Connecting') performance.mark(CALL_CONNECTING_MARK);
    this.push({ type: 'callState', state, at: this.now() });
    // Captions, breakout rooms, spotlight, together mode and dial-in exist only once the call is connected (after the lobby).
    if (state === 'Connected' && !this.ended) this.attachConnectedFeatures(call);
    if (state === 'Disconnected') this.finish(explainEnd(call.callEndReason, { localHangUp: this.localHangUp, callId: call.id }));
  }

  // ---- remote participants ----------------------------------------------------------------

  private addRemote(participant: RemoteParticipant): void {
    const id = rawIdOf(participant.identifier);
    if (this.remotes.has(id)) this.removeRemote(this.remotes.get(id)!.participant);
    const entry: RemoteEntry = { participant, off: [], streams: new Map() };
    this.remotes.set(id, entry);
    const change = (patch: Partial<ParticipantInit>) => this.push({ type: 'participantChanged', id, patch });
    entry.off.push(listen(participant, 'stateChanged', () => change({ status: participantStatusOf(participant.state) })));
    entry.off.push(listen(participant, 'isMutedChanged', () => change({ muted: participant.isMuted })));
    entry.off.push(listen(participant, 'isSpeakingChanged', () => change({ speaking: participant.isSpeaking })));
    entry.off.push(listen(participant, 'displayNameChanged', () => change({ name: participant.displayName ?? '' })));
    const streamsChanged = () => change(this.availability(participant));
    entry.off.push(
      listen(participant, 'videoStreamsUpdated', ({ added, removed }: { added: RemoteVideoStream[]; removed: RemoteVideoStream[] }) => {
        for (const stream of removed) {
          entry.streams.get(stream)?.();
          entry.streams.delete(stream);
        }
        for (const stream of added) entry.streams.set(stream, listen(stream, 'isAvailableChanged', streamsChanged));
        streamsChanged();
      }),
    );
    for (const stream of participant.videoStreams) entry.streams.set(stream, listen(stream, 'isAvailableChanged', streamsChanged));
    this.push({
      type: 'participantJoined',
      participant: {
        id,
        name: participant.displayName ?? '',
        status: participantStatusOf(participant.state),
        muted: participant.isMuted,
        speaking: participant.isSpeaking,
        ...this.availability(participant),
      },
    });
  }

  private availability(participant: RemoteParticipant): { videoAvailable: boolean; screenShareAvailable: boolean } {
    let videoAvailable = false;
    let screenShareAvailable = false;
    for (const stream of participant.videoStreams) {
      if (!stream.isAvailable) continue;
      if (stream.mediaStreamType === 'Video') videoAvailable = true;
      else if (stream.mediaStreamType === 'ScreenSharing') screenShareAvailable = true;
    }
    return { videoAvailable, screenShareAvailable };
  }

  private removeRemote(participant: RemoteParticipant): void {
    const id = rawIdOf(participant.identifier);
    const entry = this.remotes.get(id);
    if (!entry || entry.participant !== participant) return;
    for (const off of entry.off) off();
    for (const off of entry.streams.values()) off();
    this.remotes.delete(id);
    this.push({ type: 'participantLeft', id });
  }

  // ---- the model ----------------------------------------------------------------------------

  private push(event: CallEvent): void {
    this.queue.push(event);
    if (this.scheduled) return;
    this.scheduled = true;
    (this.deps.schedule ?? defaultSchedule)(() => this.flush());
  }

  /** Applies the queued events now (the next frame does it anyway). */
  flush(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    const events = this.queue;
    this.queue = [];
    this.store.set(applyEvents(this.store.get(), events));
  }

  private finish(ended: EndedInfo): void {
    if (this.ended) return;
    this.ended = true;
    this.push({ type: 'ended', ended, at: this.now() });
    this.flush();
    void this.teardown();
  }

  private teardown(): Promise<void> {
    this.torndown ??= (async () => {
      if (this.moving) clearTimeout(this.moving.timer);
      this.moving = null;
      this.releaseCall();
      this.localStream = null;
      this.carriedCamera?.dispose();
      this.carriedCamera = null;
      this.effectsController?.dispose();
      this.dropHandoff();
      this.releaseLeaving();
      const agent = this.agent;
      this.agent = null;
      if (agent) await this.deps.releaseCallAgent(agent).catch((error: unknown) => this.log('warn', `agent dispose: ${describeSdkError(error)}`));
      // No more proactive token refreshes once the meeting is over.
      this.credential?.dispose();
      this.credential = null;
    })();
    return this.torndown;
  }

  private log(level: LogLevel, message: string): void {
    this.options.log?.(level, `meeting: ${message}`);
  }

  private failed(what: string, error: unknown): void {
    this.log('warn', `${what} failed: ${describeSdkError(error)}`);
    this.push({ type: 'notice', kind: 'actionFailed', active: true });
  }

  private clearFailure(): void {
    if (this.store.get().notices.includes('actionFailed')) this.push({ type: 'notice', kind: 'actionFailed', active: false });
  }

  // ---- what the views call ------------------------------------------------------------------

  async leave(): Promise<void> {
    if (this.ended) return;
    this.localHangUp = true;
    this.push({ type: 'local', patch: { leaving: true } });
    const call = this.call;
    if (!call || call.state === 'Disconnected') {
      // Not in a call yet (token, agent): end now; start() stops at its next step.
      this.finish(explainEnd(null, { localHangUp: true, callId: call?.id ?? null }));
      return;
    }
    try {
      await call.hangUp();
    } catch (error) {
      this.log('warn', `hang up failed: ${describeSdkError(error)}`);
    }
    // The SDK reports Disconnected; should it not, the guest is not kept waiting.
    if (!this.ended) setTimeout(() => this.finish(explainEnd(call.callEndReason ?? null, { localHangUp: true, callId: call.id })), 3000);
  }

  async setMicrophone(on: boolean): Promise<void> {
    const state = this.store.get();
    if (on && !state.capabilities.unmuteMic.allowed) return;
    if (this.moving) {
      // Between calls: the choice goes to the call the guest arrives in.
      this.moving.carry.muted = !on;
      this.push({ type: 'local', patch: { muted: !on } });
      return;
    }
    const call = this.call;
    if (!call) {
      this.push({ type: 'local', patch: { muted: !on } });
      return;
    }
    try {
      if (on) await call.unmute();
      else await call.mute();
      this.clearFailure();
    } catch (error) {
      this.failed(on ? 'unmute' : 'mute', error);
    }
    this.push({ type: 'local', patch: { muted: call.isMuted } });
  }

  async setCamera(on: boolean): Promise<void> {
    const state = this.store.get();
    if (on && !state.capabilities.turnVideoOn.allowed) return;
    if (this.moving) {
      this.moving.carry.videoOn = on;
      this.push({ type: 'local', patch: { videoOn: on } });
      return;
    }
    const call = this.call;
    if (!call) {
      this.push({ type: 'local', patch: { videoOn: on } });
      return;
    }
    try {
      if (on) {
        const camera = this.deviceService.camera();
        if (!camera) throw new Error('no camera');
        const stream = this.localStream ?? new LocalVideoStream(camera);
        this.localStream = stream;
        this.push({ type: 'local', patch: { videoOn: true } });
        this.cameraStarting = true;
        try {
          await call.startVideo(stream);
        } finally {
          this.cameraStarting = false;
        }
      } else {
        const stream = this.localStream ?? call.localVideoStreams.find((s) => s.mediaStreamType === 'Video');
        this.push({ type: 'local', patch: { videoOn: false } });
        if (stream) await call.stopVideo(stream);
        this.localStream = null;
        // Video off frees the camera; turned on again, it opens by device like any camera.
        this.dropHandoff();
      }
      this.clearFailure();
    } catch (error) {
      this.failed(on ? 'start video' : 'stop video', error);
      this.push({ type: 'local', patch: { videoOn: call.isLocalVideoStarted } });
      if (!call.isLocalVideoStarted) this.localStream = null;
    }
  }

  toggleMicrophone(): Promise<void> {
    const muted = this.moving ? this.moving.carry.muted : this.call ? this.call.isMuted : this.store.get().local.muted;
    return this.setMicrophone(muted);
  }

  toggleCamera(): Promise<void> {
    const on = this.moving ? this.moving.carry.videoOn : this.call ? this.call.isLocalVideoStarted || this.cameraStarting : this.store.get().local.videoOn;
    return this.setCamera(!on);
  }

  async selectCamera(id: string): Promise<void> {
    this.deviceService.selectCamera(id);
    const camera = this.deviceService.camera(id);
    if (camera && this.localStream && this.handoff) {
      await this.switchHandoffCamera(camera.id).catch((error: unknown) => this.failed('switch camera', error));
    } else if (camera && this.localStream) {
      try {
        await this.localStream.switchSource(camera);
      } catch (error) {
        this.failed('switch camera', error);
      }
    }
  }

  async selectMicrophone(id: string): Promise<void> {
    await this.deviceService.selectMicrophone(id).catch((error: unknown) => this.failed('switch microphone', error));
  }

  async selectSpeaker(id: string): Promise<void> {
    await this.deviceService.selectSpeaker(id).catch((error: unknown) => this.failed('switch speaker', error));
  }

  async setHandRaised(raised: boolean): Promise<void> {
    await this.features.raiseHand?.setRaised(raised);
  }

  readonly reactions = {
    send: (reaction: ReactionType): Promise<void> => this.features.reactions?.send(reaction) ?? Promise.resolve(),
  };

  readonly breakoutRooms: BreakoutActions = {
    join: () => this.features.breakoutRooms?.join() ?? Promise.resolve(),
    returnToMain: () => this.features.breakoutRooms?.returnToMain() ?? Promise.resolve(),
    dismissNotice: () => this.push({ type: 'breakout/dismiss' }),
  };

  readonly mediaStats = {
    setIncomingVideo: (on: boolean): void => this.features.mediaStats?.setIncomingVideo(on),
    dismissAdvice: (): void => this.features.mediaStats?.dismissAdvice(),
  };

  readonly captions: CaptionsActions = {
    start: () => this.features.captions?.start() ?? Promise.resolve(),
    stop: () => this.features.captions?.stop() ?? Promise.resolve(),
    setSpokenLanguage: (language) => this.features.captions?.setSpokenLanguage(language) ?? Promise.resolve(),
    setCaptionLanguage: (language) => {
      this.captionLanguage = language;
      return this.features.captions?.setCaptionLanguage(language) ?? Promise.resolve();
    },
    dismissNotice: () => this.features.captions?.dismissNotice(),
  };

  get screenShare(): Observable<ScreenShareState> {
    return this.share.state;
  }

  startScreenShare(): Promise<void> {
    return this.share.start();
  }

  stopScreenShare(): Promise<void> {
    return this.share.stop();
  }

  dismissScreenShareMessage(): void {
    this.share.dismiss();
  }

  readonly spotlight = {
    leave: (): Promise<void> => this.features.spotlight?.leave() ?? Promise.resolve(),
  };

  renderTogetherMode(host: HTMLElement): Disposer {
    const stream = this.features.togetherMode?.stream();
    if (!stream) return () => undefined;
    // The scene is composed for its own frame: shown whole (Fit), never cropped.
    return this.renderInto(host, () => this.deps.createRemoteRenderer(stream), { scalingMode: 'Fit' });
  }

  async grantConsent(): Promise<void> {
    await this.features.recording?.grantConsent();
  }

  chatAccess(): ChatAccess | null {
    const { call, credential, chatEndpoint, localId } = this;
    // Only once admitted: Teams adds the guest to the meeting's thread when they are let in.
    if (!call || !credential || !chatEndpoint || !localId || this.store.get().phase !== 'connected') return null;
    const threadId = call.info.threadId;
    if (!threadId) return null;
    return {
      threadId,
      endpoint: chatEndpoint,
      userId: localId,
      displayName: this.options.displayName,
      joinedAt: this.joinedAt,
      token: () => credential.getToken(),
    };
  }

  renderParticipantVideo(participantId: string, host: HTMLElement, kind: VideoKind = 'video'): Disposer {
    const stream = this.remotes.get(participantId)?.participant.videoStreams.find((s) => s.mediaStreamType === STREAM_TYPE[kind] && s.isAvailable);
    if (!stream) return () => undefined;
    const render = () => this.renderInto(host, () => this.deps.createRemoteRenderer(stream), { scalingMode: kind === 'video' ? 'Crop' : 'Fit' });
    return kind === 'video' ? this.videoSlots.acquire(render) : render();
  }

  /**
   * A stream made from the join screen's camera goes on with a new stream of the other camera
   * (setMediaStream), and the self-view follows it; the old camera stops once the new one is sent.
   */
  private async switchHandoffCamera(sdkCameraId: string): Promise<void> {
    const handoff = this.handoff!;
    const platformId = sdkCameraId.replace(/^camera:/, '');
    const next = await navigator.mediaDevices.getUserMedia({ video: cameraConstraints({ exact: platformId }) });
    if (this.handoff !== handoff || !this.localStream) {
      stopStream(next);
      return;
    }
    await this.localStream.setMediaStream(next);
    const previous = handoff.stream;
    this.handoff = { ...handoff, stream: next, deviceId: platformId };
    handoff.video.srcObject = next;
    stopStream(previous);
  }

  get effects(): EffectsActions | null {
    return this.effectsController;
  }

  /** An effect was chosen while the call sends the join screen's stream: send the camera by device instead. */
  private async reopenCameraByDevice(): Promise<void> {
    const call = this.call;
    const camera = this.deviceService.camera();
    const current = this.localStream;
    if (!call || !camera || !current || !this.handoff) return;
    const next = new LocalVideoStream(camera);
    try {
      await call.stopVideo(current);
      this.retireHandoff();
      this.localStream = next;
      await call.startVideo(next);
      for (const view of this.localViews) {
        view.dispose();
        view.dispose = this.renderLocalInto(view.host);
      }
    } catch (error) {
      this.failed('reopen camera for effects', error);
      this.push({ type: 'local', patch: { videoOn: call.isLocalVideoStarted } });
    }
  }

  private dropHandoff(): void {
    if (!this.handoff) return;
    stopStream(this.handoff.stream);
    this.handoff.video.remove();
    this.handoff = null;
  }

  /** The call no longer sends the join screen's camera, but its picture stays until the new one is lit. */
  private retireHandoff(): void {
    const camera = this.handoff;
    if (!camera) return;
    this.handoff = null;
    this.releaseLeaving();
    // A self view that never shows the new stream must not keep the camera open.
    this.leaving = { camera, timer: setTimeout(() => this.releaseLeaving(), 2 * LIT_FRAME_TIMEOUT_MS) };
  }

  private releaseLeaving(): void {
    if (!this.leaving) return;
    clearTimeout(this.leaving.timer);
    stopStream(this.leaving.camera.stream);
    this.leaving.camera.video.remove();
    this.leaving = null;
  }

  renderLocalVideo(host: HTMLElement): Disposer {
    const view = { host, dispose: this.renderLocalInto(host) };
    this.localViews.add(view);
    return () => {
      view.dispose();
      this.localViews.delete(view);
    };
  }

  /** The self views on screen now, so a replaced camera stream can be shown where the old one was. */
  private readonly localViews = new Set<{ host: HTMLElement; dispose: Disposer }>();

  private renderLocalInto(host: HTMLElement): Disposer {
    const stream = this.localStream;
    if (!stream) return () => undefined;
    const carried = this.carriedCamera;
    if (carried?.stream === stream) {
      // The join screen's view of the same stream, moved here: its effect never restarts.
      host.replaceChildren(carried.box);
      void carried.box.querySelector('video')?.play().catch(() => undefined);
      return () => {
        if (carried.box.parentElement === host) carried.box.remove();
      };
    }
    const handoff = this.handoff;
    if (handoff) {
      // The join screen's own <video>, moved here: its picture never stops (mirrored by its own style).
      host.replaceChildren(handoff.video);
      void handoff.video.play().catch(() => undefined);
      return () => {
        if (handoff.video.parentElement === host) handoff.video.remove();
      };
    }
    const leaving = this.leaving?.camera;
    if (leaving) {
      if (leaving.video.parentElement !== host) host.replaceChildren(leaving.video);
      void leaving.video.play().catch(() => undefined);
    }
    // The SDK's own isMirrored flips twice (see self-view.ts): mirror the view ourselves.
    return this.renderInto(host, () => new VideoStreamRenderer(stream), { scalingMode: 'Crop', isMirrored: false }, true, leaving ? () => this.releaseLeaving() : undefined);
  }

  /**
   * Renders a stream's view into `host`. With `handOver`, what the host shows now stays on top
   * until the view presents a lit frame; then it goes and `handOver` runs.
   */
  private renderInto(host: HTMLElement, create: () => RemoteStreamRenderer, options: CreateViewOptions, mirror = false, handOver?: () => void): Disposer {
    let disposed = false;
    let cancelWait: () => void = () => undefined;
    let view: VideoView | null = null;
    let renderer: RemoteStreamRenderer | null = null;
    try {
      renderer = create();
    } catch (error) {
      this.log('warn', `video renderer: ${describeSdkError(error)}`);
      return () => undefined;
    }
    renderer.createView(options).then(
      (created) => {
        if (disposed) {
          disposeAll(created);
          return;
        }
        view = created;
        let content: HTMLElement = created.target;
        if (mirror) {
          content = document.createElement('div');
          content.className = 'meeting-mirror';
          content.append(created.target);
        }
        if (handOver) {
          for (const child of host.children) child.classList.add('self-view-leaving');
          host.prepend(content);
          cancelWait = whenVideoIn(created.target, (video) => {
            cancelWait = whenLitFrame(
              video,
              () => {
                host.replaceChildren(content);
                handOver();
              },
              () => this.effectsController?.settled() ?? true,
            );
          });
        } else host.replaceChildren(content);
        if (mirror) {
          const box = content;
          mirrorSelfView(box, created.target.querySelector('video'));
          created.target.querySelector('video')?.addEventListener('playing', () => mirrorSelfView(box, created.target.querySelector('video')), { once: true });
        }
      },
      (error: unknown) => {
        if (!disposed) this.log('warn', `video view: ${describeSdkError(error)}`);
      },
    );
    return () => {
      if (disposed) return;
      disposed = true;
      cancelWait();
      disposeAll(view, renderer);
      if (view && host.contains((view).target)) host.replaceChildren();
    };
  }

  async dispose(): Promise<void> {
    await this.leave();
    await this.started;
    await this.teardown();
  }
}
