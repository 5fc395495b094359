// Builds the three processes with esbuild: main (CommonJS, Node, with the translations as files beside it), the preload (one CommonJS file,
// as a sandboxed preload must be) and the renderer (ES modules, the ACS SDK in its own chunk,
// loaded after first paint). Every import passes the process-boundary check. The branding file is
// validated first, with the app's own schema, so a bad one fails the build with every bad field named.
import { readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { processBoundaries } from './process-boundaries.mjs';
import { signalingGlobalShim } from './signaling-global.mjs';
import { effectsParts } from './effects-parts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// DOORWAY_OUT lets parallel work trees build side by side without deleting each other's output.
const out = path.resolve(root, process.env.DOORWAY_OUT ?? 'dist');
const production = process.argv.includes('--production');
// The ACS Calling SDK's version, for "Copy diagnostics".
const sdkVersion = JSON.parse(readFileSync(path.join(root, 'node_modules/@azure/communication-calling/package.json'), 'utf8')).version;

const common = {
  absWorkingDir: root,
  bundle: true,
  metafile: true,
  logLevel: 'warning',
  legalComments: 'none',
  sourcemap: production ? false : 'linked',
  plugins: [processBoundaries(root), signalingGlobalShim(), effectsParts(), englishMessagesOnly()],
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

/**
 * English's file carries a description of each key for translators (about a third of its gzip
 * size); the app needs only the messages, so the bundles get the file without them.
 */
export function englishMessagesOnly() {
  return {
    name: 'english-messages-only',
    setup(b) {
      b.onLoad({ filter: /[\\/]common[\\/]i18n[\\/]locales[\\/]en\.json$/ }, async (args) => {
        const source = JSON.parse(await readFile(args.path, 'utf8'));
        return { contents: JSON.stringify(Object.fromEntries(Object.entries(source).map(([key, entry]) => [key, entry.message]))), loader: 'json' };
      });
    },
  };
}

export async function build() {
  const branding = await validateBranding();
  await rm(out, { recursive: true, force: true });
  const results = await Promise.allSettled([
    esbuild.build({
      ...common,
      entryPoints: ['main/index.ts'],
      outfile: path.join(out, 'main/index.cjs'),
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron'],
      define: { ...common.define, 'process.env.DOORWAY_ACS_CALLING_VERSION': JSON.stringify(sdkVersion) },
    }),
    esbuild.build({
      ...common,
      entryPoints: ['preload/index.ts'],
      outfile: path.join(out, 'preload/index.cjs'),
      platform: 'browser',
      format: 'cjs',
      target: 'chrome140',
      external: ['electron'],
      sourcemap: false,
    }),
    esbuild.build(rendererOptions(path.join(out, 'renderer'))),
  ]);
  const failed = results.filter((r) => r.status === 'rejected');
  if (failed.length > 0) throw new Error(`${failed.length} of 3 bundles failed`);
  const [main, preload, renderer] = results.map((r) => r.value);
  await writeRendererHtml(path.join(out, 'renderer'), renderer.metafile, branding);
  await copyBrandBackgrounds(branding, path.join(out, 'renderer'));
  await writeLocaleFiles(path.join(out, 'main', 'locales'));
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'meta.json'), JSON.stringify({ main: main.metafile, preload: preload.metafile, renderer: renderer.metafile }));
}

/**
 * Validates a branding file with main/config/branding.ts's parseBranding (bundled in memory, as this
 * script runs without a TypeScript loader); rejects with every bad field listed.
 */
