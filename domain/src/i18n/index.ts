import { type ErrorBody, type ErrorParams, interpolate } from '../errors';
import type { ExplanationCode, FindingCode } from '../transparency';
import type { EnumName } from '../vocabulary';
import { type DomainMessages, en, type PublicDataTexts } from './en';
import { id } from './id';
import { ko } from './ko';

/** The languages the console and the reports are written in. */
export const LANGUAGES = ['en', 'ko', 'id'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's name, written in that language (language menus, the public pages' language links). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ko: '한국어', id: 'Bahasa Indonesia' };

export const DOMAIN_MESSAGES: Record<Language, DomainMessages> = { en, ko, id };
export type { DomainMessages, PublicDataTexts };

export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

/** The first supported language of an Accept-Language header ("ko-KR,ko;q=0.9,en;q=0.8"), else the default. */
export function languageFrom(acceptLanguage: string | undefined | null): Language {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = Number(
        rest
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: Number.isFinite(q) ? q : 0 };
    })
    .sort((a, b) => b.q - a.q);
  return (ranked.find((r) => isLanguage(r.lang))?.lang as Language | undefined) ?? DEFAULT_LANGUAGE;
}

/** The label of an enum value in a language; the value itself only if it is not in the vocabulary. */
export const enumLabel = (language: Language, name: EnumName, value: string): string =>
  (DOMAIN_MESSAGES[language].enums[name] as Record<string, string>)[value] ?? value;

/** Error parameters that are enum values, shown by their label. */
const ENUM_PARAMS: Record<string, EnumName> = { status: 'status', kind: 'eventKind', role: 'role' };

/** An API error in the reader's language, from its code and parameters (the English message when the code is unknown). */
export function errorText(language: Language, body: Pick<ErrorBody, 'code' | 'message' | 'field' | 'params'>): string {
  const template = (DOMAIN_MESSAGES[language].errors as Record<string, string>)[body.code];
  if (!template) return body.message;
  const params: ErrorParams = { field: body.field ?? '', ...body.params };
  for (const [param, name] of Object.entries(ENUM_PARAMS)) {
    if (typeof params[param] === 'string') params[param] = enumLabel(language, name, params[param] as string);
  }
  return interpolate(template, params);
}

/** A cross-check finding or explanation in the reader's language. */
export const findingText = (language: Language, code: FindingCode | ExplanationCode, params: ErrorParams = {}): string =>
  interpolate(DOMAIN_MESSAGES[language].findings[code], params);
