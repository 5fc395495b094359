// Process: any (pure). The i18n catalogue: every string a guest sees, in every shipped locale.
// `locales/en.json` is the source (each key's ICU message and a description for translators);
// `locales/<bcp47>.json` holds one locale's messages; `locales.ts` lists the shipped ones. Keys are
// `<feature>.<area>.<item>`. Messages are ICU MessageFormat, formatted by intl-messageformat and
// compiled once per locale and key. A key missing (or broken) in a locale falls back to English.
// Used by main (menus, dialogs), the renderer and the service; it never touches the DOM or Node.
import { IntlMessageFormat } from 'intl-messageformat';
import english from './locales/en.json';
import { LOCALES, LOCALE_TAGS, SOURCE_LOCALE, isLocale, localeEntry, migrateLocaleSetting, textDirection, type Locale, type LocaleModule } from './locales';
import { matchLocale } from './match-locale';

export { LOCALES, LOCALE_TAGS, SOURCE_LOCALE, isLocale, localeEntry, migrateLocaleSetting, textDirection, type Locale, type LocaleModule };
export { parseAcceptLanguage } from './match-locale';

export type MessageKey = keyof typeof english;
export type Params = Record<string, string | number>;
type Messages = Readonly<Record<string, string>>;

const loaded = new Map<Locale, Messages>();
const compiled = new Map<Locale, Map<string, IntlMessageFormat | null>>();

// IntlMessageFormat resolves its locale in every constructor with
// Intl.NumberFormat.supportedLocalesOf, and V8's first call of it builds NumberFormat's whole
// available-locale set: on a cold load, a CPU profile put 29 of the ~90 ms of script before the
// join screen's first paint in it, though nothing on that screen formats a number. For the one
// locale the catalogue always passes, its answer is the same as Intl.Locale's own (supportedLocalesOf
// filters and canonicalizes; an unsupported tag falls back to Intl.Locale there too), and
// Intl.Locale needs no locale data. The constructor calls the class's own static, so it is set here.
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(typeof locales === 'string' ? locales : locales[0]);

/** Accepts both shapes: English's `{ message, description }` and a translation's plain string. */
function flatten(source: LocaleModule['default']): Messages {
  return Object.fromEntries(Object.entries(source).map(([key, entry]) => [key, typeof entry === 'string' ? entry : entry.message]));
}

registerMessages(SOURCE_LOCALE, english);

/** Reads one locale's messages: `importLocale` (locale-imports.ts) in the renderer and the service, a file in main. */
export type LocaleReader = (locale: Locale) => Promise<LocaleModule['default']>;

/** Loads a locale's messages once through `read`; later calls resolve at once. A reader that rejects leaves the locale on English. */
export async function loadLocale(locale: Locale, read: LocaleReader): Promise<void> {
  if (loaded.has(locale)) return;
  registerMessages(locale, await read(locale));
}

/** Sets a locale's messages (what loadLocale does; a caller with its own subset of keys may too). */
export function registerMessages(locale: Locale, messages: LocaleModule['default']): void {
  loaded.set(locale, flatten(messages));
  compiled.delete(locale);
}

export function isLocaleLoaded(locale: Locale): boolean {
  return loaded.has(locale);
}

/** The shipped locale that best fits `requested` (OS or browser preferences, best first). */
export function pickLocale(requested: string | readonly (string | null | undefined)[] | null | undefined): Locale {
  const list = typeof requested === 'string' || requested == null ? [requested] : requested;
  return matchLocale(list, LOCALE_TAGS, SOURCE_LOCALE);
}

const FSI = '\u2068';
const PDI = '\u2069';
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Wraps string arguments (names, subjects, host names) in first-strong isolates so a Hebrew name
 * in an English sentence, or a Latin one in an Arabic sentence, cannot reorder the text around it.
 * Text that is LTR-only inside an LTR locale needs no isolate and is left as it is.
 */
function isolate(locale: Locale, params: Params): Params {
  const rtl = textDirection(locale) === 'rtl';
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'string' && (rtl || STRONG_RTL.test(value)) ? `${FSI}${value}${PDI}` : value;
  return out;
}

function compile(locale: Locale, key: string): IntlMessageFormat | null {
  let cache = compiled.get(locale);
  if (!cache) compiled.set(locale, (cache = new Map<string, IntlMessageFormat | null>()));
  if (cache.has(key)) return cache.get(key)!;
  const source = loaded.get(locale)?.[key];
  let format: IntlMessageFormat | null = null;
  if (source !== undefined) {
    try {
      format = new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
    } catch {
      format = null; // a broken translation: the caller falls back to English
    }
  }
  cache.set(key, format);
  return format;
}

function formatIn(locale: Locale, key: string, params: Params | undefined): string | null {
  const format = compile(locale, key);
  if (!format) return null;
  try {
    const result = format.format(params ? isolate(locale, params) : undefined);
    return typeof result === 'string' ? result : String(result);
  } catch {
    return null; // an argument is missing: English may still name it
  }
}

/** Formats `key` in `locale` (English for a key the locale lacks or a locale not loaded yet). */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return formatIn(locale, key, params) ?? (locale === SOURCE_LOCALE ? null : formatIn(SOURCE_LOCALE, key, params)) ?? key;
}

/** A loaded locale's raw messages, for the catalogue test and tools. */
export function messagesOf(locale: Locale): Messages {
  return loaded.get(locale) ?? {};
}
