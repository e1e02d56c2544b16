import { DEFAULT_LANGUAGE, type Language } from '../../domain/src';
import { metricCells, metricColumns, waitingList } from './compliance-report';
import { createDocument, heading, paragraph, table } from './document';
import { isoDay } from './format';
import { reportLocale } from './i18n';
import type { ConsultationBriefModel } from './model';
import { THEME } from './theme';
import { briefTitle } from './titles';

/** For one platform: what to raise in the meeting — its numbers, open and overdue requests, open action items. */
export async function renderConsultationBrief(model: ConsultationBriefModel, language: Language = DEFAULT_LANGUAGE): Promise<Buffer> {
  const locale = reportLocale(language);
  const { t, f, label } = locale;
  const title = briefTitle(language, model.platform);
  const { doc, finish } = createDocument(title, model.generatedAt, locale);
  doc
    .font('bold')
    .fontSize(THEME.font.heading + 4)
    .fillColor(THEME.colour.text)
    .text(title);
  paragraph(doc, t.brief.asOf(f.dateTime(model.asOf), model.dataSha256), THEME.colour.muted);

  heading(doc, t.brief.metricsHeading);
  table(doc, metricColumns(locale), [metricCells(locale, model.metrics)]);

  heading(doc, t.brief.openRequests(f.count(model.openRequestsTotal)));
  waitingList(doc, locale, model.openRequests, model.openRequestsTotal, t.brief.noOpenRequests);

  const items = model.openActionItems;
  heading(doc, t.brief.openActionItems(f.count(items.length)));
  const c = t.brief.columns;
  if (items.length === 0) paragraph(doc, t.brief.noOpenActionItems);
  else
    table(
      doc,
      [
        { header: c.consultation, width: 0.28 },
        { header: c.owner, width: 0.12 },
        { header: c.action, width: 0.44 },
        { header: c.due, width: 0.16 },
      ],
      items.map((a) => [`${f.day(a.heldAt)} ${a.consultation}`, label('ownerSide', a.ownerSide), a.text, f.calendarDay(a.dueDate)]),
      (i) => items[i].dueDate !== null && items[i].dueDate! < isoDay(model.asOf),
    );
  return finish();
}
