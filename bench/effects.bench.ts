// Background effects, what they cost (issue 16): npm run bench -- effects
//  1. First paint of the join screen with and without the effects work: the production renderer,
//     cold (a fresh browser each run), the preload bridge answered in the page (instant-bridge.ts),
//     interleaved runs of the build as it is and of the same build with the effects package's
//     chunks held back (their requests never answered). Effects load lazily, so the target is zero;
//     whether the build as it is requested the effects chunks at all before its first camera frame
//     is printed too.
//  2. Choosing Blur in the meeting to the first blurred frame on the self view: the scripted
//     meeting (development build, real SDK LocalVideoStream and Features.VideoEffects, the real
//     effects package on SwiftShader's WebGL, the fake camera, the SDK config switching effects
//     on as in test/e2e/meeting-effects.test.ts). Every frame the self <video> presents
//     (requestVideoFrameCallback) is drawn at 320x180 on a canvas; a frame is blurred when its
//     largest horizontal luma step falls under half of the sharp frames' (the fake camera's
//     pattern has hard edges; blur leaves none) and it is not black. The first choice in the session
//     (the package loaded by opening the picker, the blur model not yet started) apart from the
//     following ones (None, then Blur again), and the black frames the self view presented before
//     that first blurred one (target zero: the plain picture stays until the effect's is lit).
//  3. The meeting's main-thread cost per second, blur off and blur on: Chrome's own Performance
//     metrics (CDP) TaskDuration and ScriptDuration over BENCH_SECONDS (default 10) each (both
//     include the frame watch of 2, a 320x180 canvas read per presented frame). Read it with the
//     self view's frames per second printed next to it: the effects' WebGL runs in the GPU process
//     (SwiftShader here), and fewer presented frames mean less main-thread work.
// Figures only, no assertions. BENCH_RUNS (default 7) sets runs for 1 and 2.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { translate } from '../common/i18n';
import { ACS_CONFIG_WITH_EFFECTS, answerAcsConfigService, launchChromium } from '../test/support/chromium';
import { DIST_DIR, createHarness, startRendererServer } from '../test/support/harness';
import { SCRIPTED_MEETING_LINK, configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, waitForPhase } from '../test/support/scripted-meeting/page';
import { instantBridgeScript, instantReplies } from './instant-bridge';
import { ensureBuilt, printTable, summarize } from './support';

const BLUR = translate('en-US', 'effects.option.blur');
const NONE = translate('en-US', 'effects.option.none');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// renderer/camera-preview.ts's mark, by name: importing it would pull the SDK into Node.
const FRAME_MARK = 'doorway:preview-frame';

/** The renderer's output files holding the effects package, from the build's metafile. */
function effectsChunks(): string[] {
  const outputs = (JSON.parse(readFileSync(path.join(DIST_DIR, 'meta.json'), 'utf8')) as { renderer: { outputs: Record<string, { inputs: Record<string, unknown> }> } }).renderer.outputs;
  return Object.entries(outputs)
    .filter(([output, info]) => !output.endsWith('.map') && Object.keys(info.inputs).some((input) => input.includes('node_modules/@azure/communication-calling-effects/')))
    .map(([output]) => path.basename(output));
}

interface PaintSample {
  paint: number;
  frame: number;
  effectsRequested: boolean;
}

/** One cold load of the join screen in a fresh browser; effects chunks held back when `holdBack`. */
async function coldLoad(origin: string, chunks: string[], holdBack: boolean): Promise<PaintSample> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ permissions: ['camera', 'microphone'], viewport: { width: 1100, height: 760 } });
    await answerAcsConfigService(context);
    await context.addInitScript({ content: instantBridgeScript(instantReplies({ meetings: [SCRIPTED_MEETING_LINK] })) });
    const page = await context.newPage();
    let effectsRequested = false;
    const isEffects = (url: string) => chunks.includes(path.basename(new URL(url).pathname));
    page.on('request', (request) => {
      if (isEffects(request.url())) effectsRequested = true;
    });
    if (holdBack) await page.route((url) => isEffects(url.href), () => undefined);
    await page.goto(`${origin}/index.html`);
    const marks = await page.evaluate<{ paint: number; frame: number }>(`(async () => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      for (let i = 0; i < 1200 && (Number.isNaN(at('${FRAME_MARK}')) || Number.isNaN(at('first-contentful-paint'))); i++) await new Promise((r) => setTimeout(r, 10));
      return { paint: at('first-contentful-paint'), frame: at('${FRAME_MARK}') };
    })()`);
    return { ...marks, effectsRequested };
  } finally {
    await browser.close();
  }
}

