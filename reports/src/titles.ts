import type { Language } from '../../domain/src';
import { reportLocale } from './i18n';

/** The title of a compliance report given none: its kind and the months of the period [from, to) ("Compliance report 2020-02 to 2020-08"). */
export function complianceTitle(language: Language, from: Date, to: Date): string {
  const { t, f, label } = reportLocale(language);
  return t.titles.compliance(label('reportKind', 'compliance'), f.month(from), f.month(new Date(to.getTime() - 1)));
}

/** "Consultation brief: Telegram". */
export function briefTitle(language: Language, platform: string): string {
  const { t, label } = reportLocale(language);
  return t.titles.brief(label('reportKind', 'consultation_brief'), platform);
}
