// Process: test (setup file of vitest.mutation.config.ts). What load-locales.ts does, read from disk
// with JSON.parse instead of importing each catalogue through Vite: that import costs seconds per
// test file, and StrykerJS runs test files once per mutant.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALE_TAGS, SOURCE_LOCALE, registerMessages } from '../../common/i18n';

const LOCALE_DIR = path.join(import.meta.dirname, '..', '..', 'common', 'i18n', 'locales');

for (const locale of LOCALE_TAGS) {
  // English, the source, is en.json; every other locale is <tag>.json (common/i18n/locales.ts).
  const file = path.join(LOCALE_DIR, locale === SOURCE_LOCALE ? 'en.json' : `${locale}.json`);
  registerMessages(locale, JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof registerMessages>[1]);
}
