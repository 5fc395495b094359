// The test call's phases: inferred from the echo bot's talking (greeting, silence while it
// records, talking while it plays back, silence), with time carrying the phases on where talking
// is never reported; the bot hanging up after the playback is success, any other end a failure
// explained like a meeting's; the guest stopping it; the same object when nothing changed.
import { describe, expect, it } from 'vitest';
import type { EndedInfo } from '../../renderer/calling/call-model';
import {
  GREETING_MAX_MS,
  MIN_RECORD_MS,
  PLAYBACK_MAX_MS,
  RECORD_MS,
  applyTestCallEvent,
  initialTestCallState,
  isFinished,
  stepOf,
  type TestCallEvent,
  type TestCallState,
} from '../../renderer/calling/test-call-model';

const run = (events: TestCallEvent[], from: TestCallState = initialTestCallState(0)) => events.reduce(applyTestCallEvent, from);
const phases = (events: TestCallEvent[]) => {
  let state = initialTestCallState(0);
  return events.map((event) => (state = applyTestCallEvent(state, event)).phase);
};
const speak = (speaking: boolean, at: number): TestCallEvent => ({ type: 'botSpeaking', speaking, at });
const ended = (kind: EndedInfo['kind'], code: number | null = null, subCode: number | null = null): EndedInfo => ({ kind, code, subCode, callId: 'call-1', rejoin: true });

describe('test call phases', () => {
  it('follows the bot: greeting, speak now while it records, playing back, done', () => {
    expect(
      phases([
        { type: 'callState', state: 'Connecting', at: 0 },
        { type: 'callState', state: 'Connected', at: 500 },
        speak(true, 700),
        speak(false, 4_000),
        speak(true, 14_000),
        speak(false, 24_000),
      ]),
    ).toEqual(['calling', 'greeting', 'greeting', 'speakNow', 'playingBack', 'done']);
  });

  it('does not take a short sound right after the greeting for the playback', () => {
    const state = run([{ type: 'callState', state: 'Connected', at: 0 }, speak(true, 100), speak(false, 3_000), speak(true, 3_000 + MIN_RECORD_MS - 1)]);
    expect(state.phase).toBe('speakNow');
    expect(run([speak(false, 6_500), speak(true, 3_000 + MIN_RECORD_MS + 500)], state).phase).toBe('playingBack');
  });

  it('moves on by time where the bot’s talking is never reported', () => {
    let state = run([{ type: 'callState', state: 'Connected', at: 1_000 }]);
    state = run([{ type: 'tick', at: 1_000 + GREETING_MAX_MS - 1 }], state);
    expect(state.phase).toBe('greeting');
    state = run([{ type: 'tick', at: 1_000 + GREETING_MAX_MS }], state);
    expect(state.phase).toBe('speakNow');
    const recordingFrom = state.since;
    state = run([{ type: 'tick', at: recordingFrom + RECORD_MS }], state);
    expect(state.phase).toBe('speakNow');
    state = run([{ type: 'tick', at: recordingFrom + RECORD_MS + 2_000 }], state);
    expect(state.phase).toBe('playingBack');
    state = run([{ type: 'tick', at: state.since + PLAYBACK_MAX_MS }], state);
    expect(state.phase).toBe('done');
    expect(isFinished(state.phase)).toBe(true);
  });

  it('counts the bot hanging up after its playback as done, and any earlier end as a failure explained like a meeting', () => {
    const playing = run([{ type: 'callState', state: 'Connected', at: 0 }, speak(true, 10), speak(false, 3_000), speak(true, 13_000)]);
    expect(run([{ type: 'ended', ended: ended('everyoneLeft', 0, 5010), at: 15_000 }], playing).phase).toBe('done');
    const network = ended('networkLost', 490, 4525);
    const failed = run([{ type: 'callState', state: 'Connecting', at: 0 }, { type: 'ended', ended: network, at: 1_500 }]);
    expect(failed.phase).toBe('failed');
    expect(failed.failure).toBe(network);
    const token = ended('tokenUnavailable');
    expect(run([{ type: 'ended', ended: token, at: 0 }]).failure).toBe(token);
  });

  it('stops when the guest stops it, and then ignores the rest', () => {
    const stopped = run([{ type: 'callState', state: 'Connected', at: 0 }, { type: 'stop', at: 2_000 }]);
    expect(stopped.phase).toBe('stopped');
    expect(run([{ type: 'ended', ended: ended('networkLost', 490), at: 2_100 }, speak(true, 2_200)], stopped)).toBe(stopped);
    // Our own hang-up ends as 'left': stopped, not failed.
    expect(run([{ type: 'ended', ended: ended('left', 0, 0), at: 5 }]).phase).toBe('stopped');
  });

  it('returns the same object when nothing changed, and shows greeting as part of calling', () => {
    const state = initialTestCallState(0);
    expect(applyTestCallEvent(state, { type: 'tick', at: 100 })).toBe(state);
    expect(applyTestCallEvent(state, speak(false, 100))).toBe(state);
    expect(applyTestCallEvent(state, { type: 'callState', state: 'Ringing', at: 100 })).toBe(state);
    expect(['calling', 'greeting', 'speakNow', 'playingBack', 'done', 'stopped', 'failed'].map((p) => stepOf(p as TestCallState['phase']))).toEqual([
      'calling',
      'calling',
      'speakNow',
      'playingBack',
      'done',
      null,
      null,
    ]);
  });
});
