// Main's locale reader against real files: the catalogues the build writes (scripts/build.mjs
// writeLocaleFiles, run here into a temporary folder) read back as their sources and translate; a
// missing, corrupt or wrong-shaped file rejects, and the locale stays on English. The test setup
// loads every locale into the shared registry, so each case loads into a fresh copy of it.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOCALE_TAGS, SOURCE_LOCALE, type Locale } from '../../../common/i18n';
import { localeFileReader, localeFilesFolder } from '../../../main/i18n/locale-files';
import { writeLocaleFiles } from '../../../scripts/build.mjs';
import de from '../../../common/i18n/locales/de-DE.json';
import english from '../../../common/i18n/locales/en.json';
import fi from '../../../common/i18n/locales/fi-FI.json';

type Registry = typeof import('../../../common/i18n');
let dir: string;
let fresh: Registry;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'doorway-locales-'));
  await writeLocaleFiles(localeFilesFolder(dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  vi.resetModules();
  fresh = await import('../../../common/i18n');
});

describe("main's locale files", () => {
  it('the build writes every translation, and not English (main bundles it)', () => {
    const written = readdirSync(localeFilesFolder(dir)).sort();
    expect(written).toEqual(LOCALE_TAGS.filter((tag) => tag !== SOURCE_LOCALE).map((tag) => `${tag}.json`).sort());
  });

  it('reads a written catalogue back as its source, and main then speaks it', async () => {
    const read = localeFileReader(localeFilesFolder(dir));
    expect(await read('fi-FI')).toEqual(fi);
    expect(fresh.isLocaleLoaded('de-DE')).toBe(false);
    expect(fresh.translate('de-DE', 'menu.help')).toBe(english['menu.help'].message);
    await fresh.loadLocale('de-DE', read);
    expect(fresh.translate('de-DE', 'menu.help')).toBe(de['menu.help']);
    expect(de['menu.help']).not.toBe(english['menu.help'].message);
  });

  const broken: [string, string | null][] = [
    ['missing', null],
    ['not JSON (cut short)', '{"menu.help": "Hj'],
    ['JSON, but a list', '["menu.help"]'],
    ['with a message that is not a string', '{"menu.help": 3}'],
    ['with a key that is not a catalogue key', '{"../menu": "x"}'],
  ];
  it.each(broken)('a catalogue %s rejects, and the locale stays on English', async (_what, contents) => {
    const folder = mkdtempSync(path.join(dir, 'broken-'));
    if (contents !== null) writeFileSync(path.join(folder, 'de-DE.json'), contents);
    await expect(fresh.loadLocale('de-DE', localeFileReader(folder))).rejects.toThrow();
    expect(fresh.isLocaleLoaded('de-DE')).toBe(false);
    expect(fresh.translate('de-DE', 'menu.help')).toBe(english['menu.help'].message);
  });

  it('reads nothing for a tag that is not a shipped locale', async () => {
    await expect(localeFileReader(dir)('../../etc/passwd' as Locale)).rejects.toThrow(/not a shipped locale/);
  });
});
