// The benches' attribution of main-thread time to updates (bench/trace-attribution.ts), on a small
// hand-written trace: an update is charged for its delivery, the animation-frame flush it
// scheduled, the effects timer that flush set, and not for unrelated work; an update that joined
// an already scheduled flush shares it; pairing is by the id in the mark, not by order.
import { describe, expect, it } from 'vitest';
import { attribute } from '../../bench/trace-attribution';

const PID = 1;
const TID = 7;
let ts = 0;
type Ev = Parameters<typeof attribute>[0][number];
const meta: Ev = { name: 'thread_name', cat: '__metadata', ph: 'M', ts: 0, pid: PID, tid: TID, args: { name: 'CrRendererMain' } };

/** A task from `at` (µs) lasting `dur` µs of wall and `tdur` of thread time. */
const task = (at: number, dur: number, tdur = dur): Ev => ({ name: 'ThreadControllerImpl::RunTask', cat: 'toplevel', ph: 'X', ts: at, dur, tdur, pid: PID, tid: TID });
const slice = (name: 'TimerFire' | 'FireAnimationFrame', at: number, dur: number, id: number, tdur = dur): Ev => ({ name, cat: 'devtools.timeline', ph: 'X', ts: at, dur, tdur, pid: PID, tid: TID, args: name === 'TimerFire' ? { data: { timerId: id } } : { data: { id } } });
const instant = (name: 'TimerInstall' | 'RequestAnimationFrame', at: number, id: number): Ev => ({ name, cat: 'devtools.timeline', ph: 'I', ts: at, pid: PID, tid: TID, args: name === 'TimerInstall' ? { data: { timerId: id } } : { data: { id } } });
const mark = (id: string, at: number): Ev => ({ name: `doorway-update:${id}`, cat: 'blink.user_timing', ph: 'R', ts: at, pid: PID, tid: TID });

describe('bench trace attribution', () => {
  it('follows an update through its frame flush and the effects timer that flush set', () => {
    ts = 1_000_000;
    const events: Ev[] = [
      meta,
      // Update a: delivered in a timer task (the scripted meeting's interval, id 1), 1 ms; it asks for frame 10.
      task(ts, 1000),
      slice('TimerFire', ts, 1000, 1),
      mark('reactions:a', ts + 10),
      instant('RequestAnimationFrame', ts + 500, 10),
      // Update b, 5 ms later: a flush is already scheduled, so it schedules nothing (0.4 ms).
      task(ts + 5000, 400),
      slice('TimerFire', ts + 5000, 400, 1),
      mark('reactions:b', ts + 5010),
      // Unrelated work: someone else's frame callback (id 99, never requested by an update), 3 ms.
      task(ts + 8000, 3000),
      slice('FireAnimationFrame', ts + 8000, 3000, 99),
      // The frame: the flush (frame 10) 2 ms, which sets the effects timer 20; style and layout 5 ms after it.
      task(ts + 16000, 7000),
      slice('FireAnimationFrame', ts + 16000, 2000, 10),
      instant('TimerInstall', ts + 17000, 20),
      // Effects, 1 ms.
      task(ts + 30000, 1000),
      slice('TimerFire', ts + 30000, 1000, 20),
    ];
    const result = attribute(events, ['reactions']);
    const a = result.updates.get('reactions:a')!;
    const b = result.updates.get('reactions:b')!;
    // a: 1 ms delivery + half of the 2 ms flush + half of the 1 ms effects = 2.5 ms
    expect(a.threadMs).toBeCloseTo(2.5, 5);
    // b: 0.4 ms delivery + its half of the flush and effects = 1.9 ms
    expect(b.threadMs).toBeCloseTo(1.9, 5);
    // The unrelated 3 ms and the frame's 5 ms of rendering are charged to no update.
    expect(a.threadMs + b.threadMs).toBeCloseTo(4.4, 5);
    // From the first update to 100 ms after the last: the frame's 7 ms task.
    expect(result.longestTaskMs).toBeCloseTo(7, 5);
  });

  it('pairs by the id in the mark, whatever the order, and charges thread time, not wall time', () => {
    ts = 2_000_000;
    const events: Ev[] = [
      meta,
      // The second update's mark comes first in time.
      task(ts, 3000, 1000),
      slice('TimerFire', ts, 3000, 1, 1000),
      mark('captions:2', ts + 1),
      instant('TimerInstall', ts + 10, 5),
      task(ts + 10_000, 500),
      slice('TimerFire', ts + 10_000, 500, 1),
      mark('captions:1', ts + 10_001),
      instant('TimerInstall', ts + 10_010, 6),
      task(ts + 20_000, 2000),
      slice('TimerFire', ts + 20_000, 2000, 6),
    ];
    const result = attribute(events, ['captions']);
    const one = result.updates.get('captions:1')!;
    const two = result.updates.get('captions:2')!;
    expect(two.threadMs).toBeCloseTo(1, 5); // 1 ms of thread time in a 3 ms wall task; timer 5 never fired
    expect(two.wallMs).toBeCloseTo(3, 5);
    expect(one.threadMs).toBeCloseTo(2.5, 5); // 0.5 ms + the 2 ms its timer 6 ran
  });

  it('charges a chat flush to the messages it put on screen, not to the ones of the flush that scheduled it', () => {
    ts = 3_000_000;
    const events: Ev[] = [
      meta,
      // Flush 1 shows m1 and schedules the next flush (frame 11) because the backlog is not empty.
      task(ts, 2000),
      slice('FireAnimationFrame', ts, 2000, 10),
      mark('chat:m1', ts + 1900),
      instant('RequestAnimationFrame', ts + 1950, 11),
      // Flush 2 shows m2.
      task(ts + 16_000, 3000),
      slice('FireAnimationFrame', ts + 16_000, 3000, 11),
      mark('chat:m2', ts + 18_900),
    ];
    const result = attribute(events, ['chat']);
    expect(result.updates.get('chat:m1')!.threadMs).toBeCloseTo(2, 5);
    expect(result.updates.get('chat:m2')!.threadMs).toBeCloseTo(3, 5);
  });
});

describe('bench trace attribution: deferred work', () => {
  it('shares work reached through a timer of a second or more equally among the stream, not along its chain', () => {
    ts = 4_000_000;
    const events: Ev[] = [
      meta,
      // r1 sets the one expiry timer (30), 3 s away; r2 comes later and finds it armed.
      task(ts, 1000),
      slice('TimerFire', ts, 1000, 1),
      mark('reactions:r1', ts + 1),
      instant('TimerInstall', ts + 10, 30),
      task(ts + 100_000, 1000),
      slice('TimerFire', ts + 100_000, 1000, 1),
      mark('reactions:r2', ts + 100_001),
      // The expiry fires (4 ms) and re-arms for r2 (timer 31), which fires 100 ms later (2 ms).
      task(ts + 3_000_000, 4000),
      slice('TimerFire', ts + 3_000_000, 4000, 30),
      instant('TimerInstall', ts + 3_000_010, 31),
      task(ts + 3_100_000, 2000),
      slice('TimerFire', ts + 3_100_000, 2000, 31),
    ];
    const result = attribute(events, ['reactions']);
    // Each: 1 ms delivery + half of the 6 ms of expiries.
    expect(result.updates.get('reactions:r1')!.threadMs).toBeCloseTo(4, 5);
    expect(result.updates.get('reactions:r2')!.threadMs).toBeCloseTo(4, 5);
  });
});
