// CPU time of a browser's processes, read from /proc (Linux): what an idle page costs, without a
// trace or a debugger attached. A snapshot holds, per process of the tree under a root pid, its
// Chromium type (--type=renderer, gpu-process, utility, or the browser itself) and the CPU time
// (user + system) of its main thread, its compositor thread and all its threads. The difference of
// two snapshots, scaled to a 5 s window, is the cost of that window.
import { readFileSync, readdirSync } from 'node:fs';

export interface CpuSnapshot {
  at: number;
  /** pid -> Chromium process type and CPU ms: main thread, compositor thread ("Compositor"), all threads. */
  processes: Map<number, { type: string; main: number; compositor: number; all: number }>;
}

/** CPU ms per 5 s of an idle window, by where it went. */
export interface IdleCost {
  /** The renderer's main thread (script, style, layout, paint), summed over renderer processes. */
  rendererMain: number;
  /** The renderer's compositor thread. */
  compositor: number;
  /** Every thread of the renderer processes (media, audio and video threads too). */
  renderer: number;
  /** The GPU process (the display compositor: with no GPU, software compositing). */
  gpu: number;
  /** Every process of the browser (the audio and capture services too). */
  all: number;
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

function readStat(file: string): { comm: string; ppid: number; cpuMs: number } | null {
  try {
    const text = readFileSync(file, 'utf8');
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return { comm: text.slice(text.indexOf('(') + 1, close), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return null; // The process ended while it was read.
  }
}

/** The pids of `root` and everything under it. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(`/proc/${name}/stat`);
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(name)]);
  }
  const tree: number[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The Chromium processes under `root` (a browser pid, or this Node process that launched one). */
export function cpuSnapshot(root: number): CpuSnapshot {
  const processes: CpuSnapshot['processes'] = new Map();
  for (const pid of processTree(root)) {
    let command: string;
    let threads: string[];
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      threads = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    if (!/chrom/i.test(command.split('\0')[0] ?? '')) continue;
    const type = /--type=([a-z-]+)/.exec(command)?.[1] ?? 'browser';
    const cost = { type, main: 0, compositor: 0, all: 0 };
    for (const tid of threads) {
      const stat = readStat(`/proc/${pid}/task/${tid}/stat`);
      if (!stat) continue;
      cost.all += stat.cpuMs;
      if (Number(tid) === pid) cost.main += stat.cpuMs;
      else if (stat.comm === 'Compositor') cost.compositor += stat.cpuMs;
    }
    processes.set(pid, cost);
  }
  return { at: performance.now(), processes };
}

/** What happened between two snapshots, in CPU ms per 5 s. */
export function idleCost(before: CpuSnapshot, after: CpuSnapshot): IdleCost {
  const cost: IdleCost = { rendererMain: 0, compositor: 0, renderer: 0, gpu: 0, all: 0 };
  for (const [pid, now] of after.processes) {
    const then = before.processes.get(pid) ?? { main: 0, compositor: 0, all: 0 };
    const all = now.all - then.all;
    cost.all += all;
    if (now.type === 'gpu-process') cost.gpu += all;
    if (now.type !== 'renderer') continue;
    cost.renderer += all;
    cost.rendererMain += now.main - then.main;
    cost.compositor += now.compositor - then.compositor;
  }
  const scale = 5000 / Math.max(1, after.at - before.at);
  return { rendererMain: cost.rendererMain * scale, compositor: cost.compositor * scale, renderer: cost.renderer * scale, gpu: cost.gpu * scale, all: cost.all * scale };
}

/** The table rows of idle costs (one per run): median and range per part. */
export const IDLE_PARTS: Array<[keyof IdleCost, string]> = [
  ['rendererMain', "renderer's main thread"],
  ['compositor', "renderer's compositor thread"],
  ['renderer', 'renderer process, all threads'],
  ['gpu', 'GPU process (display compositor)'],
  ['all', 'every browser process'],
];
