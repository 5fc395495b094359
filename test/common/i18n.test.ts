// The strict catalogue test: every shipped locale has exactly English's keys, every message is ICU
// that intl-messageformat accepts, with English's arguments and types, and every plural has the
// forms its locale's plural rules need. Also the formatting, fallback, bidi and matching rules.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LOCALES, LOCALE_TAGS, messagesOf, pickLocale, registerMessages, SOURCE_LOCALE, translate, type Locale } from '../../common/i18n';
import { matchLocale, parseAcceptLanguage } from '../../common/i18n/match-locale';
import english from '../../common/i18n/locales/en.json';

const LOCALES_DIR = path.resolve(import.meta.dirname, '../../common/i18n/locales');
const fileOf = (tag: string) => (tag === SOURCE_LOCALE ? 'en.json' : `${tag}.json`);

type ArgKind = 'string' | 'number' | 'date' | 'select';
interface Shape {
  args: Map<string, ArgKind>;
  /** Each plural's name, whether cardinal or ordinal, and the selectors it has. */
  plurals: { name: string; ordinal: boolean; selectors: string[] }[];
}

function shapeOf(elements: MessageFormatElement[], shape: Shape = { args: new Map(), plurals: [] }): Shape {
  const note = (name: string, kind: ArgKind) => {
    const seen = shape.args.get(name);
    // The same argument used twice must be used the same way.
    shape.args.set(name, seen && seen !== kind ? (`${seen}|${kind}` as ArgKind) : kind);
  };
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        note(element.value, 'string');
        break;
      case TYPE.number:
        note(element.value, 'number');
        break;
      case TYPE.date:
      case TYPE.time:
        note(element.value, 'date');
        break;
      case TYPE.select:
        note(element.value, 'select');
        for (const option of Object.values(element.options)) shapeOf(option.value, shape);
        break;
      case TYPE.plural:
        note(element.value, 'number');
        shape.plurals.push({ name: element.value, ordinal: element.pluralType === 'ordinal', selectors: Object.keys(element.options) });
        for (const option of Object.values(element.options)) shapeOf(option.value, shape);
        break;
      case TYPE.tag:
        shapeOf(element.children, shape);
        break;
      default:
        break;
    }
  }
  return shape;
}

/** Everything wrong with one message, in words a translator can act on; [] when it is right. */
function problemsOf(locale: string, message: string, source: Shape): string[] {
  if (typeof message !== 'string' || message.trim() === '') return ['is empty'];
  let shape: Shape;
  try {
    shape = shapeOf(parse(message, { ignoreTag: true, requiresOtherClause: true }));
  } catch (error) {
    return [`is not valid ICU (${(error as Error).message})`];
  }
  const problems: string[] = [];
  const describe = (s: Shape) => [...s.args].map(([name, kind]) => `${name}:${kind}`).sort().join(', ');
  if (describe(shape) !== describe(source)) problems.push(`has arguments {${describe(shape)}}, English has {${describe(source)}}`);
  for (const plural of shape.plurals) {
    const needed = new Intl.PluralRules(locale, { type: plural.ordinal ? 'ordinal' : 'cardinal' }).resolvedOptions().pluralCategories;
    const missing = needed.filter((category) => !plural.selectors.includes(category));
    const unused = plural.selectors.filter((selector) => !selector.startsWith('=') && !(needed as string[]).includes(selector));
    if (missing.length) problems.push(`plural {${plural.name}} lacks ${missing.join(', ')} (${locale} needs ${needed.join(', ')})`);
    if (unused.length) problems.push(`plural {${plural.name}} has ${unused.join(', ')}, which ${locale} never uses`);
  }
  return problems;
}

const sourceShapes = new Map(Object.entries(english).map(([key, entry]) => [key, shapeOf(parse(entry.message, { ignoreTag: true }))]));
const englishKeys = Object.keys(english);

