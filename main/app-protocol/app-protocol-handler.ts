// Process: main. Serves the built renderer on app://localhost with security headers on every
// response. Registered with `protocol.handle(APP_SCHEME, ...)` by the Electron glue.
import { readFile } from 'node:fs/promises';
import { contentSecurityPolicy } from '../security/csp';
import { resolveAppPath } from './resolve-app-path';

export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy(),
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
      return new Response(body as BodyInit, { status: 200, headers: securityHeaders(resolved.contentType) });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}
