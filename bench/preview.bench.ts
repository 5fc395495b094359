// Time from navigation to the join screen's first camera frame (the real SDK on the fake camera),
// cold (a fresh browser profile each run) and warm (the same profile, loaded again), with the
// first paint and the SDK's arrival along the way. Target (issue 5): <= 800 ms cold.
// Run: npx tsx bench/preview.bench.ts (builds into $DOORWAY_OUT first, unless a build is there).
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { createHarness, startRendererServer } from '../test/support/harness';
import { ensureBuilt, printTable, summarize } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WARM_UP = 2;

interface Sample {
  paint: number;
  sdk: number;
  frame: number;
}

/** The page's own marks, in ms since navigation started. */
async function timings(page: Page): Promise<Sample> {
  // No named inner functions here: tsx would wrap them in a helper the page does not have.
  return page.evaluate(async () => {
    for (let i = 0; i < 1200 && performance.getEntriesByName('doorway:preview-frame').length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    return {
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      sdk: performance.getEntriesByName('doorway:sdk-ready')[0]?.startTime ?? NaN,
      frame: performance.getEntriesByName('doorway:preview-frame')[0]?.startTime ?? NaN,
    };
  });
}

await ensureBuilt();
const server = await startRendererServer();
const cold: Sample[] = [];
const warm: Sample[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const browser = await launchChromium();
    try {
      const harness = await createHarness(browser, { origin: server.origin });
      await harness.open();
      cold.push(await timings(harness.page));
    } finally {
      await browser.close();
    }
  }

  const browser = await launchChromium();
  try {
    const harness = await createHarness(browser, { origin: server.origin });
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      await harness.open();
      const sample = await timings(harness.page);
      if (run >= WARM_UP) warm.push(sample);
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}

const column = (samples: Sample[], key: keyof Sample) => summarize(samples.map((s) => s[key]));
printTable(`Join screen: navigation to first preview frame (ms), ${RUNS} runs each`, [
  ['cold: first preview frame', column(cold, 'frame')],
  ['cold: first paint', column(cold, 'paint')],
  ['cold: SDK loaded', column(cold, 'sdk')],
  ['cold: SDK loaded to first frame', summarize(cold.map((s) => s.frame - s.sdk))],
  ['warm: first preview frame', column(warm, 'frame')],
  ['warm: first paint', column(warm, 'paint')],
  ['warm: SDK loaded', column(warm, 'sdk')],
  ['warm: SDK loaded to first frame', summarize(warm.map((s) => s.frame - s.sdk))],
]);
