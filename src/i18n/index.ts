/** i18next setup: both UI locales are bundled (a few KB); lesson text is compiled content. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../lib/lang';
import en from './locales/en';
import ru from './locales/ru';

export const resources = { en: { translation: en }, ru: { translation: ru } } as const;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'ru'],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  // A key missing everywhere must never show a raw key path to a student.
  parseMissingKeyHandler: () => '',
});

export function changeLanguage(lang: Lang): void {
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}
