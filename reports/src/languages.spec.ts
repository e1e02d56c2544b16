import { PDFParse } from 'pdf-parse';
import type { Language } from '../../domain/src';
import { renderComplianceReport } from './compliance-report';
import { renderConsultationBrief } from './consultation-brief';
import type { ComplianceReportModel, ConsultationBriefModel, PlatformMetrics, WaitingRequest } from './model';
import { briefTitle, complianceTitle } from './titles';

const telegram: PlatformMetrics = {
  platform: 'Telegram',
  sent: 7,
  responded: 0,
  unanswered: 7,
  responseRate: 0,
  medianResponseHours: 12.5,
  p90ResponseHours: 100,
  kmMedianResponseHours: null,
  overdue: 7,
  onTimeRate: 0,
  itemsRequested: 2500,
  itemsRemoved: 1234,
  itemsStillOnline: 0,
  removedCompletely: 0,
  removedPartially: 0,
  notRemoved: 0,
  medianRemovalHours: null,
};

// Channels and formats whose values have an underscore: the ones a report used to print raw.
const waiting = (): WaitingRequest[] =>
  ['02-11', '03-04', '03-26', '04-20', '05-14', '06-22', '08-05'].map((d, i) => ({
    reference: `KNPA-2020-TG-0${i + 1}`,
    platform: 'Telegram',
    type: 'investigation',
    channel: i % 2 === 0 ? 'web_form' : 'in_person',
    sentAt: new Date(`2020-${d}T01:30:00Z`),
    daysWaiting: 100 + i,
    emails: 3,
    overdue: true,
  }));

const report = (): ComplianceReportModel => ({
  title: '2020 상반기',
  agency: '경찰청',
  periodFrom: new Date('2020-02-01T00:00:00Z'),
  periodTo: new Date('2020-09-01T00:00:00Z'),
  asOf: new Date('2020-09-01T00:00:00Z'),
  generatedAt: new Date('2020-09-02T00:00:00Z'),
  dataSha256: 'a'.repeat(64),
  platforms: [telegram],
  trend: [{ period: '2020-02-01T00:00:00.000Z', sent: 1, responded: 0 }],
  unanswered: waiting(),
  unansweredTotal: 25000,
  consultations: [
    {
      heldAt: new Date('2020-07-01T00:00:00Z'),
      platform: 'Telegram',
      format: 'in_person',
      title: '협의',
      actionItems: [
        { ownerSide: 'platform', text: '회신', dueDate: '2020-08-01', state: 'missed' },
        { ownerSide: 'regulator', text: '점검', dueDate: null, state: 'open' },
      ],
    },
  ],
  crossCheck: [],
  crossCheckTotal: 0,
});

const brief = (): ConsultationBriefModel => ({
  platform: 'Telegram',
  asOf: new Date('2020-09-01T00:00:00Z'),
  generatedAt: new Date('2020-09-01T00:00:00Z'),
  dataSha256: 'b'.repeat(64),
  metrics: telegram,
  openRequests: waiting(),
  openRequestsTotal: 7,
  openActionItems: [
    {
      consultation: '협의',
      heldAt: new Date('2020-07-01T00:00:00Z'),
      ownerSide: 'regulator',
      text: '점검',
      dueDate: '2020-08-01',
      state: 'open',
    },
  ],
});

async function text(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  const result = await parser.getText();
  await parser.destroy();
  return result.text.replace(/\s+/g, ' ');
}

const rendered = async (language: Language) => {
  const [reportPdf, briefPdf] = await Promise.all([renderComplianceReport(report(), language), renderConsultationBrief(brief(), language)]);
  return { reportPdf, report: await text(reportPdf), brief: await text(briefPdf) };
};

