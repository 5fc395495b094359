// Test code only (Node). The page's time under the test's control, for what counts time: the
// lobby's "waiting 0:02", the meeting's elapsed time, the scripted meeting's schedule (its clock
// reads the page's globals), a churn's events per second, token renewals. A harness opened with
// `clock: true` has Playwright's fake clock, which runs at the normal pace until pauseClock();
// from then on the page's time moves only through runFor(), which fires every timer and animation
// frame due in between, in order. So "two seconds later" is exact however loaded the machine is,
// and nothing counts events against the wall clock.
import type { Page } from 'playwright-core';

/**
 * How far ahead of the page's present the clock stops: pauseAt() cannot go back in time, and the
 * page's clock keeps running while this call travels (for seconds on a loaded machine). Timers due
 * in between fire once, as after a sleep of the computer.
 */
const PAUSE_AHEAD_MS = 5_000;

/** Stops the page's time; returns the page's time (ms since the epoch) it stopped at. */
export async function pauseClock(page: Page): Promise<number> {
  const now = await page.evaluate(() => Date.now());
  const at = now + PAUSE_AHEAD_MS;
  await page.clock.pauseAt(at);
  return at;
}
