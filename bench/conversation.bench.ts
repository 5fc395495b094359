// Benchmark of taking part in the conversation: npx tsx bench/conversation.bench.ts
// A scripted meeting of 49 participants (the development build of the renderer in Chromium, the
// real preload and main handlers): 30 reactions/s from random people (each shown on its tile
// until its expiry event), then live captions at 10 updates/s (partial results growing word by
// word, a final line every 12 updates, one speaker after another), for BENCH_SECONDS (default
// 20) each. Prints the same figures as bench/meeting.bench.ts (bench/churn-report.ts): main-thread
// time per update (median, p99) and the longest frame. Then meeting chat: 1,000 messages at 20/s
// from people in the meeting, posted to the loopback ACS chat stand-in and read by the real chat
// client with the panel open (see measureChat below for what "update" means there). Builds first
// unless DOORWAY_SKIP_BUILD=1 (or run through `npm run bench`).
import { buildFirst } from './build-first';

process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PARTICIPANTS = 49;

buildFirst();

// Loaded after the environment is set: the harness imports main's modules (electron-store).
const { launchChromium } = await import('../test/support/chromium');
const { createHarness, startRendererServer } = await import('../test/support/harness');
const { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, scripted, waitForPhase } = await import('../test/support/scripted-meeting/page');
const { report } = await import('./churn-report');
const { FAKE_CHAT_ENDPOINT, startFakeAcsChat } = await import('../test/support/fake-acs-chat');
const CHAT_MESSAGES = 1000;
const CHAT_PER_SECOND = 20;

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)} ms` : 'n/a');

/**
 * Frames in the page while chat messages arrive. Real-time notifications need the ACS signalling
 * service, which loopback does not have, so the client reads the stand-in by polling (every 3 s):
 * an "update" is one batch reaching the panel. Frame work runs from the frame's first animation-
 * frame callback to a message posted then (after callbacks, renders, style, layout and paint), so
 * it is an upper bound on the chat's own cost; frames without a chat change give the baseline.
 */
// A string, not a function: the page must get it as written (tsx would add helpers it lacks).
const MEASURE_CHAT = `(() => {
  const stats = { updateMs: [], updateMessages: [], idleMs: [], intervalsMs: [], longFrames: [] };
  let added = 0;
  const panel = document.querySelector('#chat-panel');
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element && node.matches('.chat-message, .chat-system')) added++;
  });
  if (panel) observer.observe(panel, { childList: true, subtree: true });
  const channel = new MessageChannel();
  let frameStart = 0;
  let last = 0;
  let running = true;
  channel.port1.onmessage = () => {
    const work = performance.now() - frameStart;
    if (added > 0) {
      stats.updateMs.push(work);
      stats.updateMessages.push(added);
      added = 0;
    } else stats.idleMs.push(work);
  };
  const onFrame = (now) => {
    if (!running) return;
    if (last) stats.intervalsMs.push(now - last);
    last = now;
    frameStart = performance.now();
    // Mutations of this frame's render are delivered before the posted message runs.
    channel.port2.postMessage(null);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  const loaf = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) stats.longFrames.push(entry.duration);
  });
  try {
    loaf.observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // Not offered: long frames are read from the intervals only.
  }
  window.__chatBench = () => {
    running = false;
    observer.disconnect();
    loaf.disconnect();
    return stats;
  };
})()`;

const [browser, server, chat] = await Promise.all([launchChromium(), startRendererServer(), startFakeAcsChat({ threadId: '19:meeting_scripted@thread.v2' })]);
try {
  const tokens = fakeTokenService();
  const harness = await createHarness(browser, {
    origin: server.origin,
    tokens: { ...tokens, get: async (name) => ({ ...(await tokens.get(name)), chatEndpoint: FAKE_CHAT_ENDPOINT }) as Awaited<ReturnType<typeof tokens.get>> },
    viewport: { width: 1280, height: 800 },
  });
  try {
    const { page } = harness;
    page.setDefaultTimeout(60_000);
    await chat.attach(harness.context);
    await configureScriptedMeeting(page, { participants: PARTICIPANTS, videoParticipants: 9, optimalVideoCount: 9, connectDelayMs: 50, seed: 11 });
    await harness.open();
    await joinFromJoinScreen(page, { name: 'Bench Guest' });
    await waitForPhase(page, 'connected');
    await page.waitForFunction((n) => document.querySelectorAll('.gallery__grid > li').length >= Math.min(n, 49), PARTICIPANTS);
    await page.waitForTimeout(1000);
    console.log(`Scripted meeting: ${PARTICIPANTS} participants, ${SECONDS} s per run, Chromium ${browser.version()}, viewport 1280x800`);

    await scripted(page, 'startChurn', { kind: 'reactions', eventsPerSecond: 30, target: PARTICIPANTS, measure: true });
    await page.waitForTimeout(SECONDS * 1000);
    report('Reactions, 30/s (per update = one reaction)', await scripted(page, 'stopChurn'), SECONDS);

    await page.locator('#control-captions').click();
    await page.waitForFunction(() => document.querySelector('.captions__waiting') !== null || document.querySelector('.captions__line') !== null);
    await scripted(page, 'startChurn', { kind: 'captions', eventsPerSecond: 10, target: PARTICIPANTS, measure: true });
    await page.waitForTimeout(SECONDS * 1000);
    report('Live captions, 10 updates/s (partial and final results)', await scripted(page, 'stopChurn'), SECONDS);

    // Meeting chat: the panel open (every message rendered; the model keeps the newest 500).
    await page.locator('#control-captions').click();
    await page.locator('#control-chat').click();
    await page.locator('#chat-panel [data-chat-status], #chat-panel .chat__composer').first().waitFor();
    await page.evaluate(MEASURE_CHAT);
    const senders = Array.from({ length: PARTICIPANTS }, (_, i) => ({ who: i % 3 === 0 ? ({ kind: 'acs', id: `8:acs:bench_${i}` } as const) : ({ kind: 'teams', userId: `0000${i}-bench` } as const), name: `Person ${i + 1}` }));
    let posted = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const sender = senders[posted % senders.length];
        chat.post(sender.who, sender.name, `<p>Message ${posted + 1} with <b>some</b> <i>formatting</i> and a <a href="https://contoso.sharepoint.com/doc">link</a></p>`);
        if (++posted >= CHAT_MESSAGES) {
          clearInterval(timer);
          resolve();
        }
      }, 1000 / CHAT_PER_SECOND);
    });
    // The last poll comes within 3 s.
    await page.waitForTimeout(4_000);
    const frames = await page.evaluate(() => (window as unknown as { __chatBench: () => { updateMs: number[]; updateMessages: number[]; idleMs: number[]; intervalsMs: number[]; longFrames: number[] } }).__chatBench());
    const perMessage = frames.updateMs.map((work, i) => work / frames.updateMessages[i]);
    const shown = frames.updateMessages.reduce((a, b) => a + b, 0);
    console.log(`\nMeeting chat, ${CHAT_MESSAGES} messages at ${CHAT_PER_SECOND}/s, panel open (polling: ${frames.updateMs.length} updates, ${shown} messages rendered)`);
    console.log(`  whole frame per update        median ${ms(quantile(frames.updateMs, 0.5))}   p99 ${ms(quantile(frames.updateMs, 0.99))}   (upper bound: + the gallery's video, style, layout, paint)`);
    console.log(`  whole frame per message       median ${ms(quantile(perMessage, 0.5))}   p99 ${ms(quantile(perMessage, 0.99))}   (an update's frame shared by its messages)`);
    console.log(`  whole frame, no chat change   median ${ms(quantile(frames.idleMs, 0.5))}   p99 ${ms(quantile(frames.idleMs, 0.99))}   (${frames.idleMs.length} frames)`);
    console.log(`  longest frame                 ${ms(Math.max(0, ...frames.intervalsMs))}   (frame interval median ${ms(quantile(frames.intervalsMs, 0.5))}, p99 ${ms(quantile(frames.intervalsMs, 0.99))})`);
    console.log(`  long animation frames         ${frames.longFrames.length}${frames.longFrames.length ? `, longest ${ms(Math.max(...frames.longFrames))}` : ''}`);
    console.log(`  chat requests                 ${chat.requests.length} (${chat.requests.filter((r) => r.path.endsWith('/messages')).length} message lists)`);

    const errors = harness.logs.filter((l) => l.startsWith('pageerror'));
    console.log(`\npage errors: ${errors.length}`);
  } finally {
    await harness.close();
  }
} finally {
  await browser.close();
  await server.close();
  await chat.close();
}
