// First impressions, the way the guest meets Doorway: the production renderer from a static
// server on http://localhost with the preload bridge answered IN THE PAGE at once (instant-bridge.ts,
// as Electron's in-process IPC would; not Playwright's binding), the fake camera and microphone.
//  1. First paint, the Join button in the DOM, the first camera frame and the SDK loaded: cold (a
//     fresh browser each run), warm (the same browser context loaded again: HTTP and V8 code
//     cache kept, after two warm-up loads so Chromium's code-cache heat check has passed — the app
//     itself skips that check with v8CacheOptions 'bypassHeatCheck') and relaunch (a new browser
//     process each run on one profile folder kept across launches, as the app's second launch
//     finds its code cache; the profile's first launch loads twice, for the same heat check). The
//     relaunch server answers with ETags and 304s (startRendererServer's `revalidate`), and the
//     relaunch sets no Playwright route (a route turns the HTTP cache off): Chromium keys an http
//     page's code cache to the response it cached, so before, every launch refetched, recompiled
//     and measured a cold load. Electron checks the app scheme's code
//     cache against the script's content instead, with no HTTP cache; the 304s are the nearest
//     model of that here, plus a round trip per file that Electron does not have.
//  1b. The main thread in the 5 s after the first camera frame (cold, relaunch): the longest task and the
//     total blocking time (each task's time over 50 ms), from the page's own long-task entries.
//     The SDK and noise suppression's chunk evaluate in that window, in idle time.
//  1c. Cold, warm and relaunch again with no debugger attached (no-debugger.ts): Playwright's
//     DevTools connection makes V8 collect source positions over the SDK chunk while it evaluates;
//     Electron has no debugger.
//  1d. What the join screen costs while the guest only waits (minutes, maybe on battery), with no
//     debugger attached: the browser's CPU time from /proc (process-cpu.ts) in the IDLE_MS after
//     that 5 s window (preview live, the fake microphone's beep on the meter, the SDK loaded), per
//     5 s: the renderer's main and compositor threads, the renderer and GPU processes, everything;
//     and the renderer's main thread in the 5 s after the frame, while the SDK loads.
//  2. The JS heap on the join screen after settling, with the SDK chunk held back (what the guest's
//     page holds before the SDK loads), and after it has loaded.
//  3. Join to the call's first 'Connecting' (the scripted meeting, renderer/calling/practice/,
//     switched on in this development build: the real SDK's LocalVideoStream and credential, a
//     scripted call agent), and the camera across it: the
//     longest gap between frames the self-view <video> presents, from Join until 1 s in the meeting.
//  4. The renderer's bundle sizes (raw and gzip), our own code apart from the SDK chunk.
// Targets (issue 14), medians: first frame < 400 ms cold / < 250 ms warm; first paint < 150 ms cold;
// heap < 8 MB before the SDK; (issue 2) our own JS <= 100 KB gzip. Figures only, no assertions.
// Run: npm run bench -- join-screen (BENCH_RUNS=n for more or fewer runs; default 7).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, launchPersistentChromium } from '../test/support/chromium';
import { DIST_DIR, RENDERER_DIR, startRendererServer } from '../test/support/harness';
import { SCRIPTED_MEETING_LINK, configureScriptedMeeting } from '../test/support/scripted-meeting/page';
import { instantBridgeScript, instantReplies } from './instant-bridge';
import { LONG_TASK_WATCH, longTasksAfter, type LongTaskSummary } from './long-tasks';
import { LOOPBACK_ONLY, UNATTACHED_MODES, loadWithoutDebugger, type UnattachedMode, type UnattachedSample } from './no-debugger';
import { IDLE_PARTS } from './process-cpu';
import { ensureBuilt, printTable, summarize } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const loadAverage = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const WARM_UP = 2;
const HEAP_RUNS = 3;
// The page's own marks (renderer/media/camera-preview.ts, renderer/join/use-join-media.ts,
// renderer/calling/call-session.ts), by name: importing those modules would pull the SDK into Node.
const FRAME_MARK = 'doorway:preview-frame';
const SDK_MARK = 'doorway:sdk-ready';
const CONNECTING_MARK = 'doorway:call-connecting';
const JOIN_BUTTON_MARK = 'bench:join-button';
const JOIN_PAINTED_MARK = 'bench:join-painted';
const AFTER_FRAME_MS = 5000;
const IDLE_MS = 5000;

