// Process: test (vitest setup file, for `npm test` and `npm run mutation`). Tests compare what a page
// shows with `translate(locale, …)` in Node, so every shipped locale is registered here, as the
// renderer registers its one active locale. Read from disk with JSON.parse rather than imported
// through Vite: 25 catalogue imports cost about a quarter of a second per test file (measured:
// 1.68 s → 0.76 s of setup for three small files), and both runners start every file afresh.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LOCALE_TAGS, SOURCE_LOCALE, registerMessages } from '../../common/i18n';

const LOCALE_DIR = path.join(import.meta.dirname, '..', '..', 'common', 'i18n', 'locales');

for (const locale of LOCALE_TAGS) {
  // English, the source, is en.json; every other locale is <tag>.json (common/i18n/locales.ts).
  const file = path.join(LOCALE_DIR, locale === SOURCE_LOCALE ? 'en.json' : `${locale}.json`);
  registerMessages(locale, JSON.parse(readFileSync(file, 'utf8')) as Parameters<typeof registerMessages>[1]);
}
