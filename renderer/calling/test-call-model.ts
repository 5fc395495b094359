// Process: renderer. The test call's phases, from what the call reports: the ACS test bot
// (`8:echo123`) answers, plays a greeting, records what the guest says for about ten seconds, plays
// it back, and that is all. Nothing in the SDK says which of these the bot is doing, so the phases
// are inferred, and this file says how:
// - connected → 'greeting' (the bot talks first);
// - the bot stops talking after it talked → 'speakNow' (it records);
// - the bot talks again, at least MIN_RECORD_MS later → 'playingBack';
// - the bot stops talking after playing back, or hangs up → 'done'.
// The bot's talking is the SDK's `isSpeaking` of the remote participant, which the SDK derives from
// its audio level. Where that is never reported (or a silent line hides it), time carries the phases
// on: the greeting for at most GREETING_MAX_MS, the recording for RECORD_MS, the playback for at most
// PLAYBACK_MAX_MS; the session then hangs up. Pure: no SDK, no DOM, no timers (ticks come as events).
import type { EndedInfo, SdkCallState } from './call-model';
import type { Observable } from './model';

/** The ACS test bot: it plays back what it hears. */
export const ECHO_BOT_ID = '8:echo123';

/** What the join screen holds while a test call runs (no SDK object). */
export interface TestCallHandle {
  readonly state: Observable<TestCallState>;
  /** Ends the test now (hangs up in every phase); resolves once the call is released. */
  stop(): Promise<void>;
}

export type TestCallPhase = 'calling' | 'greeting' | 'speakNow' | 'playingBack' | 'done' | 'stopped' | 'failed';

/** The longest greeting before the recording is taken to have begun. */
export const GREETING_MAX_MS = 8_000;
/** How long the bot records (its fixed script). */
export const RECORD_MS = 10_000;
/** Talking sooner than this after the recording began is not the playback (a beep, an echo of the greeting). */
export const MIN_RECORD_MS = 3_000;
/** Extra time after RECORD_MS before the playback is taken to have begun without hearing it. */
const RECORD_GRACE_MS = 2_000;
/** The longest playback before the test is taken to be over. */
export const PLAYBACK_MAX_MS = RECORD_MS + 4_000;

export interface TestCallState {
  readonly phase: TestCallPhase;
  /** When the current phase began (ms, the session's clock). */
  readonly since: number;
  /** The bot is talking now (as last reported). */
  readonly botSpeaking: boolean;
  /** The bot talked during the current phase. */
  readonly spokeInPhase: boolean;
  /** Why it failed (the same explanation as a meeting that could not be joined). */
  readonly failure: EndedInfo | null;
}

export type TestCallEvent =
  | { type: 'callState'; state: SdkCallState; at: number }
  | { type: 'botSpeaking'; speaking: boolean; at: number }
  | { type: 'tick'; at: number }
  /** The guest stopped the test (or the screen closed). */
  | { type: 'stop'; at: number }
  /** The call ended: `ended` explains it (its kind is 'left' when we hung up). */
  | { type: 'ended'; ended: EndedInfo; at: number };

export function initialTestCallState(now: number): TestCallState {
  return { phase: 'calling', since: now, botSpeaking: false, spokeInPhase: false, failure: null };
}

const FINISHED: ReadonlySet<TestCallPhase> = new Set(['done', 'stopped', 'failed']);

export function isFinished(phase: TestCallPhase): boolean {
  return FINISHED.has(phase);
}

function enter(state: TestCallState, phase: TestCallPhase, at: number): TestCallState {
  return { ...state, phase, since: at, spokeInPhase: false };
}

/** Applies one event; the same object back when nothing changed. */
export function applyTestCallEvent(state: TestCallState, event: TestCallEvent): TestCallState {
  if (isFinished(state.phase)) return state;
  switch (event.type) {
    case 'callState':
      if (event.state === 'Connected' && state.phase === 'calling') return enter(state, 'greeting', event.at);
      return state;
    case 'botSpeaking': {
      if (event.speaking === state.botSpeaking) return state;
      const next: TestCallState = { ...state, botSpeaking: event.speaking, spokeInPhase: state.spokeInPhase || event.speaking };
      if (!event.speaking && state.phase === 'greeting' && next.spokeInPhase) return enter(next, 'speakNow', event.at);
      if (event.speaking && state.phase === 'speakNow' && event.at - state.since >= MIN_RECORD_MS) return { ...enter(next, 'playingBack', event.at), spokeInPhase: true };
      if (!event.speaking && state.phase === 'playingBack' && next.spokeInPhase) return enter(next, 'done', event.at);
      return next;
    }
    case 'tick': {
      const elapsed = event.at - state.since;
      if (state.phase === 'greeting' && elapsed >= GREETING_MAX_MS) return enter(state, 'speakNow', event.at);
      if (state.phase === 'speakNow' && elapsed >= RECORD_MS + RECORD_GRACE_MS) return enter(state, 'playingBack', event.at);
      if (state.phase === 'playingBack' && elapsed >= PLAYBACK_MAX_MS) return enter(state, 'done', event.at);
      return state;
    }
    case 'stop':
      return enter(state, 'stopped', event.at);
    case 'ended': {
      // The bot hanging up once it played back is the end of its script, not a failure.
      if (state.phase === 'playingBack') return enter(state, 'done', event.at);
      if (event.ended.kind === 'left') return enter(state, 'stopped', event.at);
      return { ...enter(state, 'failed', event.at), failure: event.ended };
    }
  }
}

/** The four steps the guest sees, and which one is current ('greeting' shows as part of calling). */
export const TEST_CALL_STEPS = ['calling', 'speakNow', 'playingBack', 'done'] as const;
export type TestCallStep = (typeof TEST_CALL_STEPS)[number];

export function stepOf(phase: TestCallPhase): TestCallStep | null {
  switch (phase) {
    case 'calling':
    case 'greeting':
      return 'calling';
    case 'speakNow':
    case 'playingBack':
    case 'done':
      return phase;
    default:
      return null;
  }
}