/**
 * Marks the moment the Join button is in the DOM (a MutationObserver from before any page script),
 * and the moment it is on screen: the observer gives it an elementtiming attribute before its first
 * frame, and the Element Timing entry's renderTime is when that frame was presented. First paint is
 * index.html's app shell (renderer/join/AppShell.tsx); this is the join screen itself.
 */
const JOIN_BUTTON_WATCH = `(() => {
  const seen = () => document.querySelector('.join form button[type="submit"]');
  const observer = new MutationObserver(() => {
    const button = seen();
    if (!button) return;
    performance.mark('${JOIN_BUTTON_MARK}');
    // On the label: Element Timing reports text by the flex item that holds it.
    (button.querySelector('.btn__label') ?? button).setAttribute('elementtiming', 'join-button');
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.identifier === 'join-button') performance.mark('${JOIN_PAINTED_MARK}', { startTime: entry.renderTime });
  }).observe({ type: 'element', buffered: true });
})();`;

interface Sample {
  paint: number;
  button: number;
  painted: number;
  frame: number;
  sdk: number;
}

const CONTEXT_OPTIONS = { permissions: ['camera', 'microphone'], viewport: { width: 1100, height: 760 } };

async function prepare(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: instantBridgeScript(instantReplies({ meetings: [SCRIPTED_MEETING_LINK] })) });
  await context.addInitScript({ content: JOIN_BUTTON_WATCH });
  await context.addInitScript({ content: LONG_TASK_WATCH });
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(CONTEXT_OPTIONS);
  await prepare(context);
  const page = await context.newPage();
  await answerConfigServiceByCdp(page);
  return page;
}

/**
 * Chromium for the cold and warm loads. No Playwright route here either: with a route set,
 * Playwright pauses every request (the app's own files too) for a round trip to this process, which
 * Electron's app scheme does not have, and turns the HTTP cache off, so "warm" kept only the
 * in-memory cache. Outside hosts fail at name resolution instead.
 */
function launchBrowser(): Promise<Browser> {
  return launchChromium({ args: [LOOPBACK_ONLY] });
}

/** A browser launched on the kept profile folder: its one page, ready to load the app. */
async function relaunch(profile: string): Promise<BrowserContext> {
  // No Playwright route: Playwright turns the HTTP cache off while any route is set ("Enabling
  // routing disables http cache"), and with it the code cache. Outside hosts fail at name
  // resolution instead, and the SDK's config service is answered through CDP's Fetch domain for
  // its one host (answerConfigServiceByCdp), which leaves the cache alone.
  const context = await launchPersistentChromium(profile, { ...CONTEXT_OPTIONS, args: [LOOPBACK_ONLY] });
  await prepare(context);
  return context;
}

/** Answers the SDK's config service with `{}` (as answerAcsConfigService does) through CDP, for this page only. */
async function answerConfigServiceByCdp(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Fetch.requestPaused', (event: { requestId: string }) => {
    const headers = { 'Content-Type': 'application/json', ETag: '"doorway-test"', Expires: new Date(Date.now() + 3_600_000).toUTCString(), 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'ETag, Expires' };
    void cdp.send('Fetch.fulfillRequest', {
      requestId: event.requestId,
      responseCode: 200,
      responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
      body: Buffer.from('{}').toString('base64'),
    }).catch(() => undefined);
  });
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: 'https://ecs.communication.microsoft.com/*' }] });
}

/** Loads the app and waits for the first camera frame and the SDK; the page's marks, in ms from navigation. */
async function load(page: Page, origin: string, waitForSdk = true): Promise<Sample> {
  await page.goto(`${origin}/index.html`);
  // A string, not a function: tsx would wrap the page function's inner functions in a helper the
  // page does not have.
  return page.evaluate(`(async () => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    for (let i = 0; i < 1200 && (Number.isNaN(at('${FRAME_MARK}')) || Number.isNaN(at('${JOIN_PAINTED_MARK}')) || (${waitForSdk} && Number.isNaN(at('${SDK_MARK}')))); i++) await new Promise((r) => setTimeout(r, 10));
    return { paint: at('first-contentful-paint'), button: at('${JOIN_BUTTON_MARK}'), painted: at('${JOIN_PAINTED_MARK}'), frame: at('${FRAME_MARK}'), sdk: at('${SDK_MARK}') };
  })()`);
}

