import PDFDocument from 'pdfkit';
import type { ReportLocale } from './i18n';
import { THEME } from './theme';

export type Doc = PDFKit.PDFDocument;

/**
 * An A4 document in one language with the report fonts registered, its creation date fixed (same data,
 * same text), and a running header and "page x of y" footer added to every page but the cover when it
 * is finished.
 */
export function createDocument(
  title: string,
  generatedAt: Date,
  { language, t, f }: ReportLocale,
): { doc: Doc; finish: () => Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    lang: language, // for screen readers and text extraction
    margins: { top: THEME.margin + THEME.headerHeight, bottom: THEME.margin + 10, left: THEME.margin, right: THEME.margin },
    bufferPages: true,
    info: { Title: title, Producer: 'Platform compliance tracker', Creator: 'Platform compliance tracker', CreationDate: generatedAt },
  });
  doc.registerFont('body', THEME.fonts.regular);
  doc.registerFont('bold', THEME.fonts.bold);
  doc.font('body').fontSize(THEME.font.body).fillColor(THEME.colour.text);

  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<Buffer>((ok, fail) => {
    doc.on('end', () => ok(Buffer.concat(chunks)));
    doc.on('error', fail);
  });

  const finish = () => {
    const { start, count } = doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing in the margin must not start a new page
      const width = doc.page.width - 2 * THEME.margin;
      doc.font('body').fontSize(THEME.font.small).fillColor(THEME.colour.muted);
      if (i > start) {
        doc.text(title, THEME.margin, THEME.margin - 8, { width, lineBreak: false });
        doc
          .moveTo(THEME.margin, THEME.margin + 6)
          .lineTo(THEME.margin + width, THEME.margin + 6)
          .strokeColor(THEME.colour.rule)
          .lineWidth(0.5)
          .stroke();
      }
      const footerY = doc.page.height - THEME.margin + 12;
      doc.text(t.document.generated(f.dateTime(generatedAt)), THEME.margin, footerY, { width, lineBreak: false });
      doc.text(t.document.page(f.count(i - start + 1), f.count(count)), THEME.margin, footerY, { width, align: 'right', lineBreak: false });
      doc.page.margins.bottom = bottom;
    }
    doc.end();
    return ended;
  };
  return { doc, finish };
}

export function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.8).font('bold').fontSize(THEME.font.heading).fillColor(THEME.colour.text).text(text, THEME.margin);
  doc.moveDown(0.3).font('body').fontSize(THEME.font.body);
}

export function paragraph(doc: Doc, text: string, colour: string = THEME.colour.text): void {
  doc
    .font('body')
    .fontSize(THEME.font.body)
    .fillColor(colour)
    .text(text, THEME.margin, undefined, { width: contentWidth(doc) });
  doc.moveDown(0.4);
}

export const contentWidth = (doc: Doc) => doc.page.width - 2 * THEME.margin;

export interface Column {
  header: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right';
}

/**
 * A table that breaks across pages and repeats its header on each. `highlight` marks rows to draw in
 * the danger colour (e.g. overdue requests).
 */
export function table(doc: Doc, columns: Column[], rows: string[][], highlight?: (row: number) => boolean): void {
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const padding = 3;
  // Headers in the small size, so that one word fits its column and wraps only between words.
  const sizeOf = (font: string) => (font === 'bold' ? THEME.font.small : THEME.font.body);
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(sizeOf(font));
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i] - 2 * padding }))) + 2 * padding;
  };
  const drawRow = (cells: string[], font: string, colour: string, band: boolean) => {
    const height = rowHeight(cells, font);
    const y = doc.y;
    if (band) doc.rect(THEME.margin, y, total, height).fill(THEME.colour.band);
    let x = THEME.margin;
    cells.forEach((cell, i) => {
      doc.font(font).fontSize(sizeOf(font)).fillColor(colour);
      doc.text(cell, x + padding, y + padding, { width: widths[i] - 2 * padding, align: columns[i].align ?? 'left' });
      x += widths[i];
    });
    doc.y = y + height;
    doc.x = THEME.margin;
  };
  doc.font('bold').fontSize(sizeOf('bold'));
  const headers = columns.map((c, i) => betweenWords(doc, c.header, widths[i] - 2 * padding));
  const drawHeader = () => {
    drawRow(headers, 'bold', THEME.colour.text, false);
    doc
      .moveTo(THEME.margin, doc.y)
      .lineTo(THEME.margin + total, doc.y)
      .strokeColor(THEME.colour.text)
      .lineWidth(0.7)
      .stroke();
  };
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  if (doc.y + 2 * rowHeight(headers, 'bold') > bottom()) doc.addPage();
  drawHeader();
  rows.forEach((cells, r) => {
    if (doc.y + rowHeight(cells, 'body') > bottom()) {
      doc.addPage();
      drawHeader();
    }
    drawRow(cells, 'body', highlight?.(r) ? THEME.colour.danger : THEME.colour.text, r % 2 === 1);
  });
  doc.moveDown(0.5);
}

/**
 * The text with line breaks between words where a line would overflow `width` in the current font:
 * pdfkit also breaks between any two Hangul syllables, which splits a Korean word in a narrow column.
 */
function betweenWords(doc: Doc, text: string, width: number): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && doc.widthOfString(`${lines[last]} ${word}`) <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}
