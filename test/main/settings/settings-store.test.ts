import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, repairSettings } from '../../../main/settings/settings-schema';
import { openSettingsStore } from '../../../main/settings/settings-store';

const fixedNow = () => new Date('2026-11-25T10:00:00Z');

function folder(contents?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'doorway-settings-'));
  if (contents !== undefined) writeFileSync(path.join(dir, 'config.json'), contents);
  return dir;
}

describe('settings store (electron-store)', () => {
  it('starts from defaults and remembers updates across a restart', () => {
    const dir = folder();
    const first = openSettingsStore(dir, () => undefined);
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    expect(first.recovered).toBe(false);
    expect(first.inMemory).toBe(false);
    first.update({ displayName: 'Ada Lovelace', cameraOn: false });
    const second = openSettingsStore(dir, () => undefined);
    expect(second.get()).toMatchObject({ displayName: 'Ada Lovelace', cameraOn: false, microphoneOn: true });
  });

  it('recovers from a file that is not JSON, keeping a copy of it', () => {
    const logs: string[] = [];
    const dir = folder('{"displayName": "Ada", truncated');
    const store = openSettingsStore(dir, (m) => logs.push(m), fixedNow);
    expect(store.recovered).toBe(true);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const backups = readdirSync(dir).filter((name) => name.startsWith('config.corrupt-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(dir, backups[0]), 'utf8')).toBe('{"displayName": "Ada", truncated');
    expect(logs.join('\n')).toMatch(/repaired/);
  });

  it('keeps the valid fields of a hand-edited file and resets only the bad ones', () => {
    const dir = folder(JSON.stringify({ displayName: 'Ada', cameraOn: 'yes please', language: 'klingon', theme: 'dark' }));
    const store = openSettingsStore(dir, () => undefined, fixedNow);
    expect(store.recovered).toBe(true);
    expect(store.get()).toEqual({ ...DEFAULT_SETTINGS, displayName: 'Ada', theme: 'dark' });
    expect(readdirSync(dir).some((name) => name.startsWith('config.corrupt-'))).toBe(true);
    // The repaired file now opens cleanly.
    expect(openSettingsStore(dir, () => undefined).recovered).toBe(false);
  });

  it('recovers from valid JSON of the wrong shape and from an empty file', () => {
    for (const contents of ['[1,2,3]', 'null', '"text"', '']) {
      const store = openSettingsStore(folder(contents), () => undefined, fixedNow);
      expect(store.get(), contents).toEqual(DEFAULT_SETTINGS);
      expect(store.recovered, contents).toBe(true);
    }
  });

  it('reads a file saved with a UTF-8 byte order mark (as Windows editors write it) as it is', () => {
    const dir = folder(`\uFEFF${JSON.stringify({ displayName: 'Ada', theme: 'dark' })}`);
    const store = openSettingsStore(dir, () => undefined, fixedNow);
    expect(store.recovered).toBe(false);
    expect(store.get()).toMatchObject({ displayName: 'Ada', theme: 'dark' });
    expect(readdirSync(dir).some((name) => name.startsWith('config.corrupt-'))).toBe(false);
  });

  it('reads the language of a version with two languages (en/ko) as its locale, and saves it so', () => {
    const dir = folder(JSON.stringify({ displayName: 'Ada', language: 'ko' }));
    const store = openSettingsStore(dir, () => undefined, fixedNow);
    expect(store.recovered).toBe(false);
    expect(store.get()).toMatchObject({ displayName: 'Ada', language: 'ko-KR' });
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toMatchObject({ language: 'ko-KR' });
    expect(readdirSync(dir).some((name) => name.startsWith('config.corrupt-'))).toBe(false);
    expect(repairSettings({ language: 'en' })).toMatchObject({ settings: { language: 'en-US' }, resetFields: [], migratedFields: ['language'] });
  });

  it('keeps settings in memory, and says so, when the settings file is a folder', () => {
    const logs: string[] = [];
    const dir = folder();
    mkdirSync(path.join(dir, 'config.json'));
    const store = openSettingsStore(dir, (m) => logs.push(m), fixedNow);
    expect(store.inMemory).toBe(true);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.update({ displayName: 'Ada' }).displayName).toBe('Ada');
    expect(store.get().displayName).toBe('Ada');
    expect(logs.join('\n')).toMatch(/settings: .*in memory/);
  });

  it('keeps settings in memory when the profile folder cannot be created or written', () => {
    const logs: string[] = [];
    const blocker = path.join(folder(), 'a-file');
    writeFileSync(blocker, '');
    // A folder below a file can never be created, whoever runs the test (root included).
    const store = openSettingsStore(path.join(blocker, 'profile'), (m) => logs.push(m), fixedNow);
    expect(store.inMemory).toBe(true);
    expect(store.update({ cameraOn: false }).cameraOn).toBe(false);
    expect(logs.join('\n')).toMatch(/in memory/);
  });

  it('refuses an update that breaks the schema and keeps what it had', () => {
    const store = openSettingsStore(folder(), () => undefined);
    store.update({ displayName: 'Ada' });
    expect(() => store.update({ displayName: 'x'.repeat(300) })).toThrow();
    expect(store.get().displayName).toBe('Ada');
  });
});

describe('effects settings', () => {
  it('remembers the background effect and noise suppression across a restart', () => {
    const dir = folder();
    openSettingsStore(dir, () => undefined).update({ backgroundEffect: 'brand:accent', noiseSuppression: false });
    expect(openSettingsStore(dir, () => undefined).get()).toMatchObject({ backgroundEffect: 'brand:accent', noiseSuppression: false });
  });

  it('resets an unknown effect to none and keeps the rest', () => {
    const repaired = repairSettings({ backgroundEffect: 'brand:Not Valid', noiseSuppression: false, displayName: 'Ada' });
    expect(repaired.settings).toMatchObject({ backgroundEffect: 'none', noiseSuppression: false, displayName: 'Ada' });
    expect(repaired.resetFields).toEqual(['backgroundEffect']);
  });
});

describe('repairSettings', () => {
  it('reports each reset field', () => {
    expect(repairSettings({ cameraOn: 1, microphoneOn: false }).resetFields).toEqual(['cameraOn']);
    expect(repairSettings(null).resetFields).toEqual(['(whole file)']);
  });
});