/** The long tasks from the first camera frame until AFTER_FRAME_MS after it (the page is loaded). */
async function responsiveness(page: Page): Promise<LongTaskSummary> {
  return page.evaluate(`(async () => {
    const frame = performance.getEntriesByName('${FRAME_MARK}')[0].startTime;
    while (performance.now() < frame + ${AFTER_FRAME_MS}) await new Promise((r) => setTimeout(r, frame + ${AFTER_FRAME_MS} - performance.now()));
    return ${longTasksAfter('frame', AFTER_FRAME_MS)};
  })()`);
}

async function heapMb(page: Page): Promise<number> {
  await page.waitForTimeout(1500);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize / 1024 / 1024;
}

ensureBuilt();
const server = await startRendererServer();
const revalidating = await startRendererServer(undefined, { revalidate: true });
const cold: Sample[] = [];
const afterFrame: LongTaskSummary[] = [];
const afterFrameRelaunched: LongTaskSummary[] = [];
const unattached: Record<UnattachedMode, UnattachedSample[]> = { cold: [], warm: [], relaunch: [] };
const warm: Sample[] = [];
const relaunched: Sample[] = [];
const heapBefore: number[] = [];
const heapAfter: number[] = [];
/** The load average before and after the no-debugger runs (the idle figures are taken in them). */
const idleLoad: string[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const browser = await launchBrowser();
    try {
      const page = await newPage(browser);
      cold.push(await load(page, server.origin));
      afterFrame.push(await responsiveness(page));
    } finally {
      await browser.close();
    }
  }

  idleLoad.push(loadAverage());
  for (const mode of UNATTACHED_MODES) {
    unattached[mode] = await loadWithoutDebugger({
      mode,
      runs: RUNS,
      warmUp: WARM_UP,
      pageScripts: [instantBridgeScript(instantReplies({ meetings: [SCRIPTED_MEETING_LINK] })), JOIN_BUTTON_WATCH, LONG_TASK_WATCH],
      marks: { frame: FRAME_MARK, button: JOIN_BUTTON_MARK, painted: JOIN_PAINTED_MARK },
      afterFrameMs: AFTER_FRAME_MS,
      idleMs: IDLE_MS,
      args: [`--window-size=${CONTEXT_OPTIONS.viewport.width},${CONTEXT_OPTIONS.viewport.height}`],
    });
  }
  idleLoad.push(loadAverage());

  const browser = await launchBrowser();
  try {
    const page = await newPage(browser);
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const sample = await load(page, server.origin);
      if (run >= WARM_UP) warm.push(sample);
    }
  } finally {
    await browser.close();
  }

  const profile = mkdtempSync(path.join(tmpdir(), 'doorway-bench-profile-'));
  try {
    for (let run = -1; run < RUNS; run++) {
      const context = await relaunch(profile);
      try {
        const page = context.pages()[0] ?? (await context.newPage());
        await answerConfigServiceByCdp(page);
        if (run < 0) for (let warmUp = 0; warmUp < WARM_UP; warmUp++) await load(page, revalidating.origin);
        else {
          relaunched.push(await load(page, revalidating.origin));
          afterFrameRelaunched.push(await responsiveness(page));
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }

  for (let run = 0; run < HEAP_RUNS; run++) {
    const browser = await launchBrowser();
    try {
      // The SDK chunk held back (its request never answered): the join screen as it is before the SDK.
      const before = await newPage(browser);
      await before.route(/\/chunks\/acs-[^/]*\.js$/, () => undefined);
      await load(before, server.origin, false);
      heapBefore.push(await heapMb(before));
      const after = await newPage(browser);
      await load(after, server.origin);
      heapAfter.push(await heapMb(after));
    } finally {
      await browser.close();
    }
  }
} catch (error) {
  await server.close();
  throw error;
} finally {
  await revalidating.close();
}

const column = (samples: Sample[], key: keyof Sample) => summarize(samples.map((s) => s[key]));
printTable(`Join screen, in-page bridge: ms from navigation, ${RUNS} runs each (2 shared cores: noisy)`, [
  ['cold: first paint (the app shell)', column(cold, 'paint')],
  ['cold: Join button in the DOM', column(cold, 'button')],
  ['cold: join screen painted (its Join button on screen)', column(cold, 'painted')],
  ['cold: first camera frame', column(cold, 'frame')],
  ['cold: SDK loaded (idle time, after the frame)', column(cold, 'sdk')],
  ['warm: first paint (the app shell)', column(warm, 'paint')],
  ['warm: Join button in the DOM', column(warm, 'button')],
  ['warm: join screen painted (its Join button on screen)', column(warm, 'painted')],
  ['warm: first camera frame', column(warm, 'frame')],
  ['warm: SDK loaded', column(warm, 'sdk')],
  ['relaunch: first paint (the app shell)', column(relaunched, 'paint')],
  ['relaunch: Join button in the DOM', column(relaunched, 'button')],
  ['relaunch: join screen painted (its Join button on screen)', column(relaunched, 'painted')],
  ['relaunch: first camera frame', column(relaunched, 'frame')],
  ['relaunch: SDK loaded', column(relaunched, 'sdk')],
]);
printTable(`Main thread in the ${AFTER_FRAME_MS / 1000} s after the first camera frame (the SDK and noise suppression evaluate in it), ${RUNS} runs`, [
  ['cold: longest task (ms)', summarize(afterFrame.map((r) => r.longest))],
  ['cold: total blocking time, each task over 50 ms summed (ms)', summarize(afterFrame.map((r) => r.blocking))],
  ['relaunch: longest task (ms)', summarize(afterFrameRelaunched.map((r) => r.longest))],
  ['relaunch: total blocking time (ms)', summarize(afterFrameRelaunched.map((r) => r.blocking))],
]);
printTable(`With no debugger attached (Chromium started directly, as Electron runs the app; the page reports by POST), ${RUNS} runs each`, [
  ...UNATTACHED_MODES.flatMap((mode): Array<[string, string]> => [
    [`${mode}: first paint (the app shell)`, summarize(unattached[mode].map((r) => r.paint))],
    [`${mode}: Join button in the DOM`, summarize(unattached[mode].map((r) => r.button))],
    [`${mode}: join screen painted (its Join button on screen)`, summarize(unattached[mode].map((r) => r.painted))],
    [`${mode}: first camera frame`, summarize(unattached[mode].map((r) => r.frame))],
    [`${mode}: longest task in the ${AFTER_FRAME_MS / 1000} s after the frame (ms)`, summarize(unattached[mode].map((r) => r.longest))],
    [`${mode}: total blocking time in that window (ms)`, summarize(unattached[mode].map((r) => r.blocking))],
  ]),
]);
printTable(
  `Idle: CPU ms per 5 s while the join screen waits (the ${IDLE_MS / 1000} s after that window; no debugger; /proc), ${RUNS} runs each; load average ${idleLoad.join(' before, ')} after (above ~3 not a measurement)`,
  [
    ...UNATTACHED_MODES.flatMap((mode): Array<[string, string]> => [
      ...IDLE_PARTS.map(([part, label]): [string, string] => [`${mode}: idle, ${label}`, summarize(unattached[mode].map((r) => r.idleCpu?.[part] ?? NaN))]),
      [`${mode}: renderer's main thread in the ${AFTER_FRAME_MS / 1000} s after the frame (the SDK loads)`, summarize(unattached[mode].map((r) => r.afterFrameCpu?.rendererMain ?? NaN))],
    ]),
  ],
);
printTable(`JS heap on the join screen after settling, after GC (MB), ${HEAP_RUNS} runs`, [
  ['before the SDK (its chunk held back)', summarize(heapBefore)],
  ['with the SDK loaded', summarize(heapAfter)],
]);

// Join to 'Connecting', and the camera across it, in the scripted meeting.
interface JoinSample {
  connecting: number;
  longestGap: number;
  frames: number;
  sameVideo: boolean;
}
const joins: JoinSample[] = [];
const browser = await launchBrowser();
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await newPage(browser);
    await configureScriptedMeeting(page, {});
    await load(page, server.origin);
    await page.locator('#meeting-input').fill(SCRIPTED_MEETING_LINK);
    await page.locator('#name-input').fill('Bench Guest');
    await page.waitForFunction(() => document.querySelector('.join form button[type="submit"]')?.getAttribute('aria-disabled') !== 'true');
    joins.push(
      await page.evaluate<JoinSample>(`(async () => {
        const video = document.querySelector('[data-testid="preview"] video');
        const frames = [];
        let sampling = true;
        const onFrame = () => {
          frames.push(performance.now());
          if (sampling) video.requestVideoFrameCallback(onFrame);
        };
        video.requestVideoFrameCallback(onFrame);
        performance.clearMarks('${CONNECTING_MARK}');
        const clicked = performance.now();
        document.querySelector('.join form button[type="submit"]').click();
        for (let i = 0; i < 1000 && !document.querySelector('main[data-phase="connected"]'); i++) await new Promise((r) => setTimeout(r, 10));
        await new Promise((r) => setTimeout(r, 1000));
        sampling = false;
        const connecting = (performance.getEntriesByName('${CONNECTING_MARK}')[0]?.startTime ?? NaN) - clicked;
        const after = [clicked, ...frames.filter((t) => t >= clicked)];
        let longestGap = 0;
        for (let i = 1; i < after.length; i++) longestGap = Math.max(longestGap, after[i] - after[i - 1]);
        longestGap = Math.max(longestGap, performance.now() - after.at(-1));
        return { connecting, longestGap, frames: after.length - 1, sameVideo: document.querySelector('[data-participant="self"] video') === video };
      })()`),
    );
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
printTable(`Join (scripted meeting, SDK already loaded in idle time), ${RUNS} runs`, [
  ["Join pressed to the call's first 'Connecting' (ms)", summarize(joins.map((j) => j.connecting))],
  ['longest gap between camera frames, Join to 1 s in the meeting (ms; < 200 wanted)', summarize(joins.map((j) => j.longestGap))],
  ['camera frames presented in that time', summarize(joins.map((j) => j.frames))],
  ["the preview's own <video> is the meeting's self-view", `${joins.filter((j) => j.sameVideo).length} of ${joins.length} runs`],
]);

// Bundle sizes from the build's metafile: what the first screen loads (index.html, which holds the
// stylesheet and the app shell, main.js and the chunks it imports statically), our other chunks
// (loaded on demand: locales, features) and the chunks with Azure SDK code (calling, chat, effects;
// all loaded lazily).
type Output = { inputs: Record<string, unknown>; imports?: Array<{ path: string; kind: string }> };
const outputs = (JSON.parse(readFileSync(path.join(DIST_DIR, 'meta.json'), 'utf8')) as { renderer: { outputs: Record<string, Output> } }).renderer.outputs;
const firstLoad = new Set<string>();
const visit = (output: string) => {
  if (firstLoad.has(output) || !outputs[output]) return;
  firstLoad.add(output);
  for (const imported of outputs[output].imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
};
for (const output of Object.keys(outputs)) if (/\/main\.js$/.test(output)) visit(output);
const indexHtml = readFileSync(path.join(RENDERER_DIR, 'index.html'));
const sizes = { first: { raw: indexHtml.length, gzip: gzipSync(indexHtml).length }, own: { raw: 0, gzip: 0 }, sdk: { raw: 0, gzip: 0 } };
for (const [output, info] of Object.entries(outputs)) {
  // main.css is in index.html (scripts/build.mjs), counted above.
  if (output.endsWith('.map') || output.endsWith('/main.css')) continue;
  const bytes = readFileSync(path.resolve(output));
  const group = firstLoad.has(output) ? sizes.first : Object.keys(info.inputs).some((input) => input.includes('node_modules/@azure/')) ? sizes.sdk : sizes.own;
  group.raw += bytes.length;
  group.gzip += gzipSync(bytes).length;
}
const kb = (size: { raw: number; gzip: number }) => `${(size.raw / 1024).toFixed(1)} KB raw, ${(size.gzip / 1024).toFixed(1)} KB gzip`;
printTable(`Renderer bundles (${path.relative(process.cwd(), RENDERER_DIR)})`, [
  ['the first screen: index.html (stylesheet and app shell inline), main.js and its static imports', kb(sizes.first)],
  ['our other chunks, on demand (locales, features)', kb(sizes.own)],
  ['the chunks with Azure SDK code (calling, chat, effects), lazy', kb(sizes.sdk)],
]);
