import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../assets/locales/en.json';
import fr from '../../assets/locales/fr.json';
import type { LanguageSetting } from '../../app/ipc/contract';

/** Languages the UI ships. */
export const UI_LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/**
 * The UI language for a setting: an explicit choice, or the first of the OS/browser languages
 * that the UI ships (French for any fr-*), English otherwise.
 */
export function resolveLanguage(setting: LanguageSetting, preferred: readonly string[]): UiLanguage {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if ((UI_LANGUAGES as readonly string[]).includes(base ?? '')) return base as UiLanguage;
  }
  return 'en';
}

/** Initialises i18next with the shipped locale files. */
export async function initI18n(language: UiLanguage): Promise<i18n> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}
