// The branding file's schema (main/config/branding.ts) and the build's reading of it: a good file
// passes; each kind of bad field fails with that field named, all of them at once.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBranding, type Branding } from '../../main/config/branding';
import { loadBranding } from '../../scripts/builder-config';
import { ROOT } from './pack-linux-dir';

const good: Branding = {
  productName: 'Contoso Meet',
  appId: 'com.contoso.meet',
  linkScheme: 'contoso-meet',
  accentColor: '#0f6cbd',
  tokenEndpoint: 'https://tokens.contoso.com/api/token',
  tokenAppKey: 'contoso-app-key-0123456789',
  supportUrl: 'https://help.contoso.com',
  defaultLanguage: 'ko-KR',
  updateFeed: 'https://updates.contoso.com/meet/',
  serviceUrl: 'https://doorway.contoso.com',
  backgrounds: [{ id: 'harbour', label: 'Contoso harbour', file: 'build/backgrounds/harbour.jpg' }],
  icons: 'build',
  maintainer: 'Contoso IT <it@contoso.com>',
};

function problems(patch: Record<string, unknown>): string {
  const result = parseBranding({ ...good, ...patch });
  return result.ok ? '' : result.message;
}

describe('branding schema', () => {
  it("accepts a full file and the repository's own", () => {
    expect(parseBranding(good)).toEqual({ ok: true, branding: good });
    expect(() => loadBranding(ROOT)).not.toThrow();
  });

  it('defaults the build-only fields', () => {
    const { icons: _icons, maintainer: _maintainer, serviceUrl: _serviceUrl, backgrounds: _backgrounds, ...older } = good;
    const result = parseBranding(older);
    expect(result.ok && [result.branding.icons, result.branding.maintainer, result.branding.serviceUrl, result.branding.backgrounds]).toEqual([
      'build',
      'Doorway <doorway@example.com>',
      '',
      [],
    ]);
  });

  it.each([
    ['productName', '', 'productName'],
    ['productName', 'Evil\nName', 'productName'],
    ['appId', 'doorway', 'appId'],
    ['linkScheme', 'Doorway', 'linkScheme'],
    ['linkScheme', 'https', 'linkScheme: reserved scheme'],
    ['linkScheme', 'app', 'linkScheme: reserved scheme'],
    ['accentColor', 'blue', 'accentColor'],
    ['tokenEndpoint', 'http://tokens.contoso.com', 'tokenEndpoint: must be an https:// URL or empty'],
    ['tokenAppKey', 'too-short', 'tokenAppKey'],
    ['tokenAppKey', 'sixteen chars but spaces', 'tokenAppKey'],
    ['tokenAppKey', 'header\r\ninjection-0123456789', 'tokenAppKey'],
    ['supportUrl', 'javascript:alert(1)', 'supportUrl'],
    ['defaultLanguage', 'fr', 'defaultLanguage'],
    ['updateFeed', 'ftp://updates.contoso.com', 'updateFeed'],
    ['serviceUrl', 'http://doorway.contoso.com', 'serviceUrl: must be an https:// origin'],
    ['serviceUrl', 'https://doorway.contoso.com/join', 'serviceUrl: must be an https:// origin'],
    ['serviceUrl', 'https://doorway.contoso.com/?x=1', 'serviceUrl'],
    ['serviceUrl', 'https://admin:key@doorway.contoso.com', 'serviceUrl'],
    ['serviceUrl', 'doorway.contoso.com', 'serviceUrl'],
    ['icons', '../elsewhere', 'icons'],
    ['icons', '/etc', 'icons'],
    ['maintainer', 'Contoso IT', 'maintainer'],
    ['backgrounds', [{ id: 'a', label: 'A', file: '../secrets/a.png' }], 'backgrounds.0.file'],
    ['backgrounds', [{ id: 'a', label: 'A', file: 'build/backgrounds/a.svg' }], 'backgrounds.0.file'],
    ['backgrounds', [{ id: 'A B', label: 'A', file: 'build/backgrounds/a.png' }], 'backgrounds.0.id'],
    ['backgrounds', [{ id: 'a', label: '', file: 'build/backgrounds/a.png' }], 'backgrounds.0.label'],
    ['backgrounds', [{ id: 'a', label: 'A', file: 'build/backgrounds/a.png' }, { id: 'a', label: 'B', file: 'build/backgrounds/b.png' }], 'background ids must be unique'],
  ])('rejects %s = %j, naming the field', (field, value, expected) => {
    expect(problems({ [field]: value })).toContain(expected);
  });

  it('rejects a missing field, an unknown field and a wrong type, each by name', () => {
    const { appId: _appId, ...withoutAppId } = good;
    const missing = parseBranding(withoutAppId);
    expect(missing.ok ? '' : missing.message).toMatch(/^appId:/m);
    expect(problems({ updateUrl: 'https://x.example' })).toMatch(/updateUrl/);
    expect(problems({ accentColor: 0x0f6cbd })).toMatch(/^accentColor:/m);
  });

  it('lists every bad field at once, one per line', () => {
    const message = problems({ appId: 'x', accentColor: 'red', updateFeed: 'http://x' });
    expect(message.split('\n').map((line) => line.split(':')[0])).toEqual(['appId', 'accentColor', 'updateFeed']);
  });
});

describe('the build reading build/branding.json', () => {
  const project = mkdtempSync(path.join(os.tmpdir(), 'doorway-branding-'));
  cpSync(path.join(ROOT, 'build'), path.join(project, 'build'), { recursive: true });
  afterAll(() => rmSync(project, { recursive: true, force: true }));
  const write = (content: string) => writeFileSync(path.join(project, 'build', 'branding.json'), content);

  it('fails with the file name and every bad field', () => {
    write(JSON.stringify({ ...good, appId: 'nope', linkScheme: 'HTTP' }));
    expect(() => loadBranding(project)).toThrow(/^build\/branding\.json is invalid:\n {2}appId: .*\n {2}linkScheme: /);
  });

  it('fails clearly on a file that is not JSON', () => {
    write('{ productName: Doorway');
    expect(() => loadBranding(project)).toThrow(/build\/branding\.json cannot be read as JSON/);
  });

  it('fails when the icon folder lacks what the installers need', () => {
    write(JSON.stringify({ ...good, icons: 'build/icons' }));
    const message = (() => {
      try {
        loadBranding(project);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('icons: build/icons/icon.png is missing');
    expect(message).toContain('icons: build/icons/icon.ico is missing');
    expect(message).toContain('icons: build/icons/icon.icns is missing');
  });
});
