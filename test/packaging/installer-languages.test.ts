// The Windows installer speaks the language of Windows for every locale the app ships: each
// registered locale's language has an NSIS language in electron-builder.yml, each one maps to a
// language NSIS knows (app-builder-lib's own mapping), and none is listed twice (NSIS refuses
// MUI_LANGUAGE twice). Where Debian's nsis is installed, its language file must exist.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../common/i18n/locales';
import { builderConfig } from '../../scripts/builder-config';
import { ROOT } from './pack-linux-dir';

const require = createRequire(import.meta.url);
const { langIdToName } = require('app-builder-lib/out/util/langs.js') as { langIdToName: Record<string, string> };
/** The names app-builder-lib's createAddLangsMacro gives MUI_LANGUAGE (its special cases first). */
const SPECIAL: Record<string, string> = { zh_CN: 'SimpChinese', zh_TW: 'TradChinese', nb_NO: 'Norwegian', pt_BR: 'PortugueseBR' };
function nsisName(lang: string): string {
  const name = SPECIAL[lang] ?? langIdToName[lang.split('_')[0]];
  return name === 'Spanish' ? 'SpanishInternational' : name;
}
const NSIS_LANGUAGE_FILES = '/usr/share/nsis/Contrib/Language files';

describe('Windows installer languages (electron-builder.yml nsis.installerLanguages)', async () => {
  const nsis = (await builderConfig(ROOT)).nsis ?? {};
  const listed = [nsis.installerLanguages ?? []].flat();

  it('is one installer, in the language of Windows, with no language dialog', () => {
    expect(nsis.multiLanguageInstaller).toBe(true);
    expect(nsis.displayLanguageSelector).toBe(false);
  });

  it('covers every shipped locale by its language, with each NSIS language once', () => {
    const names = listed.map(nsisName);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(names.length);
    for (const { tag } of LOCALES) {
      const exact = tag.replace('-', '_');
      const language = listed.includes(exact) ? exact : listed.find((lang) => nsisName(lang) === nsisName(exact));
      expect(language, tag).toBeDefined();
    }
  });

  it.runIf(existsSync(NSIS_LANGUAGE_FILES))('names only languages NSIS has a file for', () => {
    for (const lang of listed) expect(existsSync(`${NSIS_LANGUAGE_FILES}/${nsisName(lang)}.nlf`), lang).toBe(true);
  });
});
