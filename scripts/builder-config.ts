// Build tool: electron-builder's configuration = electron-builder.yml (the static base) + the
// organization's branding (build/branding.json, validated by the app's own schema). The branding
// part is handed to electron-builder as `config`, which merges it over the yml exactly as it merges
// command-line `-c` options; `builderConfig` runs that same merge to show or validate the result.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { parseBranding, type Branding } from '../main/config/branding';
import { pngSize } from './icon-files';

export const BRANDING_FILE = 'build/branding.json';

/** Reads and validates the branding file; the error lists every bad field. */
export function loadBranding(root: string, file = BRANDING_FILE): Branding {
  const where = path.join(root, file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(where, 'utf8'));
  } catch (error) {
    throw new Error(`${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  const parsed = parseBranding(raw);
  if (!parsed.ok) throw new Error(`${file} is invalid:\n${indent(parsed.message)}`);
  const iconProblems = iconSetProblems(root, parsed.branding.icons);
  if (iconProblems.length > 0) throw new Error(`${file} is invalid:\n${indent(iconProblems.join('\n'))}`);
  return parsed.branding;
}

/** What is missing from the icon folder the branding names (see scripts/make-icons.ts). */
export function iconSetProblems(root: string, icons: string): string[] {
  const folder = path.join(root, icons);
  const problems: string[] = [];
  const png = path.join(folder, 'icon.png');
  if (!existsSync(png)) problems.push(`icons: ${icons}/icon.png is missing`);
  else {
    const { width, height } = pngSize(readFileSync(png));
    if (width < 512 || height < 512) problems.push(`icons: ${icons}/icon.png is ${width}x${height}, at least 512x512 needed`);
  }
  for (const file of ['icon.ico', 'icon.icns']) {
    if (!existsSync(path.join(folder, file))) problems.push(`icons: ${icons}/${file} is missing`);
  }
  const linux = path.join(folder, 'icons');
  if (!existsSync(linux) || !statSync(linux).isDirectory()) problems.push(`icons: ${icons}/icons/ (the Linux <N>x<N>.png set) is missing`);
  return problems;
}

/** The executable's file name on Linux (and so the .desktop file's): ASCII, from the product name. */
export function executableName(branding: Branding): string {
  const slug = branding.productName.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  return slug || branding.linkScheme.replace(/[^a-z0-9.-]/g, '-');
}

/** Everything the app runs is bundled by esbuild (scripts/build.mjs), so package.json's
 *  `dependencies` (listed so that `npm audit --omit=dev` covers what guests run) are not copied
 *  into the asar: `beforeBuild` resolving to false tells electron-builder that node_modules are
 *  handled outside it, so it neither installs, rebuilds nor collects them. A function, not a path in
 *  electron-builder.yml: electron-builder resolves hook paths against the working directory. */
const bundledApp: Configuration = {
  beforeBuild: () => Promise.resolve(false),
  // electron-builder reads this from `dependencies`, which the packaged package.json drops.
  electronUpdaterCompatibility: '>=2.16',
};

/** The part of electron-builder's configuration that comes from the branding. */
export function brandingOverlay(branding: Branding): Configuration {
  const icons = branding.icons;
  const executable = executableName(branding);
  const [, authorName = branding.productName, authorEmail] = /^(.+) <(.+)>$/.exec(branding.maintainer) ?? [];
  return {
    appId: branding.appId,
    productName: branding.productName,
    // Registers the link scheme: Info.plist on macOS, HKCU on Windows, MimeType in the .desktop file.
    protocols: [{ name: `${branding.productName} meeting link`, schemes: [branding.linkScheme] }],
    publish: branding.updateFeed ? [{ provider: 'generic', url: branding.updateFeed }] : null,
    icon: `${icons}/icon.png`,
    // The packaged package.json: the app's name at run time, the deb/NSIS publisher, and the
    // desktop entry Electron associates its windows with on Linux. Its `dependencies` are dropped:
    // esbuild bundled them into dist/, and the asar ships no node_modules to resolve them from.
    extraMetadata: {
      productName: branding.productName,
      author: { name: authorName, email: authorEmail },
      desktopName: `${executable}.desktop`,
      dependencies: null,
    },
    ...bundledApp,
    linux: { icon: `${icons}/icons`, executableName: executable, maintainer: branding.maintainer, vendor: authorName },
    win: { icon: `${icons}/icon.ico` },
    mac: { icon: `${icons}/icon.icns` },
  };
}

/** The full configuration electron-builder builds from: the yml in `root` with the branding merged in. */
export async function builderConfig(root: string, branding: Branding = loadBranding(root)): Promise<Configuration> {
  return getConfig(root, null, brandingOverlay(branding));
}

/** Checks a configuration against electron-builder's own JSON schema (offline). */
export async function validateBuilderConfig(config: Configuration): Promise<void> {
  await validateConfiguration(config, new DebugLogger(false));
}

function indent(lines: string): string {
  return lines
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
