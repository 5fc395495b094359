// Test support: a throwaway self-signed certificate for loopback HTTPS stand-ins (MSAL, inside
// @azure/identity, refuses any authority that is not https), and a fetch that trusts only it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LoopbackTls {
  key: string;
  cert: string;
}

let cached: LoopbackTls | undefined;

/** One certificate per test process for 127.0.0.1 and localhost, made by the openssl CLI. */
export function loopbackTls(): LoopbackTls {
  if (cached) return cached;
  const dir = mkdtempSync(path.join(tmpdir(), 'doorway-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=localhost',
        '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    cached = { key: readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: readFileSync(path.join(dir, 'cert.pem'), 'utf8') };
    return cached;
  } catch (error) {
    throw new Error(`could not make a loopback certificate with openssl (apt-get install openssl): ${(error as Error).message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A fetch (GET only, as jose's JWKS fetch needs) that trusts `ca` and nothing else. */
export function fetchTrusting(ca: string): typeof fetch {
  return ((input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
      const req = request(url, { method: init?.method ?? 'GET', ca, headers: Object.fromEntries(new Headers(init?.headers).entries()) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const headers = new Headers();
          for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers }));
        });
      });
      init?.signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
      req.on('error', reject);
      req.end();
    }));
}
