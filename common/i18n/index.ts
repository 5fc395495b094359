// The i18n catalogue: every string a guest sees, in every language Doorway ships.
// `locales/en.json` is the source (each key's message); `locales/<bcp47>.json` holds one
// language's messages. Keys are `<feature>.<area>.<item>`. Used by main (menus, dialogs) and the
// renderer; pure, so it runs in either process.
import english from './locales/en.json';
import korean from './locales/ko-KR.json';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

type Strings = Record<string, string>;

export type MessageKey = keyof typeof english;

const catalogue: Record<Language, Strings> = {
  en: Object.fromEntries(Object.entries(english).map(([key, entry]) => [key, entry.message])),
  ko: korean,
};

export type Params = Record<string, string | number>;

/** Picks the best shipped language for a BCP 47 tag such as "ko-KR"; English otherwise. */
export function pickLanguage(tag: string | undefined | null): Language {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

/** Translates `key`, filling `{name}` placeholders from `params`. Falls back to English. */
export function translate(lang: Language, key: MessageKey, params?: Params): string {
  const template = catalogue[lang][key] ?? catalogue.en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Every key of every language, for the catalogue's completeness test. */
export function catalogueFor(lang: Language): Readonly<Strings> {
  return catalogue[lang];
}
