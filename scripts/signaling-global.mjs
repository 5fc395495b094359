// An esbuild plugin for the renderer build: the ACS signalling client (@azure/communication-
// signaling, bundled into the chat SDK's chunk) carries webpack's old "find the global object"
// shim, `Function("return this")() || (0,eval)("this")`. Doorway's CSP has no 'unsafe-eval', so
// Chromium blocks it and reports a violation on every chat start; the shim catches the error and
// falls back to `window` anyway. The build puts `globalThis` in its place: same object, no eval,
// and the CSP violation log keeps meaning "something we ship was refused".
import { readFile } from 'node:fs/promises';

const SHIM = 'n=n||Function("return this")()||(0,eval)("this");';

export function signalingGlobalShim() {
  return {
    name: 'signaling-global-shim',
    setup(build) {
      build.onLoad({ filter: /[\\/]@azure[\\/]communication-signaling[\\/]dist[\\/]index\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        // A new signalling version without the shim (or with another) fails the build: look again.
        if (source.split(SHIM).length !== 2) throw new Error(`@azure/communication-signaling changed: the global-object shim was not found exactly once in ${args.path}`);
        return { contents: source.replace(SHIM, 'n=n||globalThis;'), loader: 'js' };
      });
    },
  };
}
