// The join screen in a Chromium that no debugger is attached to, as Electron runs the app.
// Playwright attaches DevTools to every page it drives, and with a debugger attached V8 collects
// source positions over the whole 7 MB SDK chunk while it evaluates (a trace showed 290–490 ms of
// V8.CollectSourcePositions inside that one task), which a window without DevTools does not pay.
// So here Chromium is started directly, with no remote debugging, and the page reports its own
// marks back by POST. The preload bridge is answered in the page by the same stub as the rest of
// the bench (instant-bridge.ts), inline in <head> and admitted by its hash in the app's own CSP.
// Every launch first opens a blank page on 127.0.0.1 and then navigates to the app on localhost, so
// that the app gets a new renderer process (another site) and the browser's own start-up is not
// counted, as in the Playwright runs. Three ways to load:
//  - cold: a fresh browser and profile each run;
//  - warm: one browser, the app loaded again and again in its tab (the page navigates to itself
//    when the bench answers its report with "again"); HTTP and V8 code cache kept;
//  - relaunch: a new browser process each run on one profile kept across launches, as the app's
//    second launch finds its code cache.
// Warm and relaunch are served with ETags and 304s (test/support/harness.ts `revalidated`), as the
// Playwright relaunch is, and measured after `warmUp` loads, so that Chromium's code-cache heat
// check has passed (the app itself skips it with v8CacheOptions 'bypassHeatCheck').
// What the page costs while it only waits (the guest on the join screen before their appointment):
// with `idleMs`, the browser's processes' CPU time is read from /proc (process-cpu.ts) when the page
// says so (POST /cpu): at the first camera frame, once the window after it is over, and `idleMs` later.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppProtocolHandler } from '../main/app-protocol/app-protocol-handler';
import { launchSettings } from '../test/support/chromium';
import { RENDERER_DIR, revalidated } from '../test/support/harness';
import { longTasksAfter, type LongTaskSummary } from './long-tasks';
import { cpuSnapshot, idleCost, type CpuSnapshot, type IdleCost } from './process-cpu';

/** The page's marks, and its long tasks in `afterFrameMs` after the first camera frame. */
export interface UnattachedSample extends LongTaskSummary {
  paint: number;
  button: number;
  painted: number;
  frame: number;
  /** CPU per 5 s in the window after the frame (the SDK evaluates in it), with `idleMs`. */
  afterFrameCpu?: IdleCost;
  /** CPU per 5 s in the `idleMs` after that window: the page settled, nothing happening. */
  idleCpu?: IdleCost;
}

/** The ways to load (above). */
export const UNATTACHED_MODES = ['cold', 'warm', 'relaunch'] as const;
export type UnattachedMode = (typeof UNATTACHED_MODES)[number];

export interface UnattachedOptions {
  mode: UnattachedMode;
  runs: number;
  /** Loads before the measured ones (warm and relaunch). */
  warmUp: number;
  /** Scripts run first in the page: the bridge stub and the bench's watchers, LONG_TASK_WATCH among them. */
  pageScripts: string[];
  marks: { frame: string; button: string; painted: string };
  afterFrameMs: number;
  /** A window this long after `afterFrameMs` whose CPU time is measured (0: none). */
  idleMs?: number;
  /** Chromium switches beside the test support's own and the host rules (the window size). */
  args: string[];
}

const TIMEOUT_MS = 60_000;
/** Only loopback: the start page on 127.0.0.1, the app on localhost; every other host fails to resolve. */
export const LOOPBACK_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1';

/** The page's report: its marks, and the long tasks in the window after the frame, POSTed once. */
function reportScript({ marks, afterFrameMs, idleMs = 0 }: UnattachedOptions): string {
  return `(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const cpu = (moment) => ${idleMs} > 0 && void fetch('/cpu', { method: 'POST', body: moment });
    const poll = setInterval(() => {
      const frame = at('${marks.frame}');
      if (Number.isNaN(frame) || Number.isNaN(at('${marks.painted}'))) return;
      clearInterval(poll);
      cpu('frame');
      setTimeout(() => {
        const report = { paint: at('first-contentful-paint'), button: at('${marks.button}'), painted: at('${marks.painted}'), frame, ...${longTasksAfter('frame', afterFrameMs)} };
        cpu('settled');
        setTimeout(() => {
          void fetch('/report', { method: 'POST', body: JSON.stringify(report) })
            .then((answer) => answer.text())
            .then((next) => next === 'again' && location.replace(location.href));
        }, ${idleMs});
      }, Math.max(0, frame + ${afterFrameMs} - performance.now()));
    }, 100);
  })();`;
}

