// Main-thread time per update, from a DevTools trace (the renderer's own thread-time clock, not
// Date.now() around calls). Every update of a stream leaves a user-timing mark named
// `doorway-update:<stream>:<id>` in the page, in the task that delivers it (the scripted meeting's
// dispatch) or in the flush that puts it on screen (chat: a mutation observer marks each message
// element as it is added). From there the cost of an update is followed through what it causes:
//
// - the task or callback its mark sits in;
// - every timer (TimerInstall -> TimerFire) and animation-frame callback (RequestAnimationFrame ->
//   FireAnimationFrame) that work schedules, and so on down the chain: the model's per-frame
//   flush, Preact's render, its effects (Preact runs them from a timeout set in an animation-frame
//   callback after the render), expiry timers, the 250 ms fallback timer, etc.;
// - an update whose delivery scheduled nothing joined a flush already scheduled by an earlier
//   update of the same stream: it shares that stream's callbacks in the next animation frame.
//
// A piece of work caused by several updates is shared equally among them. Thread time is the
// trace's `tdur` (CPU time of the renderer's main thread), so time the thread spends descheduled
// on a loaded machine is not counted; wall time (`dur`) is reported beside it. What the trace
// cannot follow (promise chains across network responses, e.g. the chat client parsing a poll) is
// not in the per-update figure; `aboveIdle` gives every task's thread time over the run, minus the
// same length of quiet page, divided by the updates, as a cross-check that includes all of it.
import type { Browser, Page } from 'playwright-core';

export const UPDATE_MARK = 'doorway-update:';
const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'v8.execute'];
/** A chain is not followed beyond this many hops or this long after its update (a loop it started is not its cost forever). */
const MAX_HOPS = 12;
const MAX_CHAIN_MS = 6_000;
/** The run's window: from the first update to this long after the last (its flush, render and effects). */
const TAIL_US = 100_000;
/** A timer this long after it was set runs deferred work (shared by the stream's updates, see below). */
const DEFERRED_US = 1_000_000;

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { timerId?: number; id?: number; functionName?: string; url?: string; lineNumber?: number } };
}

export async function startTrace(browser: Browser, page: Page): Promise<void> {
  await browser.startTracing(page, { categories: CATEGORIES });
}

