// Test code only (Node). Builds the TEST entry of the renderer: the production entry
// (renderer/main.tsx) with scripts/build.mjs's renderer options, except that
// renderer/calling/index.ts resolves to ./calling-index.ts, which wires the scripted meeting into
// the calling module. Output: $DOORWAY_OUT/renderer-test/<tag>/ (one folder per test process, so
// test files running side by side never overwrite each other). The harness serves it with
// startRendererServer(dir).
import path from 'node:path';
import * as esbuild from 'esbuild';
// @ts-expect-error: a plain .mjs build script without type declarations
import { rendererOptions, writeRendererHtml } from '../../../scripts/build.mjs';
// @ts-expect-error: a plain .mjs build script without type declarations
import { processBoundaries } from '../../../scripts/process-boundaries.mjs';

// The same folders as the harness's, without importing it (it loads main's modules).
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const DIST_DIR = path.resolve(ROOT, process.env.DOORWAY_OUT ?? 'dist');

const CALLING_INDEX = path.join(ROOT, 'renderer', 'calling', 'index.ts');
const SCRIPTED_INDEX = path.join(import.meta.dirname, 'calling-index.ts');

/** Sends every import of renderer/calling/index.ts to the scripted meeting's version. */
const scriptedCalling: esbuild.Plugin = {
  name: 'scripted-calling',
  setup(build) {
    build.onResolve({ filter: /\/calling(\/index)?(\.ts)?$/ }, async (args) => {
      // Resolving through esbuild again runs every plugin again (this one and the boundary
      // check): both skip an import that carries these marks.
      if (args.pluginData?.scripted || args.pluginData?.boundaryChecked) return undefined;
      const result = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { scripted: true, boundaryChecked: true } });
      if (result.errors.length > 0) return { errors: result.errors };
      return result.path === CALLING_INDEX ? { path: SCRIPTED_INDEX } : undefined;
    });
  },
};

export async function buildScriptedRenderer(tag = String(process.pid)): Promise<string> {
  const outdir = path.join(DIST_DIR, 'renderer-test', tag);
  const result = await esbuild.build({
    ...(rendererOptions(outdir, [scriptedCalling, processBoundaries(ROOT)]) as esbuild.BuildOptions),
    metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  if (!inputs.some((input) => input.includes('scripted-meeting/calling-index.ts'))) throw new Error('the scripted meeting did not replace renderer/calling/index.ts');
  await writeRendererHtml(outdir, result.metafile);
  return outdir;
}
