// Process: renderer (SDK). The test call: a 1:1 call to the ACS test bot (`8:echo123`) with the
// guest's own token (main's token path, as for a meeting), on the devices chosen on the join
// screen. Its phases come from test-call-model.ts (how they are inferred is written there); when
// the bot has played back, the call hangs itself up. Every failure ends as an EndedInfo made by the
// same functions as a meeting's (end-reasons.ts), so the guest gets the same explanation. It never
// touches the join screen's camera: the preview keeps running.
import type { Call, CallAgent, RemoteParticipant } from '@azure/communication-calling';
import { getIdentifierRawId } from '@azure/communication-common';
import type { LogLevel, TokenReply } from '../../common/ipc-contract';
import type { CallDeps } from './call-session';
import type { ChosenDevices } from './device-ids';
import type { DeviceService } from './devices';
import { explainEnd, explainJoinError, tokenUnavailable } from './end-reasons';
import { Store, type AccessState, type Observable } from './model';
import { describeSdkError } from './sdk-error';
import { listen } from './sdk-events';
import { createGuestCredential, type GuestCredential } from './token-credential';
import { ECHO_BOT_ID, applyTestCallEvent, initialTestCallState, isFinished, type TestCallEvent, type TestCallHandle, type TestCallState } from './test-call-model';

export interface TestCallOptions {
  displayName: string;
  /** Asks main for a token (the bridge's getToken with the guest's name). */
  getToken(): Promise<TokenReply>;
  /** The microphone and speaker chosen on the join screen (the camera is not used). */
  devices?: ChosenDevices;
  access?: { camera: AccessState; microphone: AccessState };
  log?(level: LogLevel, message: string): void;
}

/** How often time is checked for phases the bot's talking did not move on. */
const TICK_MS = 500;

export class EchoTestCall implements TestCallHandle {
  private readonly store: Store<TestCallState>;
  private readonly now: () => number;
  private readonly offs: Array<() => void> = [];
  private agent: CallAgent | null = null;
  private call: Call | null = null;
  private credential: GuestCredential | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private released: Promise<void> | null = null;
  private readonly started: Promise<void>;

  constructor(
    private readonly deps: Pick<CallDeps, 'createCallAgent' | 'releaseCallAgent' | 'now'>,
    private readonly deviceService: DeviceService,
    private readonly options: TestCallOptions,
  ) {
    this.now = deps.now ?? (() => Date.now());
    this.store = new Store(initialTestCallState(this.now()));
    this.started = this.start().catch((error: unknown) => {
      this.log('error', `test call failed: ${describeSdkError(error)}`);
      this.apply({ type: 'ended', ended: explainJoinError(error, this.call?.id ?? null), at: this.now() });
    });
  }

  get state(): Observable<TestCallState> {
    return this.store;
  }

  private get finished(): boolean {
    return isFinished(this.store.get().phase);
  }

  private async start(): Promise<void> {
    const first = await this.options.getToken();
    if (this.finished) return;
    if (!first.ok) {
      this.log('warn', `no token: ${first.error}`);
      this.apply({ type: 'ended', ended: tokenUnavailable(first.error), at: this.now() });
      return;
    }
    const credential = createGuestCredential({
      token: first.token,
      renew: () => this.options.getToken(),
      onGiveUp: (error) => this.apply({ type: 'ended', ended: tokenUnavailable(error), at: this.now() }),
      log: (level, message) => this.log(level, message),
    });
    // The devices chosen on the join screen, without asking the SDK for permission again where the answer is known.
    const access = this.options.access;
    const known = access && access.camera !== 'unknown' && access.microphone !== 'unknown';
    await (known ? this.deviceService.adopt(this.options.devices ?? {}, access) : this.deviceService.requestAccess(this.options.devices)).catch(() => undefined);
    if (this.finished) return credential.dispose();
    // The credential is this start's until the agent exists: a stop meanwhile must not dispose it
    // under the SDK, which reads the token while it makes the agent.
    const agent = await this.deps.createCallAgent(credential, { displayName: this.options.displayName }).catch((error: unknown) => {
      credential.dispose();
      throw error;
    });
    if (this.finished) {
      // Stopped while the agent was being made (release has run already): let it go here.
      await this.deps.releaseCallAgent(agent).catch(() => undefined);
      return credential.dispose();
    }
    this.credential = credential;
    this.agent = agent;
    // An UnknownIdentifier: the SDK refuses '8:echo123' as a communicationUserId (422/44004
    // "Invalid CommunicationUser identifier specified", measured with SDK 2.0).
    const call = (this.call = agent.startCall([{ id: ECHO_BOT_ID }], { audioOptions: { muted: false } }));
    this.offs.push(listen(call, 'stateChanged', () => this.onCallState(call)));
    this.offs.push(listen(call, 'remoteParticipantsUpdated', ({ added }: { added: RemoteParticipant[] }) => added.forEach((p) => this.watchBot(p))));
    call.remoteParticipants.forEach((p) => this.watchBot(p));
    this.ticker = setInterval(() => this.apply({ type: 'tick', at: this.now() }), TICK_MS);
    this.onCallState(call);
  }

  private watchBot(participant: RemoteParticipant): void {
    if (getIdentifierRawId(participant.identifier) !== ECHO_BOT_ID) return;
    const report = () => this.apply({ type: 'botSpeaking', speaking: participant.isSpeaking, at: this.now() });
    this.offs.push(listen(participant, 'isSpeakingChanged', report));
    if (participant.isSpeaking) report();
  }

  private onCallState(call: Call): void {
    if (call.state === 'Disconnected') {
      // Our own hang-up comes only after the test finished (stopped or done), and then changes
      // nothing: an end seen here is never the guest's.
      this.apply({ type: 'ended', ended: explainEnd(call.callEndReason, { localHangUp: false, callId: call.id }), at: this.now() });
      return;
    }
    this.apply({ type: 'callState', state: call.state, at: this.now() });
  }

  private apply(event: TestCallEvent): void {
    const before = this.store.get();
    const next = applyTestCallEvent(before, event);
    this.store.set(next);
    if (next.phase === before.phase || !isFinished(next.phase)) return;
    this.log('info', `test call ${next.phase}${next.failure ? ` (${next.failure.kind} ${next.failure.code ?? '-'}/${next.failure.subCode ?? '-'})` : ''}`);
    void this.hangUpAndRelease();
  }

  private async hangUpAndRelease(): Promise<void> {
    const call = this.call;
    if (call && call.state !== 'Disconnected') {
      await call.hangUp().catch((error: unknown) => this.log('warn', `test call hang up: ${describeSdkError(error)}`));
    }
    await this.release();
  }

  private release(): Promise<void> {
    this.released ??= (async () => {
      if (this.ticker) clearInterval(this.ticker);
      this.ticker = null;
      for (const off of this.offs.splice(0)) off();
      const agent = this.agent;
      this.agent = null;
      if (agent) await this.deps.releaseCallAgent(agent).catch((error: unknown) => this.log('warn', `test call agent dispose: ${describeSdkError(error)}`));
      this.credential?.dispose();
      this.credential = null;
    })();
    return this.released;
  }

  async stop(): Promise<void> {
    this.apply({ type: 'stop', at: this.now() });
    await this.started;
    await this.hangUpAndRelease();
  }

  private log(level: LogLevel, message: string): void {
    this.options.log?.(level, `test call: ${message}`);
  }
}
