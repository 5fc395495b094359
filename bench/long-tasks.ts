// The page's long tasks (over 50 ms), for the join-screen bench's runs under Playwright and with no
// debugger attached (no-debugger.ts): one watcher and one summary, as page script strings.

/** The longest task and the total blocking time (each task's time over 50 ms, summed) in a window. */
export interface LongTaskSummary {
  longest: number;
  blocking: number;
}

/** Collects the page's long tasks into window.__benchLongTasks, from before any page script. */
export const LONG_TASK_WATCH = `(() => {
  const tasks = (window.__benchLongTasks = []);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
})();`;

/** A page expression: the LongTaskSummary of the tasks overlapping `windowMs` after the page variable `from`. */
export function longTasksAfter(from: string, windowMs: number): string {
  return `((tasks) => ({ longest: Math.max(0, ...tasks.map((t) => t.duration)), blocking: tasks.reduce((sum, t) => sum + t.duration - 50, 0) }))(
    window.__benchLongTasks.filter((t) => t.start + t.duration > ${from} && t.start < ${from} + ${windowMs}))`;
}
