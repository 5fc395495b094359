// An esbuild plugin for the renderer build: the effects package (@azure/communication-calling-
// effects) as two parts, so each lands in a chunk of its own. Its index re-exports four classes
// from separate files, but through one barrel, and esbuild then puts everything the barrel reaches
// (12.5 MB) in one shared chunk. Noise suppression (on by default, started at Join) needs only
// its 4.4 MB part; the background effects' 8.1 MB (a WebGL engine and the segmentation model)
// cost about 650 ms of main-thread evaluation, which froze the guest's camera across Join.
// `@azure/communication-calling-effects/<part>` resolves to a module re-exporting that part's
// classes straight from the files the package's own index names for them.
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const PACKAGE = '@azure/communication-calling-effects';
/** Each part the renderer imports, and the classes it re-exports. */
export const EFFECTS_PARTS = {
  'noise-suppression': ['DeepNoiseSuppressionEffect'],
  background: ['BackgroundBlurEffect', 'BackgroundReplacementEffect'],
};

/** The file each class comes from, read from the package index's `export{Name}from"./file.js"`. */
export function exportedFiles(indexSource) {
  const files = new Map();
  for (const [, names, file] of indexSource.matchAll(/export\s*\{([^}]*)\}\s*from\s*["'](\.\/[^"']+)["']/g)) {
    for (const name of names.split(',').map((n) => n.trim()).filter(Boolean)) files.set(name, file);
  }
  return files;
}

export function effectsParts() {
  return {
    name: 'effects-parts',
    setup(build) {
      const filter = new RegExp(`^${PACKAGE.replace(/[/.-]/g, '\\$&')}/(${Object.keys(EFFECTS_PARTS).join('|')})$`);
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'effects-part' }));
      build.onLoad({ filter: /.*/, namespace: 'effects-part' }, async (args) => {
        const index = await build.resolve(PACKAGE, { kind: 'import-statement', resolveDir: build.initialOptions.absWorkingDir ?? process.cwd() });
        if (index.errors.length > 0) return { errors: index.errors };
        const files = exportedFiles(await readFile(index.path, 'utf8'));
        const names = EFFECTS_PARTS[args.path.slice(PACKAGE.length + 1)];
        const missing = names.filter((name) => !files.has(name));
        // A new package version laid out differently fails the build: look again.
        if (missing.length > 0) return { errors: [{ text: `${PACKAGE} changed: its index no longer re-exports ${missing.join(', ')} from a file of its own` }] };
        return { contents: names.map((name) => `export { ${name} } from ${JSON.stringify(files.get(name))};`).join('\n'), resolveDir: path.dirname(index.path), loader: 'js' };
      });
    },
  };
}
