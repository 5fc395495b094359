// SLOW (packaging, a few seconds): runs electron-builder `--dir` for Linux through its API, with
// the configuration scripts/builder-config.ts generates, against a STAND-IN Electron distribution
// (the real Electron cannot be downloaded on these machines; see pack-linux-dir.ts), then checks
// what a guest's machine would get: the asar's contents, package.json's main, the fuses, and the
// .desktop file that registers the link scheme.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { LinuxPackager } from 'app-builder-lib';
import { LinuxTargetHelper } from 'app-builder-lib/out/targets/LinuxTargetHelper';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALE_TAGS, SOURCE_LOCALE } from '../../common/i18n';
import { builderConfig, loadBranding } from '../../scripts/builder-config';
import { ROOT, packLinuxDir, type PackResult } from './pack-linux-dir';

const work = mkdtempSync(path.join(os.tmpdir(), 'doorway-pack-'));
const desktopFile = path.join(work, 'doorway.desktop');
// A fuse byte is ASCII '1' (on) or '0' (off); @electron/fuses does not export its FuseState.
const ON = 0x31;
const OFF = 0x30;
let packed: PackResult;
let files: string[];

beforeAll(async () => {
  packed = await packLinuxDir(work, {
    // `--dir` makes no .desktop file (only the AppImage/deb/snap targets do), so write the one the
    // deb target would, with electron-builder's own LinuxTargetHelper and the same packager.
    afterPack: async (context) => {
      const packager = context.packager as LinuxPackager;
      await new LinuxTargetHelper(packager).writeDesktopEntry(packager.platformSpecificBuildOptions, undefined, desktopFile);
    },
  });
  files = listPackage(packed.asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('packaged app (electron-builder --dir, Linux, stand-in Electron)', () => {
  it('ships the app as an asar next to the renamed executable', () => {
    expect(statSync(packed.asar).isFile()).toBe(true);
    expect(path.basename(packed.executable)).toBe('doorway');
    expect(statSync(packed.executable).mode & 0o111).not.toBe(0);
  });

  it('holds main, the single-file CommonJS preload and the renderer', () => {
    expect(files).toContain('/dist/main/index.cjs');
    // Main reads the guest's language from these at run time (English is in its bundle).
    expect(files.filter((f) => f.startsWith('/dist/main/locales/')).sort()).toEqual(LOCALE_TAGS.filter((tag) => tag !== SOURCE_LOCALE).map((tag) => `/dist/main/locales/${tag}.json`).sort());
    expect(files.filter((f) => f.startsWith('/dist/preload/') && path.extname(f))).toEqual(['/dist/preload/index.cjs']);
    const preload = extractFile(packed.asar, 'dist/preload/index.cjs').toString('utf8');
    expect(preload).toMatch(/require\("electron"\)/);
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(files).toEqual(expect.arrayContaining(['/dist/renderer/index.html', '/dist/renderer/main.js']));
    expect(files.some((f) => /^\/dist\/renderer\/chunks\/acs-.*\.js$/.test(f))).toBe(true);
  });

  it('holds nothing else: no tests, no source maps, no node_modules, no sources', () => {
    expect(files.filter((f) => /\.(test|spec)\.|\/test\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.includes('node_modules'))).toEqual([]);
    const topLevel = new Set(files.map((f) => f.split('/')[1]));
    expect([...topLevel].sort()).toEqual(['dist', 'package.json']);
    expect(files.filter((f) => f.startsWith('/dist/') && f.split('/').length === 3)).toEqual(['/dist/main', '/dist/preload', '/dist/renderer']);
  });

  it("resolves package.json's main inside the asar, with no dependencies to ship", () => {
    const manifest = JSON.parse(extractFile(packed.asar, 'package.json').toString('utf8')) as { main: string; dependencies?: unknown; devDependencies?: unknown; productName?: string; desktopName?: string };
    expect(manifest.main).toBe('dist/main/index.cjs');
    expect(files).toContain(`/${manifest.main}`);
    // The source package.json lists what esbuild bundles as dependencies; the packaged one drops them.
    const source = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(source.dependencies)).toEqual(expect.arrayContaining(['preact', 'electron-updater']));
    expect(manifest.dependencies ?? null).toBeNull();
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.productName).toBe(loadBranding(ROOT).productName);
    expect(manifest.desktopName).toBe('doorway.desktop');
  });

  it('needs no node_modules at run time: main requires only electron and Node built-ins', () => {
    const main = extractFile(packed.asar, 'dist/main/index.cjs').toString('utf8');
    // Not preceded by a quote: ajv keeps require("...") inside strings for code it generates.
    const required = new Set([...main.matchAll(/(?<!['"`\w.$])require\("([^"]+)"\)/g)].map((m) => m[1].replace(/^node:/, '')));
    expect([...required].filter((name) => name !== 'electron' && !builtinModules.includes(name))).toEqual([]);
    expect(required.has('electron')).toBe(true);
  });

  it('flips every fuse as electron-builder.yml configures it', async () => {
    const wire = await getCurrentFuseWire(packed.executable);
    const configured = (await builderConfig(ROOT)).electronFuses ?? {};
    const fuseIndex: Record<string, FuseV1Options> = {
      runAsNode: FuseV1Options.RunAsNode,
      enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
      enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
      enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
      enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
      onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
      loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
      grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
    };
    expect(Object.keys(configured).sort()).toEqual(Object.keys(fuseIndex).sort());
    for (const [name, enabled] of Object.entries(configured)) {
      expect({ name, state: wire[fuseIndex[name]] }).toEqual({ name, state: enabled ? ON : OFF });
    }
    expect(wire[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
  });

  it('keeps only the Chromium locales the app speaks', () => {
    expect(statSync(path.join(packed.appOutDir, 'locales', 'en-US.pak')).isFile()).toBe(true);
    expect(() => statSync(path.join(packed.appOutDir, 'locales', 'de.pak'))).toThrow();
  });

  it('writes a .desktop file that registers the link scheme', () => {
    const entry = readFileSync(desktopFile, 'utf8');
    const scheme = loadBranding(ROOT).linkScheme;
    expect(entry).toMatch(new RegExp(`^MimeType=x-scheme-handler/${scheme};$`, 'm'));
    expect(entry).toMatch(/^Exec=\/opt\/Doorway\/doorway %U$/m);
    expect(entry).toMatch(/^Name=Doorway$/m);
    expect(entry).toMatch(/^StartupWMClass=doorway$/m);
  });
});
