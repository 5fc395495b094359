// Process: main. Serves the built renderer on app://localhost with security headers on every
// response. Registered with `protocol.handle(APP_SCHEME, ...)` by the Electron glue.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../security/csp';
import { resolveAppPath } from './resolve-app-path';

export function securityHeaders(contentType: string, styleHashes: readonly string[] = []): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(styleHashes),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'geolocation=(), usb=(), serial=(), hid=(), payment=()',
  };
}

/** Electron's `protocol.handle` handler for the app scheme; the test harness serves through it too. */
export function createAppProtocolHandler(
  root: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET') return new Response(null, { status: 405 });
    const resolved = resolveAppPath(request.url, root);
    if (!resolved) return new Response(null, { status: 404 });
    try {
      const body = await read(resolved.file);
      const styleHashes = resolved.contentType.startsWith('text/html') ? inlineStyleHashes(Buffer.from(body).toString('utf8')) : [];
      return new Response(body as BodyInit, { status: 200, headers: securityHeaders(resolved.contentType, styleHashes) });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

/** The CSP hash source of each <style> block in an HTML file, as the browser hashes its text. */
function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(([, css]) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`);
}
