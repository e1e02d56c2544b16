import { PDFParse } from 'pdf-parse';
import { renderComplianceReport } from './compliance-report';
import { renderConsultationBrief } from './consultation-brief';
import type { ComplianceReportModel, PlatformMetrics, WaitingRequest } from './model';

const metrics = (platform: string, over: Partial<PlatformMetrics> = {}): PlatformMetrics => ({
  platform,
  sent: 0,
  responded: 0,
  unanswered: 0,
  responseRate: null,
  medianResponseHours: null,
  p90ResponseHours: null,
  kmMedianResponseHours: null,
  overdue: 0,
  onTimeRate: null,
  itemsRequested: 0,
  itemsRemoved: 0,
  itemsStillOnline: 0,
  removedCompletely: 0,
  removedPartially: 0,
  notRemoved: 0,
  medianRemovalHours: null,
  ...over,
});

const telegramCase = (): WaitingRequest[] =>
  ['02-11', '03-04', '03-26', '04-20', '05-14', '06-22', '08-05'].map((d, i) => ({
    reference: `KNPA-2020-TG-0${i + 1}`,
    platform: 'Telegram',
    type: 'investigation',
    channel: 'email',
    sentAt: new Date(`2020-${d}T01:30:00Z`),
    daysWaiting: 100 + i,
    emails: 3,
    overdue: true,
  }));

const model2020 = (): ComplianceReportModel => ({
  title: 'Compliance report February–August 2020',
  agency: '경찰청 (Korean National Police Agency)',
  periodFrom: new Date('2020-02-01T00:00:00Z'),
  periodTo: new Date('2020-09-01T00:00:00Z'),
  asOf: new Date('2020-09-01T00:00:00Z'),
  generatedAt: new Date('2020-09-02T00:00:00Z'),
  dataSha256: 'a'.repeat(64),
  platforms: [metrics('Telegram', { sent: 7, unanswered: 7, responseRate: 0, onTimeRate: 0, overdue: 7 }), metrics('YouTube')],
  trend: [
    { period: '2020-02-01T00:00:00.000Z', sent: 1, responded: 0 },
    { period: '2020-03-01T00:00:00.000Z', sent: 2, responded: 0 },
  ],
  unanswered: telegramCase(),
  unansweredTotal: 7,
  consultations: [
    {
      heldAt: new Date('2020-07-01T00:00:00Z'),
      platform: 'Telegram',
      format: 'letter',
      title: '協議 — ひらがな test and Pemerintah Indonesia',
      actionItems: [{ ownerSide: 'platform', text: '미답변 요청에 회신', dueDate: '2020-08-01', state: 'missed' }],
    },
  ],
  crossCheck: [],
  crossCheckTotal: 0,
});

async function text(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const result = await parser.getText();
  await parser.destroy();
  // Lines wrap where the page is full: compare text with whitespace collapsed.
  return { text: result.text.replace(/\s+/g, ' '), pages: result.total };
}

describe('renderComplianceReport', () => {
  it('should show the 2020 Telegram case: 7 sent, 0 answered, 0 %, and list all seven requests', async () => {
    const { text: t } = await text(await renderComplianceReport(model2020()));
    expect(t).toContain('7 requests were sent to 1 platforms between 2020-02-01 and 2020-09-01');
    expect(t).toContain('Telegram: 7 sent, 0 answered (0.0 %), 7 overdue. It answered none of them.');
    expect(t).toContain('Unanswered requests (7)');
    for (let i = 1; i <= 7; i++) expect(t).toContain(`KNPA-2020-TG-0${i}`);
    expect(t).toMatch(/KNPA-2020-TG-01\s+Telegram\s+Investigative\s+assistance\s+Email\s+2020-02-11\s+3\s+100/);
  });

  it('should have a cover, page numbers, a methodology page and the data fingerprint', async () => {
    const { text: t, pages } = await text(await renderComplianceReport(model2020()));
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(t).toContain(`Page ${pages} of ${pages}`);
    expect(t).toContain('Methodology');
    expect(t).toContain('Kaplan-Meier');
    expect(t).toContain('a'.repeat(64));
  });

  it('should render Korean, Japanese and Indonesian text with the embedded font', async () => {
    const { text: t } = await text(await renderComplianceReport(model2020()));
    expect(t).toContain('경찰청');
    expect(t).toContain('미답변 요청에 회신');
    expect(t).toContain('ひらがな');
    expect(t).toContain('Pemerintah Indonesia');
  });

  it('should break a long table across pages and repeat its header on each', async () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ ...telegramCase()[0], reference: `LONG-${String(i).padStart(3, '0')}` }));
    const pdf = await renderComplianceReport({ ...model2020(), unanswered: many, unansweredTotal: 150 });
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const result = await parser.getText();
    await parser.destroy();
    const withRows = result.pages.filter((p) => /LONG-\d{3}/.test(p.text));
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const page of withRows) expect(page.text).toMatch(/Reference\s+Platform\s+Type\s+Channel\s+Sent\s+E-mails\s+Days waiting/);
    expect(result.text).toContain('LONG-000');
    expect(result.text).toContain('LONG-149');
  });

  it('should list the oldest requests and point to the CSV when there are very many', async () => {
    const { text: t } = await text(await renderComplianceReport({ ...model2020(), unansweredTotal: 25000 }));
    expect(t).toContain('Unanswered requests (25,000)');
    expect(t).toContain('The 7 oldest are listed; the CSV that comes with this report lists all 25,000.');
  });

  it('should give the same text for the same model', async () => {
    const [a, b] = await Promise.all([renderComplianceReport(model2020()), renderComplianceReport(model2020())]);
    expect((await text(a)).text).toBe((await text(b)).text);
  });
});

describe('renderConsultationBrief', () => {
  it('should list the open requests and open action items of one platform', async () => {
    const pdf = await renderConsultationBrief({
      platform: 'Telegram',
      asOf: new Date('2020-09-01T00:00:00Z'),
      generatedAt: new Date('2020-09-01T00:00:00Z'),
      dataSha256: 'b'.repeat(64),
      metrics: metrics('Telegram', { sent: 7, responseRate: 0 }),
      openRequests: telegramCase(),
      openRequestsTotal: 7,
      openActionItems: [
        {
          consultation: 'Letter',
          heldAt: new Date('2020-07-01T00:00:00Z'),
          ownerSide: 'platform',
          text: 'Answer the seven requests',
          dueDate: '2020-08-01',
          state: 'open',
        },
      ],
    });
    const { text: t } = await text(pdf);
    expect(t).toContain('Consultation brief: Telegram');
    expect(t).toContain('Open requests (7)');
    expect(t).toContain('Answer the seven requests');
  });
});
