// Process: renderer and service (pure). Each locale's messages as a dynamic import: the renderer's
// bundler puts every locale in a chunk of its own and fetches only the active one; the service's
// bundle holds them all. Main never imports this file (esbuild would inline all 25 locales into its
// CommonJS bundle): it reads the one it needs from the app's files (main/i18n/locale-files.ts).
import type { Locale, LocaleModule } from './locales';

const IMPORTS: Record<Locale, () => Promise<LocaleModule>> = {
  'en-US': () => import('./locales/en.json'),
  'en-GB': () => import('./locales/en-GB.json'),
  'ar-SA': () => import('./locales/ar-SA.json'),
  'cs-CZ': () => import('./locales/cs-CZ.json'),
  'de-DE': () => import('./locales/de-DE.json'),
  'es-ES': () => import('./locales/es-ES.json'),
  'es-MX': () => import('./locales/es-MX.json'),
  'fi-FI': () => import('./locales/fi-FI.json'),
  'fr-CA': () => import('./locales/fr-CA.json'),
  'fr-FR': () => import('./locales/fr-FR.json'),
  'he-IL': () => import('./locales/he-IL.json'),
  'hi-IN': () => import('./locales/hi-IN.json'),
  'id-ID': () => import('./locales/id-ID.json'),
  'it-IT': () => import('./locales/it-IT.json'),
  'ja-JP': () => import('./locales/ja-JP.json'),
  'ko-KR': () => import('./locales/ko-KR.json'),
  'nb-NO': () => import('./locales/nb-NO.json'),
  'nl-NL': () => import('./locales/nl-NL.json'),
  'pl-PL': () => import('./locales/pl-PL.json'),
  'pt-BR': () => import('./locales/pt-BR.json'),
  'ru-RU': () => import('./locales/ru-RU.json'),
  'sv-SE': () => import('./locales/sv-SE.json'),
  'tr-TR': () => import('./locales/tr-TR.json'),
  'zh-CN': () => import('./locales/zh-CN.json'),
  'zh-TW': () => import('./locales/zh-TW.json'),
};

/** Reads a locale's messages through its dynamic import (loadLocale's reader outside main). */
export async function importLocale(locale: Locale): Promise<LocaleModule['default']> {
  return (await IMPORTS[locale]()).default;
}
