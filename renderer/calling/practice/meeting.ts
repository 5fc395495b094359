// Process: renderer. The scripted meeting: plays the Teams meeting service for the calling
// module, with no service at all. Calls made through its call agent connect, wait in the lobby or
// go straight in, get participants (with painted video), and then do what they are told (the
// practice script, a test through control.ts, or the churn): join, leave, speak, mute, change
// capabilities, record, lose the network, and end with any code/subCode. Everything the guest's
// client sends is reported to `onReceived` listeners. It opens no connection of any kind: its SDK
// imports are types only, and its video is painted locally.
import type { CallAgent, CallAgentOptions, CaptionsKind, Reaction, RemoteVideoStreamCommon } from '@azure/communication-calling';
import type { CommunicationTokenCredential } from '@azure/communication-common';
import type { CallDeps } from '../call-session';
import { systemClock, type Clock } from './clock';
import type { BreakoutRoomScript, ChurnOptions, ChurnStats, JoinRecord, ScriptedMeetingConfig, ScriptedMeetingControl } from './control';
import { ScriptedBreakoutRoom, type RoomHost } from './features/breakout-rooms';
import type { Received } from './received';
import { browserDisplayMedia, type DisplayMediaSource } from './screen-share';
import { ScriptedCall, ScriptedCallAgent, ScriptedRemoteParticipant, ScriptedRemoteVideoStream, selfIdentifierOf, type FeatureKeys, type MeetingEnv } from './sdk';
import { ScriptedVideoStreamRenderer } from './video';
import { ScriptedCallingError } from './errors';
import type { NetworkConditions } from './features/media-stats';
import { ScriptedEchoBot } from './echo-bot';

/** What the meeting needs from where it runs. */
export interface MeetingSetup {
  /** The SDK's Features object (feature lookups key on it). */
  features: FeatureKeys;
  clock?: Clock;
  displayMedia?: DisplayMediaSource;
}

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Barbara', 'Dennis', 'Frances', 'Ken', 'Radia', 'Tim', 'Hedy', 'Edsger', 'Margaret', 'Donald', 'Sophie', '민준', '서연', 'Yuki', 'Olu'];
const LAST_NAMES = ['Lovelace', 'Hopper', 'Turing', 'Johnson', 'Torvalds', 'Liskov', 'Ritchie', 'Allen', 'Thompson', 'Perlman', 'Berners-Lee', 'Lamarr', 'Dijkstra', 'Hamilton', 'Knuth', 'Wilson', '김', '이', 'Tanaka', 'Adeyemi'];

/** A small deterministic PRNG (mulberry32), so churn runs repeat. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The assigned room: its people, and who stays in the main meeting while it is open. */
interface RoomPlay {
  readonly room: ScriptedBreakoutRoom;
  readonly people: ScriptedRemoteParticipant[];
  readonly canReturn: boolean;
  readonly endsInMs: number | undefined;
  /** The main meeting's call and people while the guest is in the room. */
  main: { call: ScriptedCall; people: ScriptedRemoteParticipant[] } | null;
}

/** Someone who left a call arrives in another: connecting again, as the SDK lists newcomers. */
function arriving(p: ScriptedRemoteParticipant): ScriptedRemoteParticipant {
  p.state = 'Connecting';
  return p;
}

export class ScriptedMeeting implements ScriptedMeetingControl, RoomHost {
  /** The guest's call now: the main meeting's, or a breakout room's. */
  call: ScriptedCall | null = null;
  private agent: ScriptedCallAgent | null = null;
  private roomPlay: RoomPlay | null = null;
  private readonly records: JoinRecord[] = [];
  private readonly listeners = new Set<(action: Received) => void>();
  /** For received(): a page's test cannot subscribe across the process boundary, so the meeting keeps the log. */
  private readonly log: Received[] = [];
  private readonly env: MeetingEnv;
  private readonly clock: Clock;
  private created = 0;
  private disposed = 0;
  private named = 0;
  private connected = 1;
  private rand: () => number;
  private churn: { stats: ChurnStats; measure: boolean; stop(): void } | null = null;
  private echoBot: ScriptedEchoBot | null = null;
  /** Time a test skipped (echoBotNext): the calling module's clock is the meeting's plus this. */
  private skippedMs = 0;

