// Process: main. Maps an app://localhost URL to a file of the built renderer, or refuses it.
// Only normalized paths of plain segments with a known extension pass: no "..", no encoded
// separators, no dot-files, no query tricks on the path, no other host.
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
};

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;

export function resolveAppPath(url: string, root: string): { file: string; contentType: string } | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port) return null;
  if (parsed.username || parsed.password) return null;
  const pathname = parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  // Percent-escapes are refused outright: a real asset name never needs one.
  if (pathname.includes('%') || pathname.includes('\\')) return null;
  const segments = pathname.slice(1).split('/');
  if (segments.length > 8 || !segments.every((segment) => SEGMENT.test(segment))) return null;
  const contentType = CONTENT_TYPES[path.extname(pathname).toLowerCase()];
  if (!contentType) return null;
  const file = path.join(root, ...segments);
  const relative = path.relative(root, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return { file, contentType };
}
