import { METRIC_COLUMNS, metricCells, waitingList } from './compliance-report';
import { createDocument, heading, paragraph, table } from './document';
import { count, dateTime, day } from './format';
import type { ConsultationBriefModel } from './model';
import { THEME } from './theme';

/** For one platform: what to raise in the meeting — its numbers, open and overdue requests, open action items. */
export async function renderConsultationBrief(model: ConsultationBriefModel): Promise<Buffer> {
  const title = `Consultation brief: ${model.platform}`;
  const { doc, finish } = createDocument(title, model.generatedAt);
  doc.font('bold').fontSize(THEME.font.heading + 4).fillColor(THEME.colour.text).text(title);
  paragraph(doc, `As of ${dateTime(model.asOf)}. Data fingerprint (SHA-256): ${model.dataSha256}`, THEME.colour.muted);

  heading(doc, 'Responsiveness, all requests to date');
  table(doc, METRIC_COLUMNS, [metricCells(model.metrics)]);

  heading(doc, `Open requests (${count(model.openRequestsTotal)})`);
  waitingList(doc, model.openRequests, model.openRequestsTotal, 'No request is waiting for an answer.');

  heading(doc, `Open action items (${count(model.openActionItems.length)})`);
  if (model.openActionItems.length === 0) paragraph(doc, 'No open action item.');
  else
    table(
      doc,
      [{ header: 'Consultation', width: 0.28 }, { header: 'Owner', width: 0.12 }, { header: 'Action', width: 0.44 }, { header: 'Due', width: 0.16 }],
      model.openActionItems.map((a) => [`${day(a.heldAt)} ${a.consultation}`, a.ownerSide, a.text, a.dueDate ?? '–']),
      (i) => model.openActionItems[i].dueDate !== null && model.openActionItems[i].dueDate! < day(model.asOf),
    );
  return finish();
}
