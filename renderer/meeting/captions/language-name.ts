// Process: renderer. A language tag ("ko-kr", "de") as its name in the guest's language, through
// the platform's Intl.DisplayNames (the tag itself when the platform does not know it).
import type { Locale } from '../../../common/i18n';

const cache = new Map<Locale, Intl.DisplayNames | null>();

export function languageName(tag: string, language: Locale): string {
  if (!cache.has(language)) {
    try {
      cache.set(language, new Intl.DisplayNames([language], { type: 'language' }));
    } catch {
      cache.set(language, null);
    }
  }
  try {
    return cache.get(language)?.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
