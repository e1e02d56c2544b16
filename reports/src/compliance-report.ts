import PDFDocument from 'pdfkit';
import { THEME } from './theme';

/** What a compliance report shows; the API builds it from the database, rendering stays pure. */
export interface ComplianceReportModel {
  title: string;
  periodFrom: Date;
  periodTo: Date;
  asOf: Date;
  generatedAt: Date;
  platforms: { platform: string; sent: number; responded: number; responseRate: number | null }[];
}

const day = (d: Date) => d.toISOString().slice(0, 10);
const percent = (rate: number | null) => (rate === null ? 'n/a' : `${(rate * 100).toFixed(1)} %`);

/** Renders the report to a PDF. The creation date comes from the model, so the same model gives the same bytes. */
export function renderComplianceReport(model: ComplianceReportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: THEME.margin,
    info: { Title: model.title, Producer: 'Platform compliance tracker', CreationDate: model.generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((ok, fail) => {
    doc.on('end', () => ok(Buffer.concat(chunks)));
    doc.on('error', fail);
  });

  doc.fillColor(THEME.colour.text).fontSize(THEME.font.title).text(model.title);
  doc
    .moveDown()
    .fontSize(THEME.font.body)
    .fillColor(THEME.colour.muted)
    .text(`Requests sent from ${day(model.periodFrom)} to ${day(model.periodTo)} (exclusive), answers counted as of ${model.asOf.toISOString()}.`);
  doc.moveDown().fillColor(THEME.colour.text);
  doc.table({
    data: [
      ['Platform', 'Sent', 'Answered', 'Response rate'],
      ...model.platforms.map((p) => [p.platform, String(p.sent), String(p.responded), percent(p.responseRate)]),
    ],
  });
  doc.end();
  return done;
}
