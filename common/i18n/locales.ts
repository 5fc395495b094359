// Process: any (pure). The registry of shipped locales: one line per locales/<tag>.json that exists.
// A translator adds their line (tag, the language's own name, direction) when their file lands, in
// tag order after English, and its loader in locale-imports.ts. How a locale's file is read is up
// to each process: the renderer and the service import it (a chunk of its own in the renderer),
// main reads it from the app's files (main/i18n/locale-files.ts), so this file imports none of them.

/** A locale file's messages: key → ICU message (English's file also carries descriptions). */
export type LocaleModule = { default: Readonly<Record<string, string | { message: string }>> };

export interface LocaleEntry {
  /** BCP 47 tag, language-REGION, as the file is named. */
  readonly tag: string;
  /** The language's name in itself, so a guest who cannot read the current language finds theirs. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
}

export const LOCALES = [
  { tag: 'en-US', name: 'English (United States)', dir: 'ltr' },
  { tag: 'en-GB', name: 'English (United Kingdom)', dir: 'ltr' },
  { tag: 'ar-SA', name: 'العربية', dir: 'rtl' },
  { tag: 'cs-CZ', name: 'Čeština', dir: 'ltr' },
  { tag: 'de-DE', name: 'Deutsch', dir: 'ltr' },
  { tag: 'es-ES', name: 'Español (España)', dir: 'ltr' },
  { tag: 'es-MX', name: 'Español (México)', dir: 'ltr' },
  { tag: 'fi-FI', name: 'Suomi', dir: 'ltr' },
  { tag: 'fr-CA', name: 'Français (Canada)', dir: 'ltr' },
  { tag: 'fr-FR', name: 'Français (France)', dir: 'ltr' },
  { tag: 'he-IL', name: 'עברית', dir: 'rtl' },
  { tag: 'hi-IN', name: 'हिन्दी', dir: 'ltr' },
  { tag: 'id-ID', name: 'Bahasa Indonesia', dir: 'ltr' },
  { tag: 'it-IT', name: 'Italiano', dir: 'ltr' },
  { tag: 'ja-JP', name: '日本語', dir: 'ltr' },
  { tag: 'ko-KR', name: '한국어', dir: 'ltr' },
  { tag: 'nb-NO', name: 'Norsk bokmål', dir: 'ltr' },
  { tag: 'nl-NL', name: 'Nederlands', dir: 'ltr' },
  { tag: 'pl-PL', name: 'Polski', dir: 'ltr' },
  { tag: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr' },
  { tag: 'ru-RU', name: 'Русский', dir: 'ltr' },
  { tag: 'sv-SE', name: 'Svenska', dir: 'ltr' },
  { tag: 'tr-TR', name: 'Türkçe', dir: 'ltr' },
  { tag: 'zh-CN', name: '中文（简体）', dir: 'ltr' },
  { tag: 'zh-TW', name: '中文（繁體）', dir: 'ltr' },
] as const satisfies readonly LocaleEntry[];

export type Locale = (typeof LOCALES)[number]['tag'];

/** English is the source and every other locale's per-key fallback. */
export const SOURCE_LOCALE: Locale = 'en-US';

export const LOCALE_TAGS: readonly Locale[] = LOCALES.map((entry) => entry.tag);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALE_TAGS as readonly string[]).includes(value);
}

export function localeEntry(locale: Locale): LocaleEntry {
  return LOCALES.find((entry) => entry.tag === locale) ?? LOCALES[0];
}

export function textDirection(locale: Locale): 'ltr' | 'rtl' {
  return localeEntry(locale).dir;
}

/** Settings and branding files from before locales stored 'en'/'ko': read them as their locales. */
export function migrateLocaleSetting(value: unknown): unknown {
  return value === 'en' ? 'en-US' : value === 'ko' ? 'ko-KR' : value;
}