/**
 * Watches every frame the self view presents (re-attaching when the tile's <video> is replaced) and
 * keeps, per frame, the page time, its mean luma and its largest horizontal luma step (sharpness).
 * A string: tsx would wrap a page function's inner functions in a helper the page does not have.
 */
const FRAME_WATCH = `(() => {
  const frames = [];
  window.__effectsBench = { frames };
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const sharpness = (video) => {
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let luma = 0;
    let peak = 0;
    for (let i = 0; i < data.length - 4; i += 4) {
      if ((i / 4) % canvas.width === canvas.width - 1) continue;
      const a = (data[i] * 299 + data[i + 1] * 587 + data[i + 2] * 114) / 1000;
      const b = (data[i + 4] * 299 + data[i + 5] * 587 + data[i + 6] * 114) / 1000;
      peak = Math.max(peak, Math.abs(b - a));
      luma += a;
    }
    return { luma: luma / (data.length / 4), peak };
  };
  let watched = null;
  const watch = () => {
    const video = document.querySelector('[data-participant="self"] video');
    if (video && video !== watched) {
      watched = video;
      const onFrame = (now) => {
        if (video !== watched) return;
        if (video.videoWidth > 0) frames.push({ at: now, ...sharpness(video) });
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    }
    requestAnimationFrame(watch);
  };
  watch();
})()`;

interface Frame {
  at: number;
  /** Mean luma, 0-255: a black frame (the view switching streams) is not a blurred one. */
  luma: number;
  /** The largest luma step between neighbouring pixels: the fake camera's sharp edges, gone under blur. */
  peak: number;
}

const framesSince = (page: Page, since: number): Promise<Frame[]> =>
  page.evaluate((t) => (window as unknown as { __effectsBench: { frames: Frame[] } }).__effectsBench.frames.filter((frame) => frame.at >= t), since);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Chooses an option of the picker and returns the page time just before the click. */
async function choose(page: Page, option: string): Promise<number> {
  const at = await page.evaluate(() => performance.now());
  await page.locator('#devices-panel .effects').getByRole('radio', { name: option }).check({ force: true });
  return at;
}

/** Milliseconds from `since` to the first blurred frame (sharpness under half of `sharp`), or NaN after 30 s. */
async function firstBlurred(page: Page, since: number, sharp: number): Promise<number> {
  for (let i = 0; i < 600; i++) {
    const blurred = (await framesSince(page, since)).find((frame) => frame.luma > 20 && frame.peak < sharp / 2);
    if (blurred) return blurred.at - since;
    await page.waitForTimeout(50);
  }
  return NaN;
}

/** Median sharpness (largest luma step) of the frames presented over the next `ms`. */
async function sharpnessOver(page: Page, ms: number): Promise<number> {
  const since = await page.evaluate(() => performance.now());
  await page.waitForTimeout(ms);
  return median((await framesSince(page, since)).map((frame) => frame.peak));
}

/** Main-thread task and script milliseconds per second over `seconds`, from CDP Performance metrics. */
async function mainThreadPerSecond(page: Page, seconds: number): Promise<{ task: number; script: number; fps: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? NaN;
    return { task: value('TaskDuration'), script: value('ScriptDuration'), time: value('Timestamp') };
  };
  const start = await read();
  const framesFrom = await page.evaluate(() => performance.now());
  await page.waitForTimeout(seconds * 1000);
  const end = await read();
  const frames = (await framesSince(page, framesFrom)).length;
  await cdp.detach();
  const elapsed = end.time - start.time;
  return { task: ((end.task - start.task) * 1000) / elapsed, script: ((end.script - start.script) * 1000) / elapsed, fps: frames / elapsed };
}

