// Process: renderer. The guest's locale for every view, from the settings (or the OS). Only the
// active locale's messages are loaded (a chunk of their own); English is in the main bundle as
// every key's fallback. The document's `lang` and `dir` follow the locale.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { importLocale } from '../common/i18n/locale-imports';
import { loadLocale, SOURCE_LOCALE, textDirection, translate, type Locale, type MessageKey, type Params } from '../common/i18n';

export type Translate = (key: MessageKey, params?: Params) => string;

export const LanguageContext = createContext<Locale>(SOURCE_LOCALE);

export function useT(): Translate {
  const language = useContext(LanguageContext);
  return (key, params) => translate(language, key, params);
}

export function useLanguage(): Locale {
  return useContext(LanguageContext);
}

/**
 * Loads `locale` and sets `<html lang dir>`; resolves with the locale to show (English if its chunk
 * cannot be loaded, so a broken file never leaves the guest with a blank window).
 */
export async function activateLocale(locale: Locale): Promise<Locale> {
  const shown = await loadLocale(locale, importLocale).then(
    () => locale,
    () => SOURCE_LOCALE,
  );
  document.documentElement.lang = shown;
  document.documentElement.dir = textDirection(shown);
  return shown;
}