/** Enum values of the fixtures, as they are stored; a report shows their labels instead. */
const RAW = ['investigation', 'web_form', 'in_person', 'platform', 'regulator', 'missed', 'open'];
/** The raw values a text shows; "platform" is also a word of English and Indonesian sentences. */
const rawIn = (language: Language, ...texts: string[]) =>
  RAW.filter((raw) => !(raw === 'platform' && language !== 'ko') && texts.some((t) => new RegExp(`\\b${raw}\\b`).test(t)));

describe('reports in Korean', () => {
  let ko: Awaited<ReturnType<typeof rendered>>;
  beforeAll(async () => {
    ko = await rendered('ko');
  });

  it('should translate the cover, headings, summary, tables, charts and methodology', () => {
    for (const heading of ['요약', '플랫폼별 응답 현황', '플랫폼별 응답률', '월별 요청 발송 및 응답', '기간 중 열린 협의', '산정 방법'])
      expect(ko.report).toContain(heading);
    expect(ko.report).toContain('2020. 2. 1.부터 2020. 9. 1. 전까지 발송한 요청');
    expect(ko.report).toContain('Telegram: 발송 7건, 응답 0건(0.0%), 기한 초과 7건. 한 건도 응답하지 않았습니다.');
    expect(ko.report).toMatch(/요청 번호 플랫폼 유형 발송 경로 발송일 보낸 메일 대기 일수/);
    expect(ko.report).toContain('1 / 4쪽');
    // The domain's rules in the methodology: which events answer a request, and the deadlines.
    // pdfkit may wrap Korean inside a word, so this long one is compared without spaces.
    expect(ko.report.replace(/\s+/g, '')).toContain('플랫폼측기록(접수확인,추가정보요청,처리결과,거부,메일회신수신)');
    expect(ko.report).toContain('따로 정하지 않으면 72시간, 아동 성착취물은 항상 24시간');
    for (const english of ['Summary', 'Methodology', 'Generated', 'Page']) expect(ko.report).not.toContain(english);
  });

  it('should show enum values by their Korean labels, never raw', () => {
    expect(ko.report).toMatch(/KNPA-2020-TG-01 Telegram 수사 협조 웹 양식 2020\. 2\. 11\. 3 100/);
    expect(ko.report).toMatch(/KNPA-2020-TG-02 Telegram 수사 협조 대면 2020\. 3\. 4\. 3 101/);
    expect(ko.report).toContain('2020. 7. 1. · Telegram · 대면 · 협의');
    expect(ko.report).toMatch(/플랫폼 회신 2020\. 8\. 1\. 미이행/);
    expect(ko.report).toMatch(/규제 기관 점검 – 진행 중/);
    expect(rawIn('ko', ko.report, ko.brief)).toEqual([]);
  });

  it('should format numbers and dates for Korean', () => {
    expect(ko.report).toContain('미답변 요청 (25,000건)');
    expect(ko.report).toContain('CSV에는 25,000건이 모두 들어 있습니다');
    expect(ko.report).toMatch(/12\.5시간 4\.2일 도달하지 않음 1,234 \/ 2,500/);
    expect(ko.report).toContain('생성 시각: 2020. 9. 2. 00:00 UTC');
  });

  it('should embed the Korean font and declare the document Korean', () => {
    const pdf = ko.reportPdf.toString('latin1');
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansKR-Regular/);
    expect(pdf).toContain('/Lang (ko)');
  });

  it('should translate the consultation brief', () => {
    expect(ko.brief).toContain('협의 브리핑 자료: Telegram');
    expect(ko.brief).toContain('2020. 9. 1. 00:00 UTC 기준. 데이터 지문(SHA-256)');
    expect(ko.brief).toContain('응답 현황(현재까지의 모든 요청)');
    expect(ko.brief).toContain('응답 대기 요청 (7건)');
    expect(ko.brief).toContain('진행 중인 후속 조치 (1건)');
    expect(ko.brief).toMatch(/2020\. 7\. 1\. 협의 규제 기관 점검 2020\. 8\. 1\./);
  });
});