  constructor(
    private readonly config: ScriptedMeetingConfig,
    setup: MeetingSetup,
  ) {
    this.rand = random(config.seed ?? 42);
    this.clock = setup.clock ?? systemClock;
    this.env = {
      features: setup.features,
      clock: this.clock,
      displayMedia: setup.displayMedia ?? browserDisplayMedia,
      mediaStatsEveryMs: config.mediaStatsEveryMs ?? 1_000,
      received: (action) => {
        this.log.push(action.kind === 'token' ? { ...action, token: '[token]' } : action);
        for (const listener of [...this.listeners]) listener(action);
      },
    };
  }

  /** Listens to everything the guest's client sends the meeting; returns the unsubscribe. */
  onReceived(listener: (action: Received) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** CallClient.createCallAgent's stand-in: reads the credential, as the service does, to know who joins. */
  async createCallAgent(credential: CommunicationTokenCredential, options: CallAgentOptions): Promise<CallAgent> {
    this.env.received({ kind: 'agent', displayName: options.displayName });
    const { token } = await credential.getToken();
    this.env.received({ kind: 'token', use: 'agent', token });
    this.created++;
    const agent = new ScriptedCallAgent(
      options.displayName,
      selfIdentifierOf(token),
      credential,
      {
        onJoin: (joined, call) => this.onJoin(joined, call),
        onEchoCall: (call) => this.onEchoCall(call),
        onHangUp: () => undefined,
        optimalVideoCount: () => this.config.optimalVideoCount ?? 9,
        tokenCheckMs: this.config.tokenCheckMs ?? 5 * 60_000,
      },
      this.env,
    );
    const dispose = agent.dispose.bind(agent);
    agent.dispose = async () => {
      if (!agent.disposed) this.disposed++;
      await dispose();
    };
    return agent;
  }

  createRemoteRenderer(stream: RemoteVideoStreamCommon): ScriptedVideoStreamRenderer {
    // Participants' cameras and screens, and the together-mode scene: all scripted streams.
    if (!(stream instanceof ScriptedRemoteVideoStream)) throw new ScriptedCallingError('not a stream of the scripted meeting', 400, 43101);
    return new ScriptedVideoStreamRenderer(stream);
  }

  /** What the calling module gets instead of the SDK's agent and renderer, in a page. */
  get deps(): Pick<CallDeps, 'createCallAgent' | 'createRemoteRenderer' | 'schedule' | 'now'> {
    return {
      now: () => this.clock.now() + this.skippedMs,
      createCallAgent: (credential, options) => this.createCallAgent(credential, options),
      createRemoteRenderer: (stream) => this.createRemoteRenderer(stream),
      // The calling module's batching, as in production (next frame, or a timer when hidden). The
      // benches time it from a DevTools trace (bench/trace-attribution.ts), not in the page.
      schedule: (flush) => {
        let done = false;
        const run = () => {
          if (done) return;
          done = true;
          flush();
        };
        requestAnimationFrame(run);
        setTimeout(run, 250);
      },
    };
  }

  private onJoin(agent: ScriptedCallAgent, call: ScriptedCall): void {
    this.stopChurnQuietly();
    this.call = call;
    this.agent = agent;
    this.roomPlay = null;
    this.records.push({
      locator: call.locator,
      displayName: agent.displayName,
      muted: call.isMuted,
      video: call.isLocalVideoStarted,
    });
    const config = this.config;
    if (config.participantsAtJoin) call.scriptPresent(this.people(config.participantsAtJoin, config.participantsAtJoin));
    if (config.recording) call.recording.scriptActive(true);
    if (config.transcription) call.transcription.scriptActive(true);
    if (config.capabilities) call.capabilities.scriptSet(config.capabilities);
    if (config.consentRequired) this.setConsentRequired(true);
    if (config.dialIn) call.audioConferencing.scriptDetails(config.dialIn.conferenceId, config.dialIn.numbers);
    this.clock.setTimeout(() => {
      if (this.call !== call || call.state !== 'Connecting') return;
      if (config.endWhileConnecting) call.scriptEnd({ code: config.endWhileConnecting.code, subCode: config.endWhileConnecting.subCode });
      else if (config.lobby) call.scriptState('InLobby');
      else this.admit();
    }, config.connectDelayMs ?? 300);
  }

  /** The test call: the echo bot answers after the connect delay and plays its script. */
  private onEchoCall(call: ScriptedCall): void {
    this.stopChurnQuietly();
    this.echoBot?.stop();
    this.call = call;
    this.echoBot = new ScriptedEchoBot(call, this.clock, {
      connectDelayMs: this.config.connectDelayMs ?? 300,
      manual: this.config.echoBot === 'manual',
      endWhileConnecting: this.config.endWhileConnecting,
    });
  }

  /** The bot's next step now; the meeting's time (deps.now) moves on by the time the step would have taken. */
  echoBotNext(): void {
    if (!this.echoBot) throw new Error('no test call yet: press Test call first');
    this.skippedMs += this.echoBot.next();
  }

  echoBotStep(): string {
    return this.echoBot?.current ?? 'none';
  }

  private requireCall(): ScriptedCall {
    if (!this.call) throw new Error('no scripted call yet: press Join first');
    return this.call;
  }

  private participant(id: string): ScriptedRemoteParticipant {
    const p = this.requireCall().remoteParticipants.find((x) => x.rawId === id);
    if (!p) throw new Error(`no participant ${id}`);
    return p;
  }

  private newName(): string {
    const n = this.named++;
    const first = FIRST_NAMES[n % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(n / FIRST_NAMES.length + n) % LAST_NAMES.length];
    return /[가-힣]/.test(first) ? `${last}${first}` : `${first} ${last}${n >= FIRST_NAMES.length ? ` ${Math.floor(n / FIRST_NAMES.length) + 1}` : ''}`;
  }

  // ---- control ----------------------------------------------------------------------------

  hasCall(): boolean {
    return this.call !== null;
  }
  callState(): string {
    return this.call?.state ?? 'None';
  }
  joins(): JoinRecord[] {
    return this.records;
  }
  agents(): { created: number; disposed: number } {
    return { created: this.created, disposed: this.disposed };
  }

  admit(): void {
    const call = this.requireCall();
    if (call.state !== 'Connecting' && call.state !== 'InLobby') return;
    // Connected: the service gives the call its own id, and the people in the meeting arrive.
    call.scriptState('Connected');
    call.scriptId(`${call.id.split('/')[0]}/${(this.connected++).toString(36)}-server`);
    const count = this.config.participants ?? 2;
    call.scriptJoin(this.people(count, this.config.videoParticipants ?? count));
  }

  private people(count: number, withVideo: number): ScriptedRemoteParticipant[] {
    const people: ScriptedRemoteParticipant[] = [];
    for (let i = 0; i < count; i++) people.push(new ScriptedRemoteParticipant({ name: this.newName(), video: i < withVideo, muted: i % 3 === 0, teams: i % 2 === 0 }));
    return people;
  }

  addParticipants(count: number, options: { video?: boolean; muted?: boolean; name?: string; teams?: boolean } = {}): string[] {
    const call = this.requireCall();
    const people: ScriptedRemoteParticipant[] = [];
    for (let i = 0; i < count; i++) {
      people.push(new ScriptedRemoteParticipant({ name: options.name ?? this.newName(), video: options.video ?? false, muted: options.muted ?? true, teams: options.teams }));
    }
    call.scriptJoin(people);
    return people.map((p) => p.rawId);
  }

  removeParticipants(ids: string[]): void {
    this.requireCall().scriptLeave(ids.map((id) => this.participant(id)));
  }

  participantIds(): string[] {
    return (this.call?.remoteParticipants ?? []).map((p) => p.rawId);
  }

  setSpeaking(id: string, speaking: boolean): void {
    const p = this.participant(id);
    if (speaking) p.scriptMuted(false);
    p.scriptSpeaking(speaking);
  }
  setMuted(id: string, muted: boolean): void {
    this.participant(id).scriptMuted(muted);
  }
  setVideo(id: string, on: boolean): void {
    this.participant(id).camera.scriptAvailable(on);
  }
  setName(id: string, name: string): void {
    this.participant(id).scriptName(name);
  }
  raiseHand(id: string, raised: boolean): void {
    const p = this.participant(id);
    this.requireCall().raiseHandFeature.scriptRaise(p.identifier as never, raised);
  }
  react(id: string, reaction: string): void {
    this.requireCall().reactions.scriptReaction(this.participant(id).identifier as never, reaction as Reaction);
  }
  received(): Received[] {
    return [...this.log];
  }
  sentReactions(): string[] {
    return [...this.requireCall().reactions.sent];
  }
  speak(id: string, text: string, final: boolean): void {
    const p = this.participant(id);
    this.requireCall().captions.captions.scriptCaption({ identifier: p.identifier, displayName: p.displayName }, text, final);
  }
  captions(): { kind: CaptionsKind; active: boolean; spokenLanguage: string; captionLanguage: string } {
    const captions = this.requireCall().captions.captions;
    const captionLanguage = captions.kind === 'TeamsCaptions' ? captions.activeCaptionLanguage : '';
    return { kind: captions.kind, active: captions.isCaptionsFeatureActive, spokenLanguage: captions.activeSpokenLanguage, captionLanguage };
  }
  setCaptionsKind(kind: CaptionsKind): void {
    this.requireCall().captions.scriptKind(kind);
  }
  stopCaptionsByService(): void {
    this.requireCall().captions.captions.scriptActive(false);
  }
  failNextCaptionsStart(): void {
    this.requireCall().captions.captions.failNextStart = new ScriptedCallingError('captions service unavailable', 500, 8500);
  }
  muteByOthers(): void {
    this.requireCall().scriptMutedByOthers();
  }
  setDominantSpeakers(ids: string[]): void {
    this.requireCall().dominantSpeakers.scriptSet(ids.map((id) => this.participant(id).identifier));
  }
  setCapability(name: string, isPresent: boolean, reason: string): void {
    this.requireCall().capabilities.scriptSet({ [name]: { isPresent, reason } });
  }
  setRecording(active: boolean): void {
    this.requireCall().recording.scriptActive(active);
  }
  setTranscription(active: boolean): void {
    this.requireCall().transcription.scriptActive(active);
  }
  setConsentRequired(required: boolean): void {
    const call = this.requireCall();
    call.consent.required = required;
    const reason = required ? { isPresent: false, reason: 'ExplicitConsentRequired' as const } : { isPresent: true, reason: 'Capable' as const };
    call.capabilities.scriptSet({ unmuteMic: reason, turnVideoOn: reason, shareScreen: reason });
    if (required && !call.isMuted) call.scriptMuted(true);
  }
  consentRequired(): boolean {
    return this.call?.consent.required ?? false;
  }
  setSpotlight(ids: string[]): void {
    const spotlight = this.requireCall().spotlight;
    spotlight.scriptSet(ids.map((id) => (id === 'self' ? spotlight.self() : this.participant(id).identifier)));
  }
  spotlighted(): string[] {
    const call = this.requireCall();
    const self = JSON.stringify(call.spotlight.self());
    return call.spotlight.getSpotlightedParticipants().map((p) => (JSON.stringify(p.identifier) === self ? 'self' : (call.remoteParticipants.find((r) => JSON.stringify(r.identifier) === JSON.stringify(p.identifier))?.rawId ?? '?')));
  }
  setTogetherMode(on: boolean): void {
    const call = this.requireCall();
    call.togetherMode.scriptActive(on, call.remoteParticipants.map((p) => p.rawId));
  }
  togetherModeViews(): number {
    const stream = this.call?.togetherMode.togetherModeStream[0] as { views?: number } | undefined;
    return stream?.views ?? 0;
  }
  dialInRequests(): number {
    return this.requireCall().audioConferencing.requests;
  }
  setOptimalVideoCount(count: number): void {
    this.requireCall().optimalVideoCount.scriptSet(count);
  }
  setNetwork(direction: 'send' | 'receive' | 'both', conditions: NetworkConditions): void {
    this.requireCall().mediaStats.scriptNetwork(direction, conditions);
  }
  reportMediaStats(count: number): void {
    this.requireCall().mediaStats.scriptReport(count);
  }
  mediaStatsCollectors(): number {
    return this.call?.mediaStats.collectorCount() ?? 0;
  }
  setDiagnostic(kind: 'network' | 'media', name: string, value: boolean | number): void {
    const diagnostics = this.requireCall().diagnostics;
    (kind === 'network' ? diagnostics.network : diagnostics.media).scriptSet(name, value);
  }
  setCallState(state: string): void {
    this.requireCall().scriptState(state as ScriptedCall['state']);
  }
  end(code: number, subCode?: number): void {
    this.stopChurnQuietly();
    this.requireCall().scriptEnd(subCode === undefined ? { code } : { code, subCode });
  }
  local(): { muted: boolean; video: boolean; handRaised: boolean } {
    const call = this.requireCall();
    return {
      muted: call.isMuted,
      video: call.isLocalVideoStarted,
      handRaised: call.raiseHandFeature.getRaisedHands().some((hand) => 'communicationUserId' in hand.identifier && hand.identifier.communicationUserId.includes('guest')),
    };
  }
  featureListeners(): number {
    return this.requireCall().featureListenerCount();
  }
  videoViews(): number {
    return ScriptedVideoStreamRenderer.active;
  }
  setScreenShare(id: string, on: boolean): void {
    this.participant(id).scriptScreenShare(on);
  }
  localScreenShare(): { on: boolean; source: string | null; audio: boolean } {
    return this.requireCall().screenShare.shared;
  }
  endLocalScreenShareSource(): void {
    this.requireCall().screenShare.endSource();
  }

  // ---- breakout rooms --------------------------------------------------------------------------

  assignBreakoutRoom(name: string, options: BreakoutRoomScript = {}): void {
    const call = this.requireCall();
    const room = new ScriptedBreakoutRoom(`19:breakout_${crypto.randomUUID().slice(0, 8)}@thread.v2`, name, options.autoMove ?? true, this);
    const people = call.remoteParticipants.slice(0, options.participants ?? 1);
    this.roomPlay = { room, people, canReturn: options.canReturn ?? true, endsInMs: options.endsInMs, main: null };
    call.breakoutRooms.scriptAssigned(room);
  }

  openBreakoutRoom(): void {
    const play = this.requireRoom();
    const call = this.requireCall();
    play.room.state = 'open';
    call.breakoutRooms.scriptAssigned(play.room);
    call.breakoutRooms.scriptSettings(this.roomSettings(play));
    // Everyone assigned goes in, the guest too when the room moves people by itself.
    call.scriptLeave(play.people);
    if (play.room.autoMoveParticipantToBreakoutRoom && !this.config.roomJoinRefused) {
      this.clock.setTimeout(() => {
        if (this.call === call && play.room.state === 'open') void this.moveIn(play, true);
      }, 0);
    }
  }

  closeBreakoutRoom(): void {
    const play = this.requireRoom();
    play.room.state = 'closed';
    const call = this.requireCall();
    if (play.main) {
      // In the room: the room tells the guest's client, which goes back (returnToMainMeeting).
      play.main.people.push(...play.people);
    } else {
      call.scriptJoin(play.people.map(arriving));
    }
    call.breakoutRooms.scriptAssigned(play.room);
  }

  breakoutRoom(): { where: 'main' | 'room'; name: string | null; open: boolean } {
    const play = this.roomPlay;
    return { where: play?.main ? 'room' : 'main', name: play?.room.displayName ?? null, open: play?.room.state === 'open' };
  }

  /** The guest presses Join in the room's banner (BreakoutRoom.join()). */
  joinRoom(room: ScriptedBreakoutRoom): Promise<ScriptedCall> {
    const play = this.roomPlay;
    if (!play || play.room !== room || room.state !== 'open' || play.main) return Promise.reject(new ScriptedCallingError('the room is not open', 400, 40400));
    return this.moveIn(play, false);
  }

  /** The guest (or their client, as the room closes) goes back: the main meeting's call again. */
  returnToMain(room: ScriptedBreakoutRoom): Promise<ScriptedCall> {
    const play = this.roomPlay;
    const from = this.call;
    if (!play || play.room !== room || !play.main || !from || !this.agent) return Promise.reject(new ScriptedCallingError('not in a breakout room', 400, 40401));
    if (room.state === 'open' && !play.canReturn) return Promise.reject(new ScriptedCallingError('the room does not let people go back', 403, 40403));
    const main = play.main;
    play.main = null;
    const call = this.agent.scriptMove(main.call.locator as never, this.carried(from));
    this.env.received({ kind: 'breakoutReturn', displayName: this.agent.displayName, muted: call.isMuted, video: call.isLocalVideoStarted });
    this.call = call;
    room.call = undefined;
    call.breakoutRooms.assignedBreakoutRooms = room;
    from.scriptEnd({ code: 0, subCode: 0 });
    this.connectMoved(call, main.people);
    return Promise.resolve(call);
  }

  private requireRoom(): RoomPlay {
    if (!this.roomPlay) throw new Error('no breakout room: assignBreakoutRoom() first');
    return this.roomPlay;
  }

  private roomSettings(play: RoomPlay) {
    return { disableReturnToMainMeeting: !play.canReturn, ...(play.endsInMs === undefined ? {} : { roomEndTime: { deltaTimeInMs: play.endsInMs } }) };
  }

  /** What the new call starts with: the old call's mute and camera, unless the script says the service drops them. */
  private carried(from: ScriptedCall) {
    if (this.config.roomKeepsMedia === false) return { audioOptions: { muted: true } };
    return { audioOptions: { muted: from.isMuted }, videoOptions: from.localVideoStreams.length > 0 ? { localVideoStreams: [...from.localVideoStreams] } : undefined };
  }

  private moveIn(play: RoomPlay, byTeams: boolean): Promise<ScriptedCall> {
    const from = this.requireCall();
    const agent = this.agent!;
    const camera = from.localVideoStreams.find((stream) => stream.mediaStreamType === 'Video');
    const record = { kind: 'breakoutJoin', room: play.room.displayName, displayName: agent.displayName, muted: from.isMuted, video: Boolean(camera), cameraId: camera?.source?.id ?? null } as const;
    if (this.config.roomJoinRefused) {
      this.env.received({ ...record, refused: 'policy' });
      return Promise.reject(new ScriptedCallingError('breakout rooms are not available to this participant', 403, 46300));
    }
    const call = agent.scriptMove({ meetingLink: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(play.room.threadId)}/0` }, this.carried(from));
    this.env.received({ ...record, muted: call.isMuted, video: call.isLocalVideoStarted });
    play.main = { call: from, people: from.remoteParticipants.filter((p) => !play.people.includes(p)) };
    play.room.call = call;
    this.call = call;
    call.breakoutRooms.assignedBreakoutRooms = play.room;
    call.breakoutRooms.breakoutRoomsSettings = this.roomSettings(play);
    // Teams hands the room's call over, then takes the guest out of the main meeting.
    if (byTeams) from.breakoutRooms.scriptJoined(call);
    from.scriptEnd({ code: 0, subCode: 0 });
    this.connectMoved(call, play.people);
    return Promise.resolve(call);
  }

  /** The moved call connects after the SDK's join time, and its people are there. */
  private connectMoved(call: ScriptedCall, people: ScriptedRemoteParticipant[]): void {
    this.clock.setTimeout(() => {
      if (this.call !== call || call.state !== 'Connecting') return;
      call.scriptState('Connected');
      call.scriptId(`${call.id.split('/')[0]}/${(this.connected++).toString(36)}-server`);
      call.scriptJoin(people.map(arriving));
    }, this.config.roomConnectDelayMs ?? 300);
  }

  // ---- churn: participants joining, leaving, speaking, muting, all the time -------------------

  startChurn(options: ChurnOptions): void {
    this.stopChurnQuietly();
    const call = this.requireCall();
    const stats: ChurnStats = { events: 0, joins: 0, leaves: 0, frameIntervalsMs: [], longFramesMs: [], longFrameParts: [] };
    const rand = this.rand;
    const pick = () => call.remoteParticipants[Math.floor(rand() * call.remoteParticipants.length)];
    let speaker: ScriptedRemoteParticipant | null = null;
    const REACTIONS = ['like', 'heart', 'applause', 'laugh', 'surprised'] as const;
    let words = 0;

    const react = () => {
      const p = pick();
      if (p) call.reactions.scriptReaction(p.identifier as never, REACTIONS[Math.floor(rand() * REACTIONS.length)]);
      stats.events++;
    };
    // One phrase after another: partial results growing word by word, then the final text.
    const caption = () => {
      if (!speaker || words >= 12) {
        speaker = pick() ?? null;
        words = 0;
      }
      if (speaker) {
        words++;
        const text = Array.from({ length: words }, (_, i) => `word${i + 1}`).join(' ');
        call.captions.captions.scriptCaption({ identifier: speaker.identifier, displayName: speaker.displayName }, text, words >= 12);
      }
      stats.events++;
    };

    const roster = () => {
      const n = call.remoteParticipants.length;
      const roll = rand();
      const joinWeight = n < options.target ? 0.3 : 0.1;
      const leaveWeight = n > options.target ? 0.3 : 0.1;
      if (roll < joinWeight || n === 0) {
        call.scriptJoin([new ScriptedRemoteParticipant({ name: this.newName(), video: rand() < (options.videoShare ?? 0.5), muted: rand() < 0.5, teams: rand() < 0.5 })]);
        stats.joins++;
      } else if (roll < joinWeight + leaveWeight) {
        const p = pick();
        if (p === speaker) speaker = null;
        if (p) call.scriptLeave([p]);
        stats.leaves++;
      } else if (roll < 0.7) {
        // A new speaker takes over.
        speaker?.scriptSpeaking(false);
        speaker = pick() ?? null;
        if (speaker) {
          speaker.scriptMuted(false);
          speaker.scriptSpeaking(true);
        }
      } else if (roll < 0.8) {
        const ids = [speaker, pick(), pick()].filter((p): p is ScriptedRemoteParticipant => Boolean(p));
        call.dominantSpeakers.scriptSet(ids.map((p) => p.identifier));
      } else if (roll < 0.9) {
        const p = pick();
        if (p && p !== speaker) p.scriptMuted(!p.isMuted);
      } else {
        const p = pick();
        if (p) p.camera.scriptAvailable(!p.camera.isAvailable);
      }
      stats.events++;
    };

    const sample = () => {
      call.mediaStats.scriptReport(1);
      stats.events++;
    };
    const act = options.kind === 'reactions' ? react : options.kind === 'captions' ? caption : options.kind === 'mediaStats' ? sample : roster;
    const stream = options.kind ?? 'roster';
    const tick = () => {
      if (call.state === 'Disconnected') return;
      if (options.measure) {
        // Each update by id in a DevTools trace (bench/trace-attribution.ts follows what it causes).
        performance.mark(`doorway-update:${stream}:${stats.events}`);
      }
      act();
    };
    const timer = this.clock.setInterval(tick, 1000 / options.eventsPerSecond);

    let stopFrames = () => undefined as void;
    if (options.measure) {
      // The time between animation frames (the longest frame); the work per update comes from
      // the benches' DevTools trace.
      let running = true;
      let last = 0;
      const onFrame = (now: number) => {
        if (!running) return;
        if (last) stats.frameIntervalsMs.push(now - last);
        last = now;
        requestAnimationFrame(onFrame);
      };
      requestAnimationFrame(onFrame);
      let observer: PerformanceObserver | null = null;
      try {
        observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            stats.longFramesMs.push(entry.duration);
            const frame = entry as PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts?: Array<{ invoker: string; duration: number; sourceURL: string }> };
            const scripts = (frame.scripts ?? []).map((s) => `${s.invoker}@${s.sourceURL.split('/').pop()} ${s.duration.toFixed(0)}`).join(', ');
            const render = frame.renderStart ? entry.startTime + entry.duration - frame.renderStart : 0;
            const styleLayout = frame.styleAndLayoutStart ? entry.startTime + entry.duration - frame.styleAndLayoutStart : 0;
            stats.longFrameParts.push(`${entry.duration.toFixed(0)} ms: render ${render.toFixed(0)} (style+layout+paint ${styleLayout.toFixed(0)}); scripts: ${scripts || 'none'}`);
          }
        });
        observer.observe({ type: 'long-animation-frame', buffered: false });
      } catch {
        observer = null;
      }
      stopFrames = () => {
        running = false;
        observer?.disconnect();
      };
    }
    this.churn = {
      stats,
      measure: options.measure ?? false,
      stop: () => {
        this.clock.clearInterval(timer);
        stopFrames();
      },
    };
  }

  stopChurn(): ChurnStats {
    const churn = this.churn;
    if (!churn) throw new Error('no churn running');
    churn.stop();
    this.churn = null;
    return churn.stats;
  }

  private stopChurnQuietly(): void {
    this.churn?.stop();
    this.churn = null;
  }
}