export async function validateBranding(file = path.join(root, 'build', 'branding.json')) {
  const name = path.relative(root, file);
  let raw;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${name} cannot be read as JSON: ${error.message}`, { cause: error });
  }
  const schema = await esbuild.build({ absWorkingDir: root, entryPoints: ['main/config/branding.ts'], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
  const { parseBranding } = await import(`data:text/javascript;base64,${Buffer.from(schema.outputFiles[0].text).toString('base64')}`);
  const parsed = parseBranding(raw);
  if (!parsed.ok) throw new Error(`${name} is invalid:\n${parsed.message.replace(/^/gm, '  ')}`);
  return parsed.branding;
}

/**
 * Main reads the guest's locale at run time (main/i18n/locale-files.ts), so each translation is a
 * file next to main's bundle, whitespace dropped. A dynamic import would not do: esbuild inlines
 * every one into a CommonJS bundle. English is not written: it is in main's bundle.
 */
export async function writeLocaleFiles(dir) {
  const source = path.join(root, 'common', 'i18n', 'locales');
  await mkdir(dir, { recursive: true });
  for (const name of readdirSync(source).filter((file) => file.endsWith('.json') && file !== 'en.json')) {
    await writeFile(path.join(dir, name), JSON.stringify(JSON.parse(readFileSync(path.join(source, name), 'utf8'))));
  }
}

/** The organization's background pictures go next to the renderer, served as /backgrounds/<file>. */
export async function copyBrandBackgrounds(branding, rendererDir) {
  if (branding.backgrounds.length === 0) return;
  await mkdir(path.join(rendererDir, 'backgrounds'), { recursive: true });
  for (const background of branding.backgrounds) {
    await copyFile(path.join(root, background.file), path.join(rendererDir, 'backgrounds', path.basename(background.file)));
  }
}

/**
 * esbuild's options for the renderer into `outdir`; the scripted-meeting test build uses them too
 * (with its own plugins), so the page it tests is built the way the app's is.
 */
export function rendererOptions(outdir, plugins = common.plugins) {
  return {
    ...common,
    plugins,
    entryPoints: { main: 'renderer/main.tsx' },
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    assetNames: 'assets/[name]-[hash]',
    platform: 'browser',
    format: 'esm',
    splitting: true,
    target: 'chrome140',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    loader: { '.png': 'file', '.svg': 'file', '.woff2': 'file' },
  };
}

/**
 * Writes the renderer's two pages into `outdir`, both with the whole stylesheet inline (so that no
 * request stands before the first paint; main's app:// handler admits a page's own <style> blocks
 * by hash) and the chunks main.js imports statically as modulepreloads (fetched with main.js, not
 * after it). The SDK chunk is a dynamic import and is left out on purpose: it loads after the
 * first paint (preloading it was measured to delay the first paint by ~60 ms).
 *  - index.html, the main window: it also carries the app shell (renderer/join/AppShell.tsx,
 *    rendered here), painted before any script runs, in the organization's accent colour.
 *  - panel.html, the small windows (sharing controls, mini window): no shell, which would flash
 *    the join screen's header in them.
 */
export async function writeRendererHtml(outdir, metafile, branding) {
  const entry = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === 'renderer/main.tsx');
  const links = (entry?.[1].imports ?? [])
    .filter((imported) => imported.kind === 'import-statement')
    .map((imported) => `    <link rel="modulepreload" href="./${path.relative(outdir, path.resolve(root, imported.path)).split(path.sep).join('/')}" />`);
  const stylesheet = path.join(outdir, 'main.css');
  const css = `${readFileSync(stylesheet, 'utf8').trim()}\n:root { --accent: ${branding.accentColor}; }\n`;
  await rm(stylesheet);
  // The organization's name, not Doorway's, in the window's title too (Electron shows the page's).
  // Branding allows only letters, digits, spaces, dots and dashes in it; escaped all the same.
  const title = branding.productName.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  const page = readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8')
    .replace('<title>Doorway</title>', () => `<title>${title}</title>`)
    .replace('    <link rel="stylesheet" href="./main.css" />', () => `    <style>${css}</style>`)
    .replace('    <script type="module"', () => `${links.join('\n')}${links.length ? '\n' : ''}    <script type="module"`);
  const shell = await renderAppShell(branding.productName);
  await writeFile(path.join(outdir, 'index.html'), page.replace('<!-- app shell -->', () => shell));
  await writeFile(path.join(outdir, 'panel.html'), page.replace('<!-- app shell -->', ''));
}

/** renderer/join/AppShell.tsx as HTML (bundled in memory with preact-render-to-string). */
async function renderAppShell(productName) {
  const bundle = await esbuild.build({
    absWorkingDir: root,
    stdin: {
      contents: "import { h } from 'preact'; import { renderToString } from 'preact-render-to-string'; import { AppShell } from './renderer/join/AppShell'; export const shell = (productName) => renderToString(h(AppShell, { productName }));",
      resolveDir: root,
      loader: 'tsx',
    },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  const { shell } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`);
  return shell(productName);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await build().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
