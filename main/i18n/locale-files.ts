// Process: main. Reads one locale's messages from the app's own files: the build writes each
// translation to dist/main/locales/<tag>.json (English is in main's bundle, every key's fallback),
// so main's bundle holds no other locale and only the guest's language is read, once. A file that
// is missing, unreadable or not a catalogue rejects, and the caller stays on English. Never reads
// a path built from anything but a shipped locale tag.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isLocale, type LocaleReader } from '../../common/i18n';

/** A catalogue's size and its messages' are bounded: the largest shipped file is about 60 KB. */
const MAX_FILE_BYTES = 1024 * 1024;
const catalogueSchema = z.record(z.string().regex(/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/).max(128), z.string().max(4000));

/** The folder the build writes the catalogues to, next to main's bundle. */
export function localeFilesFolder(mainDirectory: string): string {
  return path.join(mainDirectory, 'locales');
}

/** A loadLocale reader over `<folder>/<tag>.json`. */
export function localeFileReader(folder: string): LocaleReader {
  return async (locale) => {
    if (!isLocale(locale)) throw new TypeError('not a shipped locale');
    const text = await readFile(path.join(folder, `${locale}.json`), 'utf8');
    if (text.length > MAX_FILE_BYTES) throw new RangeError(`${locale} catalogue too large`);
    const parsed = catalogueSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new TypeError(`${locale} catalogue is not key → message`);
    return parsed.data;
  };
}
