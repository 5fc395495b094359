// Which process each source folder belongs to, and what each may import. The build runs this as
// an esbuild plugin, so a wrong import fails the build (Signal Desktop's rule, enforced where
// every import is resolved anyway).
import { readFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import path from 'node:path';

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
// Packages common/ may use: pure code that runs the same in main, the renderer and the service.
const COMMON_PACKAGES = new Set(['intl-messageformat']);

/** The process a file belongs to, from its folder; null for files outside the app's sources. */
export function processOf(file, root) {
  const relative = path.relative(root, file).split(path.sep);
  const top = relative[0];
  if (relative.includes('node_modules')) return null;
  return ['main', 'preload', 'renderer', 'common', 'build'].includes(top) ? top : null;
}

/**
 * Returns why `importer` may not import `specifier` (resolved to `resolved`, or null for a bare
 * package), or null when the import is allowed.
 */
export function boundaryViolation({ importerProcess, specifier, resolvedProcess, resolvedRelative }) {
  const isBuiltin = NODE_BUILTINS.has(specifier) || specifier.startsWith('node:');
  const isRelative = specifier.startsWith('.') || specifier.startsWith('/');
  switch (importerProcess) {
    case 'renderer':
      if (isBuiltin) return `the renderer is a web page: it cannot use the Node built-in "${specifier}"`;
      if (specifier === 'electron') return 'the renderer cannot import electron: use the bridge (window.doorway)';
      if (isRelative && !['renderer', 'common'].includes(resolvedProcess)) return `the renderer may only import renderer/ and common/, not ${resolvedRelative}`;
      return null;
    case 'preload':
      if (specifier === 'electron') return null;
      if (isRelative && resolvedRelative === 'common/ipc-contract.ts') return null;
      return `the preload may only import electron and common/ipc-contract, not "${specifier}"`;
    case 'common':
      if (isRelative && resolvedProcess === 'common') return null;
      if (COMMON_PACKAGES.has(specifier)) return null;
      return `common/ is shared by every process and may only import common/ and ${[...COMMON_PACKAGES].join(', ')}, not "${specifier}"`;
    case 'main':
      if (isRelative && (resolvedProcess === 'renderer' || resolvedProcess === 'preload')) return `main may not import ${resolvedRelative}`;
      return null;
    default:
      return null;
  }
}

/** Which folder alone may import each ACS SDK: the rest of the UI reads their models. */
const SDK_HOMES = [
  { prefix: '@azure/communication-calling', home: 'renderer/calling/' },
  // The chat SDK and the signalling client it brings for real-time notifications.
  { prefix: '@azure/communication-chat', home: 'renderer/chat/' },
  { prefix: '@azure/communication-signaling', home: 'renderer/chat/' },
];

/** Only renderer/calling/ may import the ACS Calling SDK, and only renderer/chat/ the chat SDK. */
export function sdkViolation(importerRelative, specifier) {
  const sdk = SDK_HOMES.find(({ prefix }) => specifier.startsWith(prefix));
  if (!sdk) return null;
  return importerRelative.startsWith(sdk.home) ? null : `only ${sdk.home} may import ${specifier} (${importerRelative})`;
}

/**
 * A feature's state slice (`*-model.ts`) is loaded by views and Node tests: it may not import any
 * Azure SDK, not even its types. Checked on the source, since esbuild drops type-only imports
 * before resolving them.
 */
export function modelViolation(importerRelative, source) {
  if (!importerRelative.endsWith('-model.ts')) return null;
  const match = /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"](@azure\/[^'"]+)['"]/m.exec(source) ?? /^\s*import\s*['"](@azure\/[^'"]+)['"]/m.exec(source);
  return match ? `a state slice may not import ${match[1]}, not even its types (${importerRelative})` : null;
}

export function processBoundaries(root) {
  return {
    name: 'process-boundaries',
    setup(build) {
      build.onLoad({ filter: /-model\.ts$/ }, async (args) => {
        if (!processOf(args.path, root)) return undefined;
        const importerRelative = path.relative(root, args.path).split(path.sep).join('/');
        const why = modelViolation(importerRelative, await readFile(args.path, 'utf8'));
        return why ? { errors: [{ text: `Process boundary: ${importerRelative}: ${why}` }] } : undefined;
      });
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (!args.importer || args.pluginData?.boundaryChecked) return undefined;
        const importerProcess = processOf(args.importer, root);
        if (!importerProcess) return undefined;
        const isRelative = args.path.startsWith('.') || args.path.startsWith('/');
        let resolvedPath = null;
        if (isRelative) {
          const result = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { boundaryChecked: true } });
          if (result.errors.length > 0) return { errors: result.errors };
          resolvedPath = result.path;
        }
        const importerRelative = path.relative(root, args.importer).split(path.sep).join('/');
        const why =
          boundaryViolation({
            importerProcess,
            specifier: args.path,
            resolvedProcess: resolvedPath ? processOf(resolvedPath, root) : null,
            resolvedRelative: resolvedPath ? path.relative(root, resolvedPath).split(path.sep).join('/') : null,
          }) ?? sdkViolation(importerRelative, args.path);
        if (why) return { errors: [{ text: `Process boundary: ${importerRelative}: ${why}` }] };
        return resolvedPath ? { path: resolvedPath } : undefined;
      });
    },
  };
}
