import { describe, expect, it } from 'vitest';
import { LANGUAGES, catalogueFor, pickLanguage, translate } from '../../common/i18n';

describe('i18n catalogue', () => {
  it('has the same keys, all non-empty, in every language', () => {
    const english = Object.keys(catalogueFor('en')).sort();
    expect(english.length).toBeGreaterThan(0);
    for (const lang of LANGUAGES) {
      const strings = catalogueFor(lang);
      expect(Object.keys(strings).sort()).toEqual(english);
      for (const [key, value] of Object.entries(strings)) expect(value.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in every language', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, value] of Object.entries(catalogueFor('en'))) {
      for (const lang of LANGUAGES) {
        expect(placeholders(catalogueFor(lang)[key]), `${lang}:${key}`).toEqual(placeholders(value));
      }
    }
  });

  it('picks a shipped language from an OS locale', () => {
    expect(pickLanguage('ko-KR')).toBe('ko');
    expect(pickLanguage('ko')).toBe('ko');
    expect(pickLanguage('en-GB')).toBe('en');
    expect(pickLanguage('fr-FR')).toBe('en');
    expect(pickLanguage('')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'app.name')).toBe('Doorway');
    expect(translate('ko', 'app.tagline')).toContain('Teams');
  });
});
