import { type EnumName, enumLabel, type Language, LANGUAGES } from '../../../domain/src';
import { type Formats, formats } from '../format';
import { en, type ReportTexts } from './en';
import { id } from './id';
import { ko } from './ko';

const TEXTS: Record<Language, ReportTexts> = { en, ko, id };

/** Everything a report needs to be written in one language: its texts, its numbers and dates, the domain's labels. */
export interface ReportLocale {
  language: Language;
  t: ReportTexts;
  f: Formats;
  /** The label of an enum value: a report never shows the raw value. */
  label: (name: EnumName, value: string) => string;
}

const LOCALES = new Map<Language, ReportLocale>(
  LANGUAGES.map((language) => [
    language,
    { language, t: TEXTS[language], f: formats(TEXTS[language].format), label: (name, value) => enumLabel(language, name, value) },
  ]),
);

export const reportLocale = (language: Language): ReportLocale => LOCALES.get(language)!;