export async function stopTrace(browser: Browser): Promise<TraceEvent[]> {
  const buffer = await browser.stopTracing();
  const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

export interface UpdateCost {
  id: string;
  stream: string;
  /** Thread time (ms) of everything attributed to this update. */
  threadMs: number;
  /** Wall time (ms) of the same work. */
  wallMs: number;
  /** Where it went: "<callback kind> hop <n> at +<ms>: <thread ms>" (BENCH_VERBOSE prints the worst). */
  parts: string[];
}

export interface Attribution {
  updates: Map<string, UpdateCost>;
  /** Longest main-thread task in the window (ms, wall), and the longest in thread time. */
  longestTaskMs: number;
  longestTaskThreadMs: number;
  /** The three longest tasks in thread time: what they ran (BENCH_VERBOSE). */
  longTasks: string[];
  /** All main-thread tasks' thread time in the window (ms) and the window's length (ms). */
  totalThreadMs: number;
  windowMs: number;
}

interface Segment {
  start: number;
  end: number;
  thread: number;
  wall: number;
  /** update id -> hops from its mark */
  owners: Map<string, number>;
  kind: 'timer' | 'raf' | 'rest';
  trigger?: number;
  /** The first function it called, for BENCH_VERBOSE. */
  fn?: string;
  /** Reached through a timer of a second or more (e.g. reactions leaving their tiles 3 s later). */
  deferred?: boolean;
}

const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');

/**
 * Attributes the renderer main thread's work between `fromMs` and `toMs` (performance.now() of the
 * page, optional) to the updates whose marks it finds. `streams` limits which marks count.
 */
export function attribute(events: TraceEvent[], streams: string[]): Attribution {
  const marks = events.filter((e) => e.cat.includes('blink.user_timing') && e.name.startsWith(UPDATE_MARK) && streams.some((s) => e.name.startsWith(`${UPDATE_MARK}${s}:`)));
  if (marks.length === 0) return { updates: new Map(), longestTaskMs: 0, longestTaskThreadMs: 0, longTasks: [], totalThreadMs: 0, windowMs: 0 };
  const pid = marks[0].pid;
  const threadName = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.pid === pid) threadName.set(e.tid, e.args?.name ?? '');
  const tid = [...threadName].find(([, name]) => name === 'CrRendererMain')?.[0] ?? marks[0].tid;
  const mine = events.filter((e) => e.pid === pid && e.tid === tid).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const first = Math.min(...marks.map((m) => m.ts));
  const last = Math.max(...marks.map((m) => m.ts));

  // Top-level tasks (outermost RunTask slices).
  const tasks: TraceEvent[] = [];
  for (const e of mine) {
    if (!isTask(e)) continue;
    const prev = tasks.at(-1);
    if (prev && e.ts < prev.ts + (prev.dur ?? 0)) continue;
    tasks.push(e);
  }

  const updates = new Map<string, UpdateCost>();
  for (const m of marks) {
    const id = m.name.slice(UPDATE_MARK.length);
    updates.set(id, { id, stream: id.slice(0, id.indexOf(':')), threadMs: 0, wallMs: 0, parts: [] });
  }

  interface Scheduled {
    owners: Map<string, number>;
    at: number;
    deferred: boolean;
  }
  const timerOwners = new Map<number, Scheduled>();
  const rafOwners = new Map<number, Scheduled>();
  /** Deferred work per stream (thread ms, wall ms), shared by all its updates at the end. */
  const deferredPool = new Map<string, { thread: number; wall: number }>();
  const markTs = new Map<string, number>();
  for (const m of marks) markTs.set(m.name.slice(UPDATE_MARK.length), m.ts);
  /** Updates whose delivery scheduled nothing, waiting for the next frame's callbacks of their stream. */
  let riders: string[] = [];

  let longestTaskMs = 0;
  let longestTaskThreadMs = 0;
  const longTasks: Array<{ thread: number; text: string }> = [];
  let totalThreadMs = 0;
  const windowStart = first - 50_000;
  const windowEnd = last + MAX_CHAIN_MS * 1000;
  let idx = 0;
  for (const task of tasks) {
    const taskEnd = task.ts + (task.dur ?? 0);
    if (taskEnd < windowStart || task.ts > windowEnd) continue;
    if (taskEnd >= first && task.ts <= last + TAIL_US) {
      longestTaskMs = Math.max(longestTaskMs, (task.dur ?? 0) / 1000);
      totalThreadMs += (task.tdur ?? task.dur ?? 0) / 1000;
    }
    // The events inside this task.
    while (idx < mine.length && mine[idx].ts < task.ts) idx++;
    const inside: TraceEvent[] = [];
    for (let j = idx; j < mine.length && mine[j].ts <= taskEnd; j++) if (mine[j] !== task) inside.push(mine[j]);

    if (taskEnd >= first && task.ts <= last + TAIL_US) {
      const thread = (task.tdur ?? task.dur ?? 0) / 1000;
      longestTaskThreadMs = Math.max(longestTaskThreadMs, thread);
      if (process.env.BENCH_VERBOSE && thread > 16) {
        const top = new Map<string, number>();
        for (const e of inside) {
          if (e.ph !== 'X' || e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') continue;
          const d = e.args?.data;
          const key = e.name === 'FunctionCall' && d ? `${d.functionName || '(anonymous)'}@${(d.url ?? '').split('/').pop()}:${d.lineNumber ?? ''}` : e.name;
          top.set(key, (top.get(key) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
        }
        const parts = [...top].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
        longTasks.push({ thread, text: `task ${thread.toFixed(1)} ms thread / ${((task.dur ?? 0) / 1000).toFixed(1)} ms wall: ${parts}` });
      }
    }
    // Segments: each timer or animation-frame callback, and the rest of the task.
    const segments: Segment[] = [];
    let sliceThread = 0;
    let sliceWall = 0;
    for (const e of inside) {
      if (e.ph !== 'X') continue;
      const trigger = e.name === 'TimerFire' ? e.args?.data?.timerId : e.name === 'FireAnimationFrame' ? e.args?.data?.id : undefined;
      if (trigger === undefined) continue;
      // Nested callbacks (a timer inside a callback) belong to the outer one.
      if (segments.some((s) => e.ts >= s.start && e.ts < s.end)) continue;
      const thread = (e.tdur ?? e.dur ?? 0) / 1000;
      const wall = (e.dur ?? 0) / 1000;
      sliceThread += thread;
      sliceWall += wall;
      segments.push({ start: e.ts, end: e.ts + (e.dur ?? 0), thread, wall, owners: new Map(), kind: e.name === 'TimerFire' ? 'timer' : 'raf', trigger });
    }
    const rest: Segment = {
      start: task.ts,
      end: taskEnd,
      thread: Math.max(0, (task.tdur ?? task.dur ?? 0) / 1000 - sliceThread),
      wall: Math.max(0, (task.dur ?? 0) / 1000 - sliceWall),
      owners: new Map(),
      kind: 'rest',
    };
    // Which segment an instant belongs to: the callback around it, else the callback that ended
    // just before it in this task (its microtasks), else the rest of the task.
    const segmentAt = (ts: number): Segment => {
      let best: Segment | null = null;
      for (const s of segments) {
        if (ts >= s.start && ts <= s.end) return s;
        if (s.end <= ts && (!best || s.end > best.end)) best = s;
      }
      return best ?? rest;
    };
    if (process.env.BENCH_VERBOSE) {
      for (const s of [...segments, rest]) {
        const call = inside.find((e) => e.name === 'FunctionCall' && e.ts >= s.start && e.ts <= s.end && (s !== rest || !segments.some((o) => e.ts >= o.start && e.ts <= o.end)));
        const d = call?.args?.data;
        if (d) s.fn = `${d.functionName || '(anonymous)'}@${(d.url ?? '').split('/').pop()}:${d.lineNumber ?? ''}`;
      }
    }
    // Owners inherited through the trigger.
    for (const s of segments) {
      const scheduled = s.kind === 'timer' ? timerOwners.get(s.trigger!) : rafOwners.get(s.trigger!);
      if (!scheduled) continue;
      s.deferred = scheduled.deferred || (s.kind === 'timer' && s.start - scheduled.at >= DEFERRED_US);
      const from = scheduled.owners;
      for (const [id, hops] of from) if (hops < MAX_HOPS && s.start - (markTs.get(id) ?? 0) < MAX_CHAIN_MS * 1000) s.owners.set(id, hops + 1);
    }
    // Riders join their stream's callbacks in the first frame after them.
    if (riders.length > 0 && segments.some((s) => s.kind === 'raf')) {
      const waiting = riders;
      riders = [];
      for (const id of waiting) {
        const stream = updates.get(id)!.stream;
        const target = segments.filter((s) => s.kind === 'raf' && [...s.owners.keys()].some((o) => o.startsWith(`${stream}:`)));
        if (target.length === 0) riders.push(id);
        for (const s of target) s.owners.set(id, 1);
      }
    }
    // Marks: the update's own delivery or flush.
    const marked: string[] = [];
    for (const e of inside) {
      if (!e.name.startsWith(UPDATE_MARK) || !e.cat.includes('blink.user_timing')) continue;
      const id = e.name.slice(UPDATE_MARK.length);
      if (!updates.has(id)) continue;
      segmentAt(e.ts).owners.set(id, 0);
      marked.push(id);
    }
    // Work that puts updates on screen is theirs: a flush scheduled by the previous flush of the
    // same stream (chat draws a batch over several frames) is not charged to that one's updates.
    for (const s of [...segments, rest]) {
      const streams = new Set([...s.owners].filter(([, hops]) => hops === 0).map(([id]) => updates.get(id)!.stream));
      if (streams.size === 0) continue;
      for (const [id, hops] of [...s.owners]) if (hops > 0 && streams.has(updates.get(id)!.stream)) s.owners.delete(id);
      s.deferred = false;
    }
    // What each segment schedules inherits its owners.
    const scheduledBy = new Set<Segment>();
    for (const e of inside) {
      const id = e.args?.data?.timerId ?? e.args?.data?.id;
      if (id === undefined) continue;
      if (e.name === 'TimerInstall') {
        const s = segmentAt(e.ts);
        scheduledBy.add(s);
        if (s.owners.size > 0) timerOwners.set(id, { owners: new Map(s.owners), at: e.ts, deferred: s.deferred ?? false });
        else timerOwners.delete(id);
      } else if (e.name === 'RequestAnimationFrame') {
        const s = segmentAt(e.ts);
        scheduledBy.add(s);
        if (s.owners.size > 0) rafOwners.set(id, { owners: new Map(s.owners), at: e.ts, deferred: s.deferred ?? false });
        else rafOwners.delete(id);
      }
    }
    for (const id of marked) {
      const s = [...segments, rest].find((seg) => seg.owners.get(id) === 0);
      if (s && !scheduledBy.has(s) && s.kind !== 'raf') riders.push(id);
    }
    // Costs, shared equally; deferred work goes to its stream's pool.
    for (const s of [...segments, rest]) {
      if (s.owners.size === 0) continue;
      const share = s.owners.size;
      if (s.deferred) {
        for (const id of s.owners.keys()) {
          const pool = deferredPool.get(updates.get(id)!.stream) ?? { thread: 0, wall: 0 };
          pool.thread += s.thread / share;
          pool.wall += s.wall / share;
          deferredPool.set(updates.get(id)!.stream, pool);
        }
        continue;
      }
      for (const [id, hops] of s.owners) {
        const u = updates.get(id)!;
        u.threadMs += s.thread / share;
        u.wallMs += s.wall / share;
        u.parts.push(`${s.kind}${s.fn ? ` ${s.fn}` : ''} hop ${hops} at +${((s.start - (markTs.get(id) ?? 0)) / 1000).toFixed(0)} ms: ${(s.thread / share).toFixed(2)} of ${s.thread.toFixed(2)} ms (${share} sharing)`);
      }
    }
  }
  // Deferred work is not charged along its chain: one timer re-armed for the next reaction due
  // would charge every later expiry to the first reaction. Each update of the stream gets an equal share.
  const counts = new Map<string, number>();
  for (const u of updates.values()) counts.set(u.stream, (counts.get(u.stream) ?? 0) + 1);
  for (const u of updates.values()) {
    const pool = deferredPool.get(u.stream);
    if (!pool) continue;
    const n = counts.get(u.stream)!;
    u.threadMs += pool.thread / n;
    u.wallMs += pool.wall / n;
    u.parts.push(`deferred work of the stream, equal share: ${(pool.thread / n).toFixed(2)} of ${pool.thread.toFixed(2)} ms`);
  }
  longTasks.sort((a, b) => b.thread - a.thread);
  return { updates, longestTaskMs, longestTaskThreadMs, longTasks: longTasks.slice(0, 3).map((t) => t.text), totalThreadMs, windowMs: (last + TAIL_US - first) / 1000 };
}

/** Thread time of all the page's main-thread tasks per second, in a trace of the page doing nothing in particular. */
export function idleThreadMsPerSecond(events: TraceEvent[]): number {
  const threads = new Map<string, number>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') threads.set(`${e.pid}:${e.tid}`, 0);
  let start = Infinity;
  let end = -Infinity;
  for (const e of events) {
    if (!isTask(e) || !threads.has(`${e.pid}:${e.tid}`)) continue;
    threads.set(`${e.pid}:${e.tid}`, threads.get(`${e.pid}:${e.tid}`)! + (e.tdur ?? e.dur ?? 0) / 1000);
    start = Math.min(start, e.ts);
    end = Math.max(end, e.ts + (e.dur ?? 0));
  }
  const busiest = Math.max(0, ...threads.values());
  return end > start ? busiest / ((end - start) / 1e6) : NaN;
}
