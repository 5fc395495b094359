// The i18n catalogue: every string a guest sees, in every language Doorway ships.
// Each feature keeps its strings in its own file (one object per language) so features can grow
// side by side; this file merges them and types the keys. Used by main (menus, dialogs) and the
// renderer; pure, so it runs in either process.
import { app } from './app';
import { captions } from './captions';
import { invitePage } from './invite-page';
import { invitation } from './invitation';
import { join } from './join';
import { preferences } from './preferences';
import { links } from './links';
import { meeting } from './meeting';
import { packaging } from './packaging';
import { practice } from './practice';
import { reactions } from './reactions';
import { share } from './share';
import { tokens } from './tokens';
import type { Section } from './define';

export const LANGUAGES = ['en', 'ko'] as const;
export type Language = (typeof LANGUAGES)[number];

type Strings = Record<string, string>;

const sections = [app, captions, join, invitation, links, meeting, packaging, practice, reactions, tokens, preferences, share, invitePage] as const satisfies readonly Section<string>[];

type KeysOf<S> = S extends Section<infer K> ? K : never;
export type MessageKey = KeysOf<(typeof sections)[number]>;

const catalogue: Record<Language, Strings> = { en: {}, ko: {} };
for (const section of sections) {
  for (const lang of LANGUAGES) Object.assign(catalogue[lang], section[lang]);
}

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