export async function loadWithoutDebugger(options: UnattachedOptions): Promise<UnattachedSample[]> {
  const inline = [...options.pageScripts, reportScript(options)].join('\n');
  const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
  const index = Buffer.from(readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8').replace('<head>', `<head><script>${inline}</script>`));
  const handler = createAppProtocolHandler(RENDERER_DIR);
  // Each report is answered "again" (the page loads itself once more) until the launch has given its last.
  let deliver: (sample: UnattachedSample) => 'again' | 'done' = () => 'done';
  const body = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return text;
  };
  // The browser being measured, and its CPU snapshots at the page's moments in the current load.
  let browserPid = 0;
  const snapshots = new Map<string, CpuSnapshot>();
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method === 'POST' && request.url === '/cpu') {
        const snapshot = cpuSnapshot(browserPid);
        snapshots.set(await body(request), snapshot);
        response.end();
        return;
      }
      if (request.method === 'POST' && request.url === '/report') {
        const sample = JSON.parse(await body(request)) as UnattachedSample;
        const [frame, settled] = [snapshots.get('frame'), snapshots.get('settled')];
        if (frame && settled) Object.assign(sample, { afterFrameCpu: idleCost(frame, settled), idleCpu: idleCost(settled, cpuSnapshot(browserPid)) });
        snapshots.clear();
        response.end(deliver(sample));
        return;
      }
      if (request.url === '/start') {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end(`<!doctype html><title>start</title><script>setTimeout(() => location.replace('http://localhost:${port()}/index.html'), 1500)</script>`);
        return;
      }
      const answer = await handler(new Request(`app://localhost${request.url ?? '/'}`));
      const headers = Object.fromEntries(answer.headers);
      // The app's own CSP, with the one inline script admitted by its hash.
      if (headers['content-security-policy']) headers['content-security-policy'] = headers['content-security-policy'].replace("script-src 'self'", `script-src 'self' ${hash}`);
      const content = request.url === '/index.html' ? index : answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined;
      if (options.mode !== 'cold' && answer.status === 200 && content && revalidated(content, request, headers)) {
        response.writeHead(304, headers);
        response.end();
        return;
      }
      response.writeHead(answer.status, headers);
      response.end(content);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = () => (server.address() as AddressInfo).port;
  const { executablePath, args } = await launchSettings({});

  /** One browser on `profile`, until the page has reported `loads` times; its reports. */
  const launch = async (profile: string, loads: number): Promise<UnattachedSample[]> => {
    const reports: UnattachedSample[] = [];
    const reported = new Promise<UnattachedSample[]>((resolve, reject) => {
      deliver = (sample) => {
        reports.push(sample);
        if (reports.length < loads) return 'again';
        resolve(reports);
        return 'done';
      };
      setTimeout(() => reject(new Error(`${reports.length} of ${loads} reports from the page in ${(TIMEOUT_MS * loads) / 1000} s`)), TIMEOUT_MS * loads).unref();
    });
    // Its own process group, so that the helper processes end with it and leave the profile alone.
    const browser = spawn(executablePath, ['--headless', `--user-data-dir=${profile}`, ...args, LOOPBACK_ONLY, ...options.args, `http://127.0.0.1:${port()}/start`], { stdio: 'ignore', detached: true });
    browserPid = browser.pid ?? 0;
    try {
      return await reported;
    } finally {
      const exited = browser.exitCode === null ? new Promise((resolve) => browser.once('exit', resolve)) : Promise.resolve();
      try {
        process.kill(-browser.pid!, 'SIGTERM');
      } catch {
        // The group is gone already.
      }
      await exited;
    }
  };
  const newProfile = () => mkdtempSync(path.join(tmpdir(), 'doorway-bench-unattached-'));
  // A helper process may still be finishing a write for a moment after the group was told to end.
  const remove = (profile: string) => rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });

  const samples: UnattachedSample[] = [];
  try {
    if (options.mode === 'cold') {
      for (let run = 0; run < options.runs; run++) {
        const profile = newProfile();
        try {
          samples.push(...(await launch(profile, 1)));
        } finally {
          remove(profile);
        }
      }
    } else {
      const profile = newProfile();
      try {
        if (options.mode === 'warm') samples.push(...(await launch(profile, options.warmUp + options.runs)).slice(options.warmUp));
        else for (let run = -options.warmUp; run < options.runs; run++) {
          const [sample] = await launch(profile, 1);
          if (run >= 0) samples.push(sample);
        }
      } finally {
        remove(profile);
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return samples;
}
