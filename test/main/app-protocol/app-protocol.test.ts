import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../main/app-protocol/app-protocol-handler';
import { isAppUrl } from '../../../main/app-protocol/origin';
import { resolveAppPath } from '../../../main/app-protocol/resolve-app-path';

const root = mkdtempSync(path.join(tmpdir(), 'doorway-renderer-'));
mkdirSync(path.join(root, 'chunks'));
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
writeFileSync(path.join(root, 'chunks', 'acs-ABC.js'), 'export {}');
writeFileSync(path.join(root, '.secret.js'), 'nope');
writeFileSync(path.join(root, 'styled.html'), '<!doctype html><style>body { color: red }</style><p>x</p><style>p{}</style>');
writeFileSync(path.join(root, 'styled.css'), '<style>body { color: red }</style>');

describe('app:// path resolution', () => {
  it('maps known, normalized paths inside the renderer folder', () => {
    expect(resolveAppPath('app://localhost/', root)?.file).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://localhost/index.html', root)?.contentType).toMatch(/^text\/html/);
    expect(resolveAppPath('app://localhost/chunks/acs-ABC.js?v=1#x', root)?.file).toBe(path.join(root, 'chunks', 'acs-ABC.js'));
  });

  it('refuses traversal, encodings, dot-files, odd hosts and unknown types', () => {
    for (const url of [
      'app://localhost/../etc/passwd',
      'app://localhost/%2e%2e/etc/passwd',
      'app://localhost/chunks%2facs-ABC.js',
      'app://localhost/chunks/..%5c..%5cwin.ini',
      'app://localhost/.secret.js',
      'app://localhost//etc/passwd.js',
      'app://localhost/index.exe',
      'app://localhost/index',
      'app://evil/index.html',
      'app://localhost:8080/index.html',
      'app://user@localhost/index.html',
      'https://localhost/index.html',
      'file:///index.html',
      'not a url',
    ]) {
      expect(resolveAppPath(url, root), url).toBeNull();
    }
  });
});

describe('app:// handler', () => {
  const handler = createAppProtocolHandler(root);

  it('serves files with the CSP and nosniff on every response', async () => {
    const response = await handler(new Request('app://localhost/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>t</title>');
  });

  it("admits a page's own <style> blocks by their hash, and no other inline style", async () => {
    const styleSrc = async (url: string) => (await handler(new Request(url))).headers.get('content-security-policy')!.match(/style-src ([^;]*)/)![1];
    // sha256 of the exact text between the tags, as the browser hashes it.
    const hash = (css: string) => `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    expect(await styleSrc('app://localhost/styled.html')).toBe(`'self' ${hash('body { color: red }')} ${hash('p{}')}`);
    expect(await styleSrc('app://localhost/index.html')).toBe("'self'");
    // Only HTML pages: a stylesheet or script that happens to hold the text gets nothing.
    expect(await styleSrc('app://localhost/styled.css')).toBe("'self'");
    expect((await handler(new Request('app://localhost/styled.html'))).headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('answers 404 for refused or missing paths and 405 for writes', async () => {
    expect((await handler(new Request('app://localhost/../x.js'))).status).toBe(404);
    expect((await handler(new Request('app://localhost/missing.js'))).status).toBe(404);
    expect((await handler(new Request('app://localhost/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('own origin', () => {
  it('is app://localhost exactly', () => {
    expect(isAppUrl('app://localhost/index.html')).toBe(true);
    for (const url of ['app://localhost.evil/', 'app://localhost:1/', 'app://a@localhost/', 'http://localhost/', 'app://127.0.0.1/', 'x']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});