describe('the English source (locales/en.json)', () => {
  it('gives every key a message and a description for translators', () => {
    const lacking = Object.entries(english as Record<string, { message?: unknown; description?: unknown }>)
      .filter(([, entry]) => typeof entry.message !== 'string' || !entry.message.trim() || typeof entry.description !== 'string' || !entry.description.trim())
      .map(([key]) => key);
    expect(lacking).toEqual([]);
  });

  it('has English plurals complete and arguments used consistently', () => {
    const problems = Object.entries(english).flatMap(([key, entry]) => problemsOf('en', entry.message, sourceShapes.get(key)!).map((p) => `${key} ${p}`));
    expect(problems).toEqual([]);
  });
});

describe('every shipped locale', () => {
  it('is registered exactly when its file exists', () => {
    const files = readdirSync(LOCALES_DIR).filter((name) => name.endsWith('.json')).sort();
    expect(LOCALES.map((entry) => fileOf(entry.tag)).sort()).toEqual(files);
    expect(new Set(LOCALE_TAGS).size).toBe(LOCALE_TAGS.length);
    for (const entry of LOCALES) {
      expect(entry.tag, 'language-REGION').toMatch(/^[a-z]{2,3}-[A-Z]{2}$/);
      expect(Intl.getCanonicalLocales(entry.tag)).toEqual([entry.tag]);
      expect(entry.name.trim()).not.toBe('');
    }
  });

  it('keeps its keys in alphabetical order (merges stay clean)', () => {
    for (const entry of LOCALES) {
      const keys = Object.keys(JSON.parse(readFileSync(path.join(LOCALES_DIR, fileOf(entry.tag)), 'utf8')) as object);
      expect(keys, entry.tag).toEqual([...keys].sort());
    }
  });

  it.each(LOCALE_TAGS.filter((tag) => tag !== SOURCE_LOCALE))('%s has every key and no other, as valid ICU with English’s arguments and its own plural forms', (tag) => {
    const raw: Record<string, unknown> = JSON.parse(readFileSync(path.join(LOCALES_DIR, fileOf(tag)), 'utf8'));
    const missing = englishKeys.filter((key) => !(key in raw));
    const extra = Object.keys(raw).filter((key) => !sourceShapes.has(key));
    const broken = Object.entries(raw)
      .filter(([key]) => sourceShapes.has(key))
      .flatMap(([key, message]) => problemsOf(tag, message as string, sourceShapes.get(key)!).map((problem) => `${key} ${problem}`));
    expect({ missing, extra, broken }).toEqual({ missing: [], extra: [], broken: [] });
  });

  it('resolves to itself for ICU messages (the catalogue resolves locales without NumberFormat\'s locale data) and picks its own plural forms', () => {
    for (const tag of LOCALE_TAGS) {
      expect(new IntlMessageFormat('{n}', tag).resolvedOptions().locale, tag).toBe(Intl.NumberFormat.supportedLocalesOf(tag)[0]);
    }
    const plural = (tag: string, n: number) => new IntlMessageFormat('{n, plural, one {one} two {two} few {few} many {many} other {other}}', tag).format({ n });
    expect([plural('en-US', 1), plural('cs-CZ', 3), plural('ar-SA', 2), plural('ar-SA', 11), plural('pl-PL', 5)]).toEqual(['one', 'few', 'two', 'many', 'many']);
  });

  it.each(LOCALE_TAGS)('%s formats every message with sample values', (tag) => {
    for (const key of englishKeys) {
      const params = Object.fromEntries([...sourceShapes.get(key as keyof typeof english)!.args].map(([name, kind]) => [name, kind === 'number' ? 3 : kind === 'date' ? Date.UTC(2026, 11, 2) : 'Ada']));
      const text = translate(tag, key as keyof typeof english, params);
      expect(text, `${tag}:${key}`).not.toBe(key);
      expect(text, `${tag}:${key}`).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('translate', () => {
  it('formats ICU plurals by the locale’s rules', () => {
    expect(translate('en-US', 'invitation.code.attemptsLeft', { count: 1 })).toBe('That code is not right. You have 1 more try.');
    expect(translate('en-US', 'invitation.code.attemptsLeft', { count: 4 })).toBe('That code is not right. You have 4 more tries.');
    expect(translate('en-US', 'join.name.tooLong', { max: 256, count: 1234 })).toBe('This name is too long: use at most 256 characters (now 1,234).');
    expect(translate('ko-KR', 'meeting.overflow.more', { count: 12 })).toBe('12명 더 보기');
  });

  it('falls back to English for a key a locale lacks, and for a message that cannot be formatted', () => {
    const korean = messagesOf('ko-KR');
    try {
      const { 'meeting.leave': _dropped, ...rest } = korean;
      registerMessages('ko-KR', { ...rest, 'meeting.alone': '{broken' });
      expect(translate('ko-KR', 'meeting.leave')).toBe('Leave');
      expect(translate('ko-KR', 'meeting.alone')).toBe('You are the only one here so far.');
      expect(translate('ko-KR', 'meeting.hand.raise')).toBe(korean['meeting.hand.raise']);
    } finally {
      registerMessages('ko-KR', korean);
    }
    expect(translate('ko-KR', 'meeting.leave')).toBe(korean['meeting.leave']);
  });

  it('isolates right-to-left names in a left-to-right sentence, and leaves Latin ones as they are', () => {
    expect(translate('en-US', 'meeting.youNamed', { name: 'דוד' })).toBe('\u2068דוד\u2069 (you)');
    expect(translate('en-US', 'meeting.youNamed', { name: 'Ada' })).toBe('Ada (you)');
  });
});

describe('best-fit locale matching', () => {
  // The 24 locales of issue 18, whether or not their files have landed yet.
  const all = ['en-US', 'en-GB', 'ar-SA', 'cs-CZ', 'de-DE', 'es-ES', 'es-MX', 'fi-FI', 'fr-FR', 'fr-CA', 'he-IL', 'it-IT', 'ja-JP', 'ko-KR', 'nb-NO', 'nl-NL', 'pl-PL', 'pt-BR', 'ru-RU', 'sv-SE', 'tr-TR', 'zh-CN', 'zh-TW', 'hi-IN', 'id-ID'];
  it.each([
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['zh-Hans', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['zh-Hant', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-Hant-HK', 'zh-TW'],
    ['iw', 'he-IL'],
    ['iw-IL', 'he-IL'],
    ['no', 'nb-NO'],
    ['nb', 'nb-NO'],
    ['in', 'id-ID'],
    ['en', 'en-US'],
    ['en-AU', 'en-GB'],
    ['en_GB.UTF-8', 'en-GB'],
    ['es-AR', 'es-MX'],
    ['es-419', 'es-MX'],
    ['es', 'es-ES'],
    ['fr-CH', 'fr-FR'],
    ['fr-CA', 'fr-CA'],
    ['ar-EG', 'ar-SA'],
    ['ja', 'ja-JP'],
  ])('%s → %s', (requested, expected) => {
    expect(matchLocale([requested], all, 'en-US')).toBe(expected);
  });

  it('takes the first preference it can serve, and English when none can', () => {
    expect(matchLocale(['gd-GB', 'de-AT', 'fr-FR'], all, 'en-US')).toBe('de-DE');
    expect(matchLocale(['xx', '', null, 'C', 'sr-Latn-RS'], all, 'en-US')).toBe('en-US');
    // Traditional Chinese is never answered with Simplified.
    expect(matchLocale(['zh-TW'], ['en-US', 'zh-CN'], 'en-US')).toBe('en-US');
  });

  it('matches across the shipped locales only', () => {
    expect(pickLocale('ko')).toBe('ko-KR');
    expect(pickLocale(['ko_KR', 'en-US'])).toBe('ko-KR');
    expect(pickLocale(undefined)).toBe(SOURCE_LOCALE);
    const picked: Locale = pickLocale('xx');
    expect(LOCALE_TAGS).toContain(picked);
  });

  it('reads Accept-Language by quality, then order', () => {
    expect(parseAcceptLanguage('fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en', 'de']);
    expect(parseAcceptLanguage('en;q=0.5,ko;q=0.9,ja;q=0')).toEqual(['ko', 'en']);
    expect(parseAcceptLanguage(undefined)).toEqual([]);
  });
});
