import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import { en } from './en';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../domain/src';

export const LOCALES = LANGUAGES.map((locale) => ({ locale, name: LANGUAGE_NAMES[locale] }));

export const englishAll = { ...englishMessages, ...en } as unknown as TranslationMessages;

/** Korean and Indonesian are loaded when first chosen, so the main bundle carries English only. */
export async function loadMessages(locale: string): Promise<TranslationMessages> {
  if (locale === 'ko') {
    const [{ raKo }, { ko }] = await Promise.all([import('./ra-ko'), import('./ko')]);
    return { ...raKo, ...ko } as unknown as TranslationMessages;
  }
  if (locale === 'id') {
    const [{ raId }, { id }] = await Promise.all([import('./ra-id'), import('./id')]);
    return { ...raId, ...id } as unknown as TranslationMessages;
  }
  return englishAll;
}

export const i18nProvider = polyglotI18nProvider((locale) => (locale === 'en' ? englishAll : loadMessages(locale)), 'en', LOCALES);
