// Process: any (pure). The registry of shipped locales: one line per locales/<tag>.json that exists.
// A translator adds their line (tag, the language's own name, direction, loader) when their file
// lands, in tag order after English; nothing else lists locales. Each loader is a dynamic import, so the renderer's bundler puts
// every locale in its own chunk and only the active one is fetched.

/** A locale file's messages: key → ICU message (English's file also carries descriptions). */
export type LocaleModule = { default: Readonly<Record<string, string | { message: string }>> };

export interface LocaleEntry {
  /** BCP 47 tag, language-REGION, as the file is named. */
  readonly tag: string;
  /** The language's name in itself, so a guest who cannot read the current language finds theirs. */
  readonly name: string;
  readonly dir: 'ltr' | 'rtl';
  readonly load: () => Promise<LocaleModule>;
}

export const LOCALES = [
  { tag: 'en-US', name: 'English (United States)', dir: 'ltr', load: () => import('./locales/en.json') },
  { tag: 'en-GB', name: 'English (United Kingdom)', dir: 'ltr', load: () => import('./locales/en-GB.json') },
  { tag: 'ar-SA', name: 'العربية', dir: 'rtl', load: () => import('./locales/ar-SA.json') },
  { tag: 'cs-CZ', name: 'Čeština', dir: 'ltr', load: () => import('./locales/cs-CZ.json') },
  { tag: 'de-DE', name: 'Deutsch', dir: 'ltr', load: () => import('./locales/de-DE.json') },
  { tag: 'es-ES', name: 'Español (España)', dir: 'ltr', load: () => import('./locales/es-ES.json') },
  { tag: 'es-MX', name: 'Español (México)', dir: 'ltr', load: () => import('./locales/es-MX.json') },
  { tag: 'fi-FI', name: 'Suomi', dir: 'ltr', load: () => import('./locales/fi-FI.json') },
  { tag: 'fr-CA', name: 'Français (Canada)', dir: 'ltr', load: () => import('./locales/fr-CA.json') },
  { tag: 'fr-FR', name: 'Français (France)', dir: 'ltr', load: () => import('./locales/fr-FR.json') },
  { tag: 'he-IL', name: 'עברית', dir: 'rtl', load: () => import('./locales/he-IL.json') },
  { tag: 'hi-IN', name: 'हिन्दी', dir: 'ltr', load: () => import('./locales/hi-IN.json') },
  { tag: 'id-ID', name: 'Bahasa Indonesia', dir: 'ltr', load: () => import('./locales/id-ID.json') },
  { tag: 'it-IT', name: 'Italiano', dir: 'ltr', load: () => import('./locales/it-IT.json') },
  { tag: 'ja-JP', name: '日本語', dir: 'ltr', load: () => import('./locales/ja-JP.json') },
  { tag: 'ko-KR', name: '한국어', dir: 'ltr', load: () => import('./locales/ko-KR.json') },
  { tag: 'nb-NO', name: 'Norsk bokmål', dir: 'ltr', load: () => import('./locales/nb-NO.json') },
  { tag: 'nl-NL', name: 'Nederlands', dir: 'ltr', load: () => import('./locales/nl-NL.json') },
  { tag: 'pl-PL', name: 'Polski', dir: 'ltr', load: () => import('./locales/pl-PL.json') },
  { tag: 'pt-BR', name: 'Português (Brasil)', dir: 'ltr', load: () => import('./locales/pt-BR.json') },
  { tag: 'ru-RU', name: 'Русский', dir: 'ltr', load: () => import('./locales/ru-RU.json') },
  { tag: 'sv-SE', name: 'Svenska', dir: 'ltr', load: () => import('./locales/sv-SE.json') },
  { tag: 'tr-TR', name: 'Türkçe', dir: 'ltr', load: () => import('./locales/tr-TR.json') },
  { tag: 'zh-CN', name: '中文（简体）', dir: 'ltr', load: () => import('./locales/zh-CN.json') },
  { tag: 'zh-TW', name: '中文（繁體）', dir: 'ltr', load: () => import('./locales/zh-TW.json') },
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
