import { PDFParse } from 'pdf-parse';
import {
  type CrossCheckRow,
  crossCheckFindings,
  derivedFromPublished,
  findingText,
  type Language,
  type MetricUnit,
  type OurFigures,
  publishedInterval,
  type PublishedValue,
} from '../../domain/src';
import { renderComplianceReport } from './compliance-report';
import type { ComplianceReportModel } from './model';

const figure = (text: string, unit: MetricUnit): PublishedValue => ({ value: Number(text), text, unit, ...publishedInterval(text, unit) });

/**
 * Google's first half of 2020 for Korea's police, as its CSV gives it (an empty cell is 0), beside a
 * ledger that sent more requests and saw fewer items removed: the row is built by the domain's own
 * rules, as the API builds it, in the report's language.
 */
function googleRow(language: Language): CrossCheckRow {
  const published = {
    requests: figure('3', 'count'),
    items: figure('1373', 'count'),
    items_removed_legal_pct: figure('65', 'percent'),
    items_removed_policy_pct: figure('0', 'percent'),
  };
  const derived = derivedFromPublished(published);
  const ours: OurFigures = {
    requests: 7,
    infoOrders: 2,
    items: 1400,
    itemsRemoved: 700,
    itemsRemovedLegal: 100,
    itemsRemovedPolicy: 600,
    itemsRemovedPct: 50,
    medianHoursToConfirmReceipt: 30.5,
    kmMedianHoursToConfirmReceipt: 52,
    medianHoursToGiveEffect: 100,
    kmMedianHoursToGiveEffect: null,
    platforms: [{ id: 1, name: 'YouTube' }],
  };
  const { findings, explanations, difference } = crossCheckFindings(
    { published, derived, ours, subjectKind: 'company', category: null },
    true,
  );
  const words = (f: (typeof findings)[number]) => ({ ...f, message: findingText(language, f.code, f.params) });
  return {
    publisher: 'Google',
    subject: 'Google',
    subjectKind: 'company',
    periodStart: '2020-01-01',
    periodEnd: '2020-06-30',
    jurisdiction: 'KR',
    requesterType: 'police',
    requester: 'Police',
    category: null,
    published,
    derived,
    ours,
    difference,
    findings: findings.map(words),
    explanations: explanations.map(words),
  };
}

const model = (crossCheck: CrossCheckRow[], crossCheckTotal = crossCheck.length): ComplianceReportModel => ({
  title: 'Compliance report 2020-01 to 2020-06',
  agency: 'Korean National Police Agency',
  periodFrom: new Date('2020-01-01T00:00:00Z'),
  periodTo: new Date('2020-07-01T00:00:00Z'),
  asOf: new Date('2020-07-01T00:00:00Z'),
  generatedAt: new Date('2020-07-02T00:00:00Z'),
  dataSha256: 'c'.repeat(64),
  platforms: [],
  trend: [],
  unanswered: [],
  unansweredTotal: 0,
  consultations: [],
  crossCheck,
  crossCheckTotal,
});

async function text(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const result = await parser.getText();
  await parser.destroy();
  return result.text.replace(/\s+/g, ' ');
}

const rendered = (language: Language, rows = [googleRow(language)], total?: number) =>
  renderComplianceReport(model(rows, total), language).then(text);

describe('what the platforms say and what we recorded', () => {
  it('should set the published figures beside ours, with the range rounding allows, the findings and their explanations (English)', async () => {
    const t = await rendered('en');
    expect(t).toContain('What the platforms say and what we recorded');
    expect(t).toContain('Google · Google · 2020-H1 · KR · Police');
    // 65 % of 1,373 items is 886 to 899, and a published 0 % is up to 0.5 %, up to 6 more items.
    expect(t).toMatch(/Published 3 1,373 886–905 64\.5–66\.0 % – –/);
    expect(t).toMatch(/Recorded by us 7 1,400 700 50\.0 % 30\.5 h KM 52\.0 h 100\.0 h KM not reached/);
    expect(t).toContain('• The platform reports 3 requests; we recorded 7 sent in this scope. It may be under-reporting.');
    expect(t).toContain('• The platform reports 65.3% of items removed; we observed 50%.');
    expect(t).toContain('Platforms count requests by the date they received them; we count by the date we sent them.');
    expect(t).toContain('Published percentages are rounded; the comparison allows for the range each one stands for.');
    // The methodology explains ours, with the example worked out by the domain's rule.
    expect(t).toContain('orders to act against content (removal, blocking), counted apart from orders to provide information');
    expect(t).toContain('restricted on legal grounds (geo-blocked) or taken down under the platform');
    expect(t).toContain('65 % of 1,373 items is 886 to 899 items (65 stands for 64.5 to 65.5)');
    expect(t).toContain('more than 10 percentage points');
  });

  it('should write the section in Korean, numbers and dates included', async () => {
    const t = await rendered('ko');
    expect(t).toContain('플랫폼이 밝힌 수치와 우리가 기록한 수치');
    expect(t).toContain('Google · Google · 2020년 상반기 · KR · 경찰');
    expect(t).toMatch(/플랫폼 공개 3 1,373 886–905 64\.5–66\.0% – –/);
    expect(t).toMatch(/우리 기록 7 1,400 700 50\.0% 30\.5시간 KM 52\.0시간 100\.0시간 KM 도달하지 않음/);
    expect(t).toContain('플랫폼은 요청 3건을 받았다고 공개했지만, 같은 범위에서 우리가 발송한 요청은 7건입니다.');
    expect(t).toContain('플랫폼은 요청을 받은 날짜로 세고, 우리는 발송한 날짜로 셉니다.');
    expect(t).toContain('항목 1,373개의 65%는 886~899개입니다');
    for (const english of ['Published', 'Recorded by us', 'What the platforms say']) expect(t).not.toContain(english);
  });

  it('should write the section in Indonesian', async () => {
    const t = await rendered('id');
    expect(t).toContain('Apa kata platform dan apa yang kami catat');
    expect(t).toContain('Google · Google · Semester 1 2020 · KR · Polisi');
    expect(t).toMatch(/Dipublikasikan 3 1\.373 886–905 64,5–66,0% – –/);
    expect(t).toContain('65% dari 1.373 konten adalah 886 hingga 899 konten (65 mewakili 64,5 hingga 65,5)');
  });

  it('should say so when no figures are published for the scope, and how to add them', async () => {
    const t = await rendered('en', []);
    expect(t).toContain("No figures published by the platforms are recorded for this report's period and platforms.");
    expect(t).toContain("import the platforms' transparency files");
    expect(await rendered('ko', [])).toContain('이 보고서의 기간과 플랫폼에 대해 기록된 플랫폼 공개 수치가 없습니다.');
  });

  it('should say how many publisher periods are left out when there are many', async () => {
    const t = await rendered('en', [googleRow('en')], 45);
    expect(t).toContain('The 1 most recent published periods are shown; 44 more are not.');
  });

  it('should say when a gap is within what rounding and the thresholds allow', async () => {
    const row = googleRow('en');
    const t = await rendered('en', [{ ...row, findings: [], explanations: [] }]);
    expect(t).toContain('No gap beyond what the rounding and the thresholds of the methodology allow.');
  });
});