describe('reports in Indonesian', () => {
  let id: Awaited<ReturnType<typeof rendered>>;
  beforeAll(async () => {
    id = await rendered('id');
  });

  it('should translate the cover, headings, summary, tables, charts and methodology', () => {
    for (const heading of [
      'Ringkasan',
      'Responsivitas per platform',
      'Tingkat respons per platform',
      'Permintaan dikirim dan dijawab, per bulan',
      'Konsultasi dalam periode ini',
      'Metodologi',
    ]) {
      expect(id.report).toContain(heading);
    }
    expect(id.report).toContain('Permintaan yang dikirim sejak 1 Feb 2020 hingga sebelum 1 Sep 2020');
    expect(id.report).toContain('Telegram: 7 dikirim, 0 dijawab (0,0%), 7 lewat tenggat. Tidak satu pun dijawab.');
    expect(id.report).toContain('Halaman 1 dari 4');
    expect(id.report).toContain('peristiwa dari pihak platform (diterima, meminta informasi, hasil, ditolak, balasan email diterima)');
    for (const english of ['Summary', 'Methodology', 'Generated', 'Page']) expect(id.report).not.toContain(english);
  });

  it('should show enum values by their Indonesian labels, never raw', () => {
    expect(id.report).toMatch(/KNPA-2020-TG-01 Telegram Bantuan penyidikan Formulir web 11 Feb 2020 3 100/);
    expect(id.report).toContain('1 Jul 2020 · Telegram · Tatap muka · 협의');
    expect(id.report).toMatch(/Platform 회신 1 Agu 2020 Terlewat/);
    expect(id.report).toMatch(/Regulator 점검 – Terbuka/);
    expect(rawIn('id', id.report, id.brief)).toEqual([]);
  });

  it('should format numbers and dates for Indonesian', () => {
    expect(id.report).toContain('Permintaan belum dijawab (25.000)');
    expect(id.report).toMatch(/12,5 jam 4,2 hari tidak tercapai 1\.234 \/ 2\.500/);
    expect(id.report).toContain('Dibuat 2 Sep 2020, 00.00 UTC');
  });

  it('should translate the consultation brief', () => {
    expect(id.brief).toContain('Bahan konsultasi: Telegram');
    expect(id.brief).toContain('Permintaan terbuka (7)');
    expect(id.brief).toContain('Tindak lanjut terbuka (1)');
    expect(id.brief).toMatch(/1 Jul 2020 협의 Regulator 점검 1 Agu 2020/);
  });
});

describe('reports in English', () => {
  it('should show enum values by their English labels, never raw', async () => {
    const en = await rendered('en');
    expect(en.report).toMatch(/KNPA-2020-TG-01 Telegram Investigative assistance Web form 2020-02-11 3 100/);
    expect(en.report).toContain('2020-07-01 · Telegram · In person · 협의');
    expect(en.report).toMatch(/Platform 회신 2020-08-01 Missed/);
    expect(en.brief).toMatch(/2020-07-01 협의 Regulator 점검 2020-08-01/);
    expect(rawIn('en', en.report, en.brief)).toEqual([]);
  });
});

describe('default titles', () => {
  const from = new Date('2020-02-01T00:00:00Z');
  const to = new Date('2020-09-01T00:00:00Z');

  it.each([
    ['en', 'Compliance report 2020-02 to 2020-08', 'Consultation brief: Telegram'],
    ['ko', '협조 이행 보고서 (2020. 2.~2020. 8.)', '협의 브리핑 자료: Telegram'],
    ['id', 'Laporan kepatuhan Feb 2020 s.d. Agu 2020', 'Bahan konsultasi: Telegram'],
  ] as const)('should name the kind and the months in %s', (language, compliance, consultation) => {
    expect(complianceTitle(language, from, to)).toBe(compliance);
    expect(briefTitle(language, 'Telegram')).toBe(consultation);
  });
});
