// `npx tsx bench/package-size.bench.ts`: sizes of the packaged app. Makes a production build in a
// temporary copy of the sources (the working tree's dist/ is left alone), packs it for Linux with
// electron-builder --dir against the stand-in Electron (test/packaging/pack-linux-dir.ts: the real
// Electron cannot be downloaded here, so the unpacked size excludes Electron's own files), and
// prints the asar, each part inside it, its gzip size (a proxy for what installers compress) and
// the unpacked folder. Figures only.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listPackage, statFile } from '@electron/asar';
import { ROOT, packLinuxDir } from '../test/packaging/pack-linux-dir';

const SOURCES = ['package.json', 'tsconfig.json', 'electron-builder.yml', 'main', 'preload', 'renderer', 'common', 'build', 'scripts'];

function productionBuild(work: string): string {
  const source = path.join(work, 'source');
  for (const entry of SOURCES) cpSync(path.join(ROOT, entry), path.join(source, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  const built = spawnSync(process.execPath, [path.join(source, 'scripts', 'build.mjs'), '--production'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('production build failed');
  return source;
}

function folderSize(folder: string): number {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(path.join(entry.parentPath, entry.name)).size, 0);
}

const PARTS: Array<[label: string, test: (file: string) => boolean]> = [
  ['main', (f) => f.startsWith('/dist/main/')],
  ['preload', (f) => f.startsWith('/dist/preload/')],
  ['renderer, own code', (f) => f.startsWith('/dist/renderer/') && !/\/chunks\/acs-[^/]+\.js$/.test(f)],
  ['ACS SDK chunk', (f) => /^\/dist\/renderer\/chunks\/acs-[^/]+\.js$/.test(f)],
  ['package.json', (f) => f === '/package.json'],
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1).padStart(9)} KB`;

const work = mkdtempSync(path.join(os.tmpdir(), 'doorway-size-'));
try {
  const packed = await packLinuxDir(work, {}, productionBuild(work));
  const files = listPackage(packed.asar, { isPack: false }).map((f) => f.replaceAll('\\', '/'));
  const sizeOf = (file: string) => {
    const entry = statFile(packed.asar, file.slice(1));
    return 'size' in entry ? entry.size : 0;
  };
  const asar = readFileSync(packed.asar);
  console.log('\npackage size (production build, Linux --dir)');
  console.log(`app.asar                     ${kb(asar.length)}`);
  for (const [label, test] of PARTS) {
    console.log(`  ${label.padEnd(27)}${kb(files.filter(test).reduce((sum, f) => sum + sizeOf(f), 0))}`);
  }
  console.log(`app.asar, gzip -9            ${kb(gzipSync(asar, { level: 9 }).length)}`);
  console.log(`unpacked dir (stand-in Electron) ${kb(folderSize(packed.appOutDir)).trimStart()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
