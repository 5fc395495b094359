// The figures every scripted-meeting benchmark prints for a stream of updates: main-thread time per
// update from a DevTools trace (bench/trace-attribution.ts: each update by its id, with the
// flushes, renders, effects and timers it causes, in the renderer's thread time), a cross-check
// of all main-thread work above a quiet page, the longest frame and long animation frames, and the
// load average the figures were taken at. Prints only; asserts nothing.
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import type { ChurnOptions, ChurnStats } from '../renderer/calling/practice/control';
import { scripted } from '../test/support/scripted-meeting/page';
import { attribute, idleThreadMsPerSecond, startTrace, stopTrace, type Attribution } from './trace-attribution';

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');

export const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');

/** The page's main-thread thread time per second while nothing is sent (its video, self view, panels). */
export async function idleRate(browser: Browser, page: Page, seconds = 3): Promise<number> {
  await startTrace(browser, page);
  await page.waitForTimeout(seconds * 1000);
  return idleThreadMsPerSecond(await stopTrace(browser));
}

export interface FrameStats {
  frameIntervalsMs: number[];
  longFramesMs: number[];
  longFrameParts?: string[];
}

/** Prints one stream's figures. `expected`: how many updates were sent. */
export function printStream(label: string, stream: string, traced: Attribution, idleMsPerSecond: number, frames: FrameStats, expected: number, loadBefore: string): void {
  const costs = [...traced.updates.values()].filter((u) => u.stream === stream);
  const thread = costs.map((u) => u.threadMs);
  const wall = costs.map((u) => u.wallMs);
  const aboveIdle = (traced.totalThreadMs - idleMsPerSecond * (traced.windowMs / 1000)) / Math.max(1, costs.length);
  const longest = Math.max(0, ...frames.frameIntervalsMs);
  console.log(`\n${label}`);
  console.log(`  load average                  ${loadBefore} before, ${load()} after (1, 5, 15 min; above ~3 these are not measurements)`);
  console.log(`  updates traced by id          ${costs.length} of ${expected} sent, over ${(traced.windowMs / 1000).toFixed(1)} s`);
  console.log(`  main thread per update        median ${ms(quantile(thread, 0.5))}   p99 ${ms(quantile(thread, 0.99))}   max ${ms(Math.max(0, ...thread))}   (thread time: delivery + flushes, renders, effects, timers it causes)`);
  console.log(`  same, wall time               median ${ms(quantile(wall, 0.5))}   p99 ${ms(quantile(wall, 0.99))}`);
  console.log(`  all main-thread work, mean    ${ms(aboveIdle)} per update above a quiet page (${idleMsPerSecond.toFixed(1)} ms/s): includes style, layout, paint and untraced work`);
  console.log(`  longest frame                 ${ms(longest)}   (frame interval median ${ms(quantile(frames.frameIntervalsMs, 0.5))}, p99 ${ms(quantile(frames.frameIntervalsMs, 0.99))}; longest task ${ms(traced.longestTaskMs)} wall, ${ms(traced.longestTaskThreadMs)} thread time)`);
  console.log(`  long animation frames         ${frames.longFramesMs.length}${frames.longFramesMs.length ? `, longest ${ms(Math.max(...frames.longFramesMs))}` : ''}`);
  if (process.env.BENCH_VERBOSE) {
    for (const part of frames.longFrameParts ?? []) console.log(`    ${part}`);
    for (const task of traced.longTasks) console.log(`    ${task}`);
    for (const u of [...costs].sort((a, b) => b.threadMs - a.threadMs).slice(0, 3)) console.log(`    ${u.id}: ${ms(u.threadMs)}\n      ${u.parts.join('\n      ')}`);
  }
}

/** Runs a scripted churn for `seconds` under a trace and prints its figures. */
export async function measureChurn(browser: Browser, page: Page, label: string, options: ChurnOptions, seconds: number): Promise<ChurnStats> {
  const quiet = await idleRate(browser, page);
  const before = load();
  await startTrace(browser, page);
  await scripted(page, 'startChurn', { ...options, measure: true });
  await page.waitForTimeout(seconds * 1000);
  const stats = await scripted(page, 'stopChurn');
  // Let the last updates' effects and timers run (reactions expire after 3 s).
  await page.waitForTimeout(3_500);
  const traced = attribute(await stopTrace(browser), [options.kind ?? 'roster']);
  printStream(label, options.kind ?? 'roster', traced, quiet, stats, stats.events, before);
  return stats;
}
