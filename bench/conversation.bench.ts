// Benchmark of taking part in the conversation: npx tsx bench/conversation.bench.ts
// A scripted meeting of 49 participants (the development build of the renderer in Chromium, the
// real preload and main handlers): 30 reactions/s from random people (each shown on its tile
// until its expiry event), then live captions at 10 updates/s (partial results growing word by
// word, a final line every 12 updates, one speaker after another), for BENCH_SECONDS (default
// 20) each. Then meeting chat: 1,000 messages at 20/s from people in the meeting, posted to the
// loopback ACS chat stand-in and read by the real chat client with the panel open (see
// MEASURE_CHAT below for what "update" means there). For each, the same figures as
// bench/meeting.bench.ts (bench/churn-report.ts): main-thread time per update from a DevTools
// trace, paired by id (median, p99), all main-thread work above a quiet page, the longest frame,
// and the load average. Builds first unless DOORWAY_SKIP_BUILD=1 (or run through `npm run bench`).
import { buildFirst } from './build-first';

process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PARTICIPANTS = 49;

buildFirst();

// Loaded after the environment is set: the harness imports main's modules (electron-store).
const { launchChromium } = await import('../test/support/chromium');
const { createHarness, startRendererServer } = await import('../test/support/harness');
const { configureScriptedMeeting, fakeTokenService, joinFromJoinScreen, waitForPhase } = await import('../test/support/scripted-meeting/page');
const { idleRate, load, measureChurn, printStream } = await import('./churn-report');
const { attribute, startTrace, stopTrace } = await import('./trace-attribution');
const { FAKE_CHAT_ENDPOINT, startFakeAcsChat } = await import('../test/support/fake-acs-chat');
const CHAT_MESSAGES = 1000;
const CHAT_PER_SECOND = 20;

/**
 * Meeting chat in the page: each message element the panel adds leaves a user-timing mark with the
 * message's id, in the flush that added it (a mutation observer's callback runs in that task), so
 * the trace pairs every message with the work of putting it on screen and all that work causes
 * (bench/trace-attribution.ts). Real-time notifications need the ACS signalling service, which
 * loopback does not have, so the client reads the stand-in by polling (every 3 s) and the panel
 * draws each poll's batch over several frames; what the chat client spends on a poll (the network
 * response, the SDK's parsing) is outside the per-message figure and inside the "all main-thread
 * work" cross-check. Frame intervals and long animation frames are watched as in the churns.
 */
// A string, not a function: the page must get it as written (tsx would add helpers it lacks).
const MEASURE_CHAT = `(() => {
  const stats = { frameIntervalsMs: [], longFramesMs: [], marked: 0 };
  const panel = document.querySelector('#chat-panel');
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      // The first messages arrive inside the list itself (it is drawn only once there are any).
      const added = node.matches('.chat-message[data-message]') ? [node] : [...node.querySelectorAll('.chat-message[data-message]')];
      for (const message of added) {
        performance.mark('doorway-update:chat:' + message.getAttribute('data-message'));
        stats.marked++;
      }
    }
  });
  if (panel) observer.observe(panel, { childList: true, subtree: true });
  let last = 0;
  let running = true;
  const onFrame = (now) => {
    if (!running) return;
    if (last) stats.frameIntervalsMs.push(now - last);
    last = now;
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
  const loaf = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) stats.longFramesMs.push(entry.duration);
  });
  try {
    loaf.observe({ type: 'long-animation-frame', buffered: false });
  } catch {
    // Not offered: long frames are read from the intervals only.
  }
  window.__chatBenchMarked = () => stats.marked;
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

    await measureChurn(browser, page, 'Reactions, 30/s (per update = one reaction)', { kind: 'reactions', eventsPerSecond: 30, target: PARTICIPANTS }, SECONDS);

    await page.locator('#control-captions').click();
    await page.waitForFunction(() => document.querySelector('.captions__waiting') !== null || document.querySelector('.captions__line') !== null);
    await measureChurn(browser, page, 'Live captions, 10 updates/s (partial and final results)', { kind: 'captions', eventsPerSecond: 10, target: PARTICIPANTS }, SECONDS);

    // Meeting chat: the panel open (every message rendered; the model keeps the newest 500).
    await page.locator('#control-captions').click();
    await page.locator('#control-chat').click();
    await page.locator('#chat-panel [data-chat-status], #chat-panel .chat__composer').first().waitFor();
    const quiet = await idleRate(browser, page);
    const before = load();
    await startTrace(browser, page);
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
    // Every message on screen (the last poll comes within 3 s), then its effects and timers.
    await page.waitForFunction((n) => (window as unknown as { __chatBenchMarked: () => number }).__chatBenchMarked() >= n, CHAT_MESSAGES, { timeout: 30_000 }).catch(() => undefined);
    await page.waitForTimeout(1_000);
    const frames = await page.evaluate(() => (window as unknown as { __chatBench: () => { frameIntervalsMs: number[]; longFramesMs: number[]; marked: number } }).__chatBench());
    const traced = attribute(await stopTrace(browser), ['chat']);
    printStream(`Meeting chat, ${CHAT_MESSAGES} messages at ${CHAT_PER_SECOND}/s, panel open (per update = one message on screen; read by polling)`, 'chat', traced, quiet, frames, CHAT_MESSAGES, before);
    console.log(`  chat requests                 ${chat.requests.length} (${chat.requests.filter((r) => r.path.endsWith('/messages')).length} message lists); ${frames.marked} messages added to the panel`);

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