ensureBuilt();
const chunks = effectsChunks();
const server = await startRendererServer();
try {
  const asIs: PaintSample[] = [];
  const heldBack: PaintSample[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Interleaved, so a machine busy with something else weighs on both alike.
    heldBack.push(await coldLoad(server.origin, chunks, true));
    asIs.push(await coldLoad(server.origin, chunks, false));
  }
  const extra = asIs.map((sample, i) => sample.paint - heldBack[i].paint);
  printTable(`Join screen, cold, first contentful paint in ms (${RUNS} interleaved runs; effects chunks: ${chunks.join(', ') || 'none found'})`, [
    ['the build as it is', summarize(asIs.map((s) => s.paint))],
    ['effects chunks held back', summarize(heldBack.map((s) => s.paint))],
    ['extra first-paint cost (pairwise difference)', summarize(extra)],
    ['first camera frame, as it is', summarize(asIs.map((s) => s.frame))],
    ['first camera frame, effects held back', summarize(heldBack.map((s) => s.frame))],
    ['runs that requested an effects chunk before the first frame', `${asIs.filter((s) => s.effectsRequested).length} of ${RUNS}`],
  ]);

  const browser = await launchChromium();
  try {
    const harness = await createHarness(browser, { origin: server.origin, tokens: fakeTokenService(), viewport: { width: 1280, height: 800 }, acsConfig: ACS_CONFIG_WITH_EFFECTS, chromeUserAgent: true });
    try {
      const { page } = harness;
      page.setDefaultTimeout(60_000);
      await configureScriptedMeeting(page, { participants: 2, videoParticipants: 0, connectDelayMs: 50 });
      await harness.open();
      await joinFromJoinScreen(page, { name: 'Bench Guest' });
      await waitForPhase(page, 'connected');
      await page.evaluate(FRAME_WATCH);
      await page.waitForTimeout(1000);
      const off = await mainThreadPerSecond(page, SECONDS);

      await page.locator('#control-devices').click();
      const picker = page.locator('#devices-panel .effects');
      await picker.waitFor();
      await page.waitForFunction(() => document.querySelector('#devices-panel .effects')?.getAttribute('data-video') === 'off');
      const sharp = await sharpnessOver(page, 1000);
      const firstChosen = await choose(page, BLUR);
      const first = await firstBlurred(page, firstChosen, sharp);
      // The self view keeps the plain picture until the effect's is there (call-session.ts): none black.
      const until = Number.isFinite(first) ? firstChosen + first : Infinity;
      const blackFrames = (await framesSince(page, firstChosen)).filter((frame) => frame.at <= until && frame.luma <= 20).length;
      const again: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        await choose(page, NONE);
        await page.waitForFunction(() => document.querySelector('#devices-panel .effects')?.getAttribute('data-video') === 'off');
        await page.waitForTimeout(1000);
        again.push(await firstBlurred(page, await choose(page, BLUR), sharp));
      }
      await page.waitForFunction(() => document.querySelector('#devices-panel .effects')?.getAttribute('data-video') === 'on');
      const blurred = await sharpnessOver(page, 3000);
      await page.waitForTimeout(1000);
      const on = await mainThreadPerSecond(page, SECONDS);

      console.log(`\nScripted meeting, 2 people, the fake camera 640x480 through the real effects package on SwiftShader WebGL; Chromium ${browser.version()}`);
      printTable('Choosing Blur to the first blurred frame on the self view, ms', [
        ['first choice in the session (package loaded, model not started)', Number.isFinite(first) ? first.toFixed(1) : 'no blurred frame in 30 s'],
        ['black frames on the self view before that first blurred frame', String(blackFrames)],
        [`Blur again after None (${RUNS} runs)`, summarize(again)],
        ['frame sharpness (largest luma step): sharp / blurred', `${sharp.toFixed(2)} / ${blurred.toFixed(2)}`],
      ]);
      printTable(`Meeting main thread per second over ${SECONDS} s (CDP Performance metrics)`, [
        ['blur off: task / script ms per s', `${off.task.toFixed(1)} / ${off.script.toFixed(1)}`],
        ['blur on: task / script ms per s', `${on.task.toFixed(1)} / ${on.script.toFixed(1)}`],
        ['cost of running blur: task / script ms per s', `${(on.task - off.task).toFixed(1)} / ${(on.script - off.script).toFixed(1)}`],
        ['self-view frames presented per s: off / on', `${off.fps.toFixed(1)} / ${on.fps.toFixed(1)}`],
      ]);
      const errors = harness.logs.filter((l) => l.startsWith('pageerror'));
      console.log(`\npage errors: ${errors.length}`);
    } finally {
      await harness.close();
    }
  } finally {
    await browser.close();
  }
} finally {
  await server.close();
}
