// Shared pieces of the benchmarks: build once, summarize samples, print a small table.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DIST_DIR, ROOT } from '../test/support/harness';

/** Builds the app unless a build is already there (bench/run builds once for all benchmarks). */
export function ensureBuilt(): void {
  if (existsSync(path.join(DIST_DIR, 'renderer', 'main.js')) && process.env.BENCH_REBUILD !== '1') return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('build failed');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** "min / median / max" of the samples, to one decimal. */
export function summarize(samples: number[]): string {
  const sorted = samples.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return 'no samples';
  const f = (n: number) => n.toFixed(1);
  return `min ${f(sorted[0])} / median ${f(percentile(sorted, 50))} / max ${f(sorted.at(-1)!)} (n=${sorted.length})`;
}

export function printTable(title: string, rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\n${title}`);
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}
