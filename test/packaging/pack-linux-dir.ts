// Packs Doorway with electron-builder's own API (`--dir`, Linux, x64) against a STAND-IN Electron
// distribution: the real Electron cannot be downloaded on these machines (see FIELD-NOTES.md).
// The stand-in has what electron-builder copies and edits in an unpacked Linux dist: an `electron`
// executable carrying Electron's fuse wire, `resources/`, `locales/*.pak` and `LICENSE`.
// Used by the packaging test and by bench/package-size.bench.ts.
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Configuration } from 'app-builder-lib';
import { Arch, Platform, build } from 'electron-builder';
import { brandingOverlay, loadBranding } from '../../scripts/builder-config';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The Electron that package.json pins (its binary is not installed here; its package is). */
export const ELECTRON_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;

/** How @electron/fuses finds the wire: this sentinel, then the wire version, its length, one byte per fuse. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's shipped fuse states ('1' on, '0' off), in FuseV1Options order: run-as-node on, cookie
 *  encryption off, NODE_OPTIONS on, inspect on, asar integrity off, only-asar off, browser V8
 *  snapshot off, file:// privileges on. */
const ELECTRON_DEFAULT_FUSES = '10110001'.split('').map((c) => (c === '1' ? 0x31 : 0x30));

/** Writes the stand-in Electron dist into `folder`. */
export function makeStandInElectron(folder: string): void {
  mkdirSync(path.join(folder, 'resources'), { recursive: true });
  mkdirSync(path.join(folder, 'locales'), { recursive: true });
  for (const locale of ['en-US', 'ko', 'de', 'fr']) writeFileSync(path.join(folder, 'locales', `${locale}.pak`), 'stand-in pak');
  writeFileSync(path.join(folder, 'LICENSE'), 'stand-in for the Electron license\n');
  const wire = Buffer.from([1, ELECTRON_DEFAULT_FUSES.length, ...ELECTRON_DEFAULT_FUSES]);
  const executable = path.join(folder, 'electron');
  writeFileSync(executable, Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run an app"\nexit 1\n'), Buffer.from(FUSE_SENTINEL, 'ascii'), wire]));
  chmodSync(executable, 0o755);
}

/** A copy of what electron-builder reads from `source`, plus files the build must leave out. */
function copyProject(source: string, project: string): void {
  // The build the tests made ($DOORWAY_OUT, like the harness), packed as the app's dist/.
  const dist = path.resolve(source, process.env.DOORWAY_OUT ?? 'dist');
  const bundles = ['main/index.cjs', 'preload/index.cjs', 'renderer/index.html'].map((f) => path.join(dist, f));
  if (!bundles.every((bundle) => existsSync(bundle))) {
    const built = spawnSync(process.execPath, [path.join(source, 'scripts', 'build.mjs')], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the app does not build: node scripts/build.mjs failed');
  }
  for (const entry of ['package.json', 'electron-builder.yml', 'build']) cpSync(path.join(source, entry), path.join(project, entry), { recursive: true });
  for (const part of ['main', 'preload', 'renderer']) cpSync(path.join(dist, part), path.join(project, 'dist', part), { recursive: true });
  // Decoys: a test file inside dist/, a source map, and a package in node_modules (none may ship).
  writeFileSync(path.join(project, 'dist', 'renderer', 'join.test.js'), 'test');
  writeFileSync(path.join(project, 'dist', 'main', 'decoy.cjs.map'), '{}');
  mkdirSync(path.join(project, 'node_modules', 'left-pad'), { recursive: true });
  writeFileSync(path.join(project, 'node_modules', 'left-pad', 'package.json'), '{"name":"left-pad","version":"1.0.0"}');
  writeFileSync(path.join(project, 'node_modules', 'left-pad', 'index.js'), 'module.exports = 1');
}

export interface PackResult {
  appOutDir: string;
  executable: string;
  asar: string;
}

/** Packs the app built in `source` (default: this repository) into `work`/out; `extra` is merged
 *  over the branding part of the configuration. */
export async function packLinuxDir(work: string, extra: Configuration = {}, source = ROOT): Promise<PackResult> {
  const project = path.join(work, 'project');
  const electronDist = path.join(work, 'electron');
  copyProject(source, project);
  makeStandInElectron(electronDist);
  const overlay = brandingOverlay(loadBranding(project));
  const config: Configuration = {
    ...overlay,
    ...extra,
    electronDist,
    electronVersion: ELECTRON_VERSION,
    directories: { output: path.join(work, 'out') },
  };
  await build({ projectDir: project, targets: Platform.LINUX.createTarget('dir', Arch.x64), config, publish: 'never' });
  const appOutDir = path.join(work, 'out', 'linux-unpacked');
  return {
    appOutDir,
    executable: path.join(appOutDir, overlay.linux!.executableName!),
    asar: path.join(appOutDir, 'resources', 'app.asar'),
  };
}
