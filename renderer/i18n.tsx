// Process: renderer. The guest's language for every view, from the settings (or the OS).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { translate, type Language, type MessageKey, type Params } from '../common/i18n';

export type Translate = (key: MessageKey, params?: Params) => string;

export const LanguageContext = createContext<Language>('en');

export function useT(): Translate {
  const language = useContext(LanguageContext);
  return (key, params) => translate(language, key, params);
}

export function useLanguage(): Language {
  return useContext(LanguageContext);
}
