// The scripted meeting is product code (the practice meeting) and cannot reach the network: its
// module graph is its own folder only (SDK imports are types, erased), and its code names no
// network API. And the switch that lets end-to-end tests route every join to it exists only in
// development builds: the production renderer bundle has none of it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import { CONFIG_GLOBAL, CONTROL_GLOBAL } from '../../renderer/calling/practice/control';
import { RENDERER_DIR, ROOT } from '../support/harness';
import { rendererOptions } from '../../scripts/build.mjs';

const PRACTICE = 'renderer/calling/practice';
const NETWORK_APIS = ['fetch', 'WebSocket', 'RTCPeerConnection', 'XMLHttpRequest', 'sendBeacon', 'EventSource', 'WebTransport', 'importScripts', 'Worker'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

describe('the scripted meeting (practice meeting)', () => {
  it('imports nothing outside its folder and names no network API', async () => {
    const entries = readdirSync(path.join(ROOT, PRACTICE)).filter((name) => name.endsWith('.ts')).map((name) => `${PRACTICE}/${name}`);
    expect(entries).toContain(`${PRACTICE}/meeting.ts`);
    const result = await esbuild.build({ absWorkingDir: ROOT, entryPoints: entries, bundle: true, write: false, outdir: 'out', metafile: true, format: 'esm', platform: 'browser', logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.length).toBeGreaterThan(5);
    // Nothing from node_modules (the SDK is `import type` only), nothing outside the folder.
    expect(inputs.filter((input) => !input.startsWith(`${PRACTICE}/`))).toEqual([]);
    const code = result.outputFiles.map((file) => file.text).join('\n');
    for (const api of NETWORK_APIS) expect(code, api).not.toMatch(new RegExp(`\\b${api}\\b`));
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('is switched on for tests only in development builds; the production renderer has no switch', async () => {
    const development = filesUnder(RENDERER_DIR).filter((file) => file.endsWith('.js'));
    expect(development.some((file) => readFileSync(file, 'utf8').includes(CONFIG_GLOBAL))).toBe(true);

    const options = rendererOptions(path.join(ROOT, 'dist-never-written'));
    const production = await esbuild.build({ ...options, write: false, sourcemap: false, define: { 'process.env.NODE_ENV': '"production"' } });
    const js = production.outputFiles.filter((file) => file.path.endsWith('.js'));
    expect(js.length).toBeGreaterThan(2);
    // The practice meeting ships (its engine is in the SDK chunk)…
    expect(js.some((file) => file.text.includes('scripted-call-'))).toBe(true);
    // …but nothing a test could switch on.
    for (const file of js) {
      expect(file.text.includes(CONFIG_GLOBAL), file.path).toBe(false);
      expect(file.text.includes(CONTROL_GLOBAL), file.path).toBe(false);
    }
  }, 60_000);
});
