// The figures every scripted-meeting benchmark prints from a churn's ChurnStats: main-thread time
// per event (listeners + its share of the frame's flush and render), whole frames, the longest
// frame and long animation frames. Prints only; asserts nothing.
import type { ChurnStats } from '../renderer/calling/practice/control';

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');

export function report(label: string, stats: ChurnStats, seconds: number): void {
  // Each flush's JavaScript (model + render) is shared among the events of its frame, in order.
  const perEventJs: number[] = [];
  const perEventFrame: number[] = [];
  let next = 0;
  stats.frameEvents.forEach((count, i) => {
    const js = stats.renderMs[i] ?? 0;
    const frame = stats.frameWorkMs[i];
    for (let k = 0; k < count && next < stats.handlerMs.length; k++, next++) {
      perEventJs.push(stats.handlerMs[next] + js / count);
      perEventFrame.push(stats.handlerMs[next] + frame / count);
    }
  });
  const longest = Math.max(0, ...stats.frameIntervalsMs);
  const eventsPerFrame = stats.frameEvents.reduce((a, b) => a + b, 0) / Math.max(1, stats.frameEvents.length);
  console.log(`\n${label}`);
  console.log(`  events                        ${stats.events} in ${seconds} s (${(stats.events / seconds).toFixed(1)}/s; ${stats.joins} joins, ${stats.leaves} leaves; ${eventsPerFrame.toFixed(2)} per frame)`);
  console.log(`  SDK listeners, per event      median ${ms(quantile(stats.handlerMs, 0.5))}   p99 ${ms(quantile(stats.handlerMs, 0.99))}`);
  console.log(`  model + render JS, per frame  median ${ms(quantile(stats.renderMs, 0.5))}   p99 ${ms(quantile(stats.renderMs, 0.99))}   (${stats.renderMs.length} flushes)`);
  console.log(`  main thread per event (JS)    median ${ms(quantile(perEventJs, 0.5))}   p99 ${ms(quantile(perEventJs, 0.99))}   (listeners + share of its flush and render)`);
  console.log(`  whole frame, per event        median ${ms(quantile(perEventFrame, 0.5))}   p99 ${ms(quantile(perEventFrame, 0.99))}   (upper bound: + style, layout, paint, video, other tasks)`);
  console.log(`  whole frame, no events        median ${ms(quantile(stats.idleFrameWorkMs, 0.5))}   p99 ${ms(quantile(stats.idleFrameWorkMs, 0.99))}   (${stats.idleFrameWorkMs.length} frames: the page's own video and self-view)`);
  console.log(`  longest frame                 ${ms(longest)}   (frame interval median ${ms(quantile(stats.frameIntervalsMs, 0.5))}, p99 ${ms(quantile(stats.frameIntervalsMs, 0.99))})`);
  console.log(`  long animation frames         ${stats.longFramesMs.length}${stats.longFramesMs.length ? `, longest ${ms(Math.max(...stats.longFramesMs))}` : ''}`);
  if (process.env.BENCH_VERBOSE) for (const part of stats.longFrameParts) console.log(`    ${part}`);
}
