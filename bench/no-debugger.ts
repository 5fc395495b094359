// The join screen in a Chromium that no debugger is attached to, as Electron runs the app.
// Playwright attaches DevTools to every page it drives, and with a debugger attached V8 collects
// source positions over the whole 7 MB SDK chunk while it evaluates (a trace showed 290–490 ms of
// V8.CollectSourcePositions inside that one task), which a window without DevTools does not pay.
// So here Chromium is started directly, with no remote debugging, and the page reports its own
// marks back by POST. The preload bridge is answered in the page by the same stub as the rest of
// the bench (instant-bridge.ts), inline in <head> and admitted by its hash in the app's own CSP.
// Each run is a fresh browser and profile; it first opens a blank page on 127.0.0.1 and then
// navigates to the app on localhost, so that the app gets a new renderer process (another site) and
// the browser's own start-up is not counted, as in the Playwright runs.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAppProtocolHandler } from '../main/app-protocol/app-protocol-handler';
import { launchSettings } from '../test/support/chromium';
import { RENDERER_DIR } from '../test/support/harness';
import { longTasksAfter, type LongTaskSummary } from './long-tasks';

/** The page's marks, and its long tasks in `afterFrameMs` after the first camera frame. */
export interface UnattachedSample extends LongTaskSummary {
  paint: number;
  button: number;
  frame: number;
}

export interface UnattachedOptions {
  runs: number;
  /** Scripts run first in the page: the bridge stub and the bench's watchers, LONG_TASK_WATCH among them. */
  pageScripts: string[];
  marks: { frame: string; button: string };
  afterFrameMs: number;
  /** Chromium switches beside the test support's own and the host rules (the window size). */
  args: string[];
}

const TIMEOUT_MS = 60_000;
/** Only loopback: the start page on 127.0.0.1, the app on localhost; every other host fails to resolve. */
export const LOOPBACK_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1';

/** The page's report: its marks, and the long tasks in the window after the frame, POSTed once. */
function reportScript({ marks, afterFrameMs }: UnattachedOptions): string {
  return `(() => {
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    const poll = setInterval(() => {
      const frame = at('${marks.frame}');
      if (Number.isNaN(frame) || performance.now() < frame + ${afterFrameMs}) return;
      clearInterval(poll);
      const report = { paint: at('first-contentful-paint'), button: at('${marks.button}'), frame, ...${longTasksAfter('frame', afterFrameMs)} };
      void fetch('/report', { method: 'POST', body: JSON.stringify(report) });
    }, 100);
  })();`;
}

export async function loadWithoutDebugger(options: UnattachedOptions): Promise<UnattachedSample[]> {
  const inline = [...options.pageScripts, reportScript(options)].join('\n');
  const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
  const index = readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8').replace('<head>', `<head><script>${inline}</script>`);
  const handler = createAppProtocolHandler(RENDERER_DIR);
  let deliver: (sample: UnattachedSample) => void = () => undefined;
  const body = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    return text;
  };
  const server = createServer((request, response) => {
    void (async () => {
      if (request.method === 'POST' && request.url === '/report') {
        deliver(JSON.parse(await body(request)) as UnattachedSample);
        response.end();
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
      response.writeHead(answer.status, headers);
      response.end(request.url === '/index.html' ? index : answer.body ? Buffer.from(await answer.arrayBuffer()) : undefined);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = () => (server.address() as AddressInfo).port;
  const { executablePath, args } = await launchSettings({});
  const samples: UnattachedSample[] = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      const profile = mkdtempSync(path.join(tmpdir(), 'doorway-bench-unattached-'));
      const reported = new Promise<UnattachedSample>((resolve, reject) => {
        deliver = resolve;
        setTimeout(() => reject(new Error(`no report from the page in ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS).unref();
      });
      const browser = spawn(executablePath, ['--headless', `--user-data-dir=${profile}`, ...args, LOOPBACK_ONLY, ...options.args, `http://127.0.0.1:${port()}/start`], { stdio: 'ignore' });
      try {
        samples.push(await reported);
      } finally {
        browser.kill();
        if (browser.exitCode === null) await new Promise((resolve) => browser.once('exit', resolve));
        // Chromium's helper processes may still be writing the profile for a moment after it exits.
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      }
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return samples;
}
