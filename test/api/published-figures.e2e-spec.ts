import { countRows } from './support/fixtures';
import { createTestApp, type TestApp } from './support/test-app';

// Google's current file, header as Google writes it (a space before one comma).
const GOOGLE_HEADER =
  'Period Ending,Country/Region,CLDR Territory Code,Requester,Number of Requests,Items Requested To Be Removed,% Removed-Legal,% Removed-Policy,% Content Not Found,% Not Enough Information ,% No Action Taken,% Content Already Removed';
const google = (...rows: string[]) => [GOOGLE_HEADER, ...rows].join('\r\n') + '\r\n';
const GOOGLE_2019 = google(
  '2019-06-30,South Korea,KR,Police,178,1373,2,65,5,10,18,',
  '2019-06-30,South Korea,KR,Court Order Directed at Google,12,40,50,0,0,0,50,0',
);

const HISTORICAL = [
  'Period Ending,Country,CLDR Territory Code,All Requests: Number of Requests,All Requests: % Fully Or Partially Complied With,All Requests: Items Requested To Be Removed,Court Orders: Number of Requests,Court Orders: % Fully Or Partially Complied With,Court Orders: Items Requested To Be Removed,"Other Requests (Executive, Police, etc.): Number of Requests","Other Requests (Executive, Police, etc.): % Fully Or Partially Complied With","Other Requests (Executive, Police, etc.): Items Requested To Be Removed"',
  '2010-12-31,South Korea,KR,42,88,,41,?,,<10,,',
].join('\n');

const DSA_COLUMNS = [
  'Applicability',
  'Service',
  'Reporting period',
  'Category of illegal content',
  'Description of the sub-category "Other"',
  'Scope',
  'Number of orders to act against illegal content received',
  'Number of specific items of information included in the total number of orders to act against illegal content',
  'Median time to inform the authority of the receipt of the order to act against illegal content',
  'Median time to give effect to the order to act against illegal content',
  'Number of orders to provide information',
  'Median time to inform the authority of the receipt of the order to provide information',
  'Median time to give effect to the order to provide information',
  'Contextual information on number of orders to act against illegal content received',
];
const dsa = (...rows: string[][]) =>
  [DSA_COLUMNS, ...rows].map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');

/** Published figures: each publisher's format read, stored once, revised with history, refused whole on bad input. */
describe('published figures: import', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = `Bearer ${await t.token('admin')}`;
  });
  afterAll(() => t.close());
  beforeEach(() => t.db.query('TRUNCATE published_figures, published_figure_revisions RESTART IDENTITY'));

  const upload = (csv: string, query: Record<string, string> = {}) =>
    t.http.post('/api/published-figures/import').query(query).set('Authorization', admin).set('Content-Type', 'text/csv').send(csv);
  const figures = async (filter: object = {}) =>
    (
      await t.http
        .get('/api/published-figures')
        .query({ filter: JSON.stringify(filter), range: '[0,999]', sort: '["id","ASC"]' })
        .set('Authorization', admin)
        .expect(200)
    ).body as {
      id: number;
      metric: string;
      value: number;
      valueText: string;
      requesterType: string | null;
      requester: string | null;
      revision: number;
      [k: string]: unknown;
    }[];

  it("should read Google's current file: one figure per cell, empty cells as zero, requesters in our types", async () => {
    const res = await upload(GOOGLE_2019, { sourceUrl: 'https://transparencyreport.google.com/government-removals' }).expect(200);
    expect(res.body).toEqual({ format: 'google_current', read: 2, added: 16, revised: 0, unchanged: 0 });
    const police = await figures({ requesterType: 'police' });
    expect(police).toHaveLength(8);
    expect(police.find((f) => f.metric === 'items_removed_policy_pct')).toMatchObject({
      publisher: 'Google',
      subject: 'Google',
      subjectKind: 'company',
      periodStart: '2019-01-01',
      periodEnd: '2019-06-30',
      jurisdiction: 'KR',
      requester: 'Police',
      value: 65,
      valueText: '65',
      unit: 'percent',
      source: 'google_current',
      sourceUrl: 'https://transparencyreport.google.com/government-removals',
      revision: 1,
    });
    expect(police.find((f) => f.metric === 'items_already_removed_pct')).toMatchObject({ value: 0, valueText: '0' });
    const court = await figures({ requesterType: 'court' });
    expect(court.find((f) => f.metric === 'requests')).toMatchObject({ requester: 'Court Order Directed at Google', value: 12 });
    const [{ sha }] = await t.db.query(`SELECT DISTINCT source_sha256 AS sha FROM published_figures`);
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should change nothing when the same file comes twice, and revise only what a corrected file changes', async () => {
    await upload(GOOGLE_2019).expect(200);
    const before = await t.db.query('SELECT * FROM published_figures ORDER BY id');
    expect((await upload(GOOGLE_2019).expect(200)).body).toEqual({
      format: 'google_current',
      read: 2,
      added: 0,
      revised: 0,
      unchanged: 16,
    });
    expect(await t.db.query('SELECT * FROM published_figures ORDER BY id')).toEqual(before);

    const corrected = GOOGLE_2019.replace('178,1373,2,65', '181,1373,2,65');
    expect((await upload(corrected).expect(200)).body).toEqual({ format: 'google_current', read: 2, added: 0, revised: 1, unchanged: 15 });
    const requests = (await figures({ requesterType: 'police', metric: 'requests' }))[0];
    expect(requests).toMatchObject({ value: 181, revision: 2 });
    const shown = await t.http.get(`/api/published-figures/${requests.id}`).set('Authorization', admin).expect(200);
    expect(shown.body.history).toEqual([expect.objectContaining({ revision: 1, value: 178, valueText: '178', source: 'google_current' })]);
    expect(await countRows(t, 'published_figures')).toBe(16);
  });

  it('should take the file as a multipart upload too', async () => {
    const res = await t.http
      .post('/api/published-figures/import')
      .set('Authorization', admin)
      .attach('file', Buffer.from(`\uFEFF${GOOGLE_2019}`), { filename: 'google-government-removal-requests.csv', contentType: 'text/csv' })
      .expect(200);
    expect(res.body).toMatchObject({ read: 2, added: 16 });
  });

  it("should read Google's historical file: a few as 1 to 9, unknown and empty cells left out, the composite requester kept as named", async () => {
    const res = await upload(HISTORICAL).expect(200);
    expect(res.body).toEqual({ format: 'google_historical', read: 1, added: 4, revised: 0, unchanged: 0 });
    const all = await figures();
    expect(all.map((f) => [f.requester, f.requesterType, f.metric, f.valueText])).toEqual([
      [null, null, 'requests', '42'],
      [null, null, 'requests_complied_pct', '88'],
      ['Court Orders', 'court', 'requests', '41'],
      ['Other Requests (Executive, Police, etc.)', null, 'requests', '<10'],
    ]);
    expect(all[0]).toMatchObject({ periodStart: '2010-07-01', periodEnd: '2010-12-31' });
  });

  it("should read a DSA table 3 file: per service, the EU's total and each country, the medians in hours", async () => {
    const res = await upload(
      dsa(
        [
          'Applicable',
          'YouTube',
          '2024-01-01/2024-06-30',
          'Protection of minors',
          '',
          'TOTAL',
          '120',
          '300',
          '2.5',
          '48',
          '7',
          '',
          '',
          'see note',
        ],
        ['Applicable', 'YouTube', '2024-01-01/2024-06-30', 'Protection of minors', '', 'EL', '3', '', '1', '30', '', '', '', ''],
        ['Not applicable', 'YouTube', 'nonsense', '', '', 'XX', 'x', '', '', '', '', '', '', ''],
      ),
      { publisher: 'Google Ireland' },
    ).expect(200);
    expect(res.body).toEqual({ format: 'dsa_table3', read: 3, added: 8, revised: 0, unchanged: 0 });
    const greece = await figures({ jurisdiction: 'GR' });
    expect(greece.map((f) => [f.metric, f.valueText])).toEqual([
      ['requests', '3'],
      ['median_hours_to_confirm_receipt', '1'],
      ['median_hours_to_give_effect', '30'],
    ]);
    expect(greece[0]).toMatchObject({
      publisher: 'Google Ireland',
      subject: 'YouTube',
      subjectKind: 'service',
      category: 'Protection of minors',
    });
    expect((await figures({ metric: 'info_orders' }))[0]).toMatchObject({ jurisdiction: null, value: 7 });
  });

  it('should read our own CSV and take a figure typed in with its source named', async () => {
    const ours =
      'publisher,subject,subjectKind,period,jurisdiction,requesterType,category,metric,value\nMeta,Facebook,service,2024-H1,KR,police,,requests,41\n';
    expect((await upload(ours).expect(200)).body).toMatchObject({ format: 'tracker_csv', read: 1, added: 1 });
    const typed = { publisher: 'Telegram', subject: 'Telegram', period: '2024-H2', jurisdiction: 'KR', metric: 'requests', value: 7 };
    const refused = await t.http.post('/api/published-figures').set('Authorization', admin).send(typed).expect(400);
    expect(refused.body).toMatchObject({ field: 'sourceUrl' });
    const made = await t.http
      .post('/api/published-figures')
      .set('Authorization', admin)
      .send({ ...typed, sourceUrl: 'Telegram transparency bot, read 2025-01-05' })
      .expect(201);
    expect(made.body).toMatchObject({
      subject: 'Telegram',
      subjectKind: 'company',
      periodStart: '2024-07-01',
      value: 7,
      source: 'form',
      revision: 1,
    });
    const template = await t.http.get('/api/published-figures/template.csv').set('Authorization', admin).expect(200);
    // Its first row is the figure imported above: the same figure, unchanged.
    expect((await upload(template.text).expect(200)).body).toEqual({ format: 'tracker_csv', read: 3, added: 2, revised: 0, unchanged: 1 });
  });

  it('should refuse a file of an unknown shape, listing the headers each format needs', async () => {
    const res = await upload('Country,Requests\nKR,3\n').expect(400);
    expect(res.body).toMatchObject({ code: 'import.unknown_format', field: 'file' });
    expect(res.body.expected.map((e: { format: string }) => e.format)).toEqual([
      'google_current',
      'google_historical',
      'dsa_table3',
      'tracker_csv',
    ]);
    expect(res.body.expected[0].headers).toContain('% Removed-Legal');
  });

  it.each([
    [
      'a count that is no number',
      '2019-06-30,South Korea,KR,Police,many,1373,2,65,5,10,18,',
      4,
      'Number of Requests',
      /"many" is not a number/,
    ],
    ['an unknown country code', '2019-06-30,Atlantis,XX,Police,178,1373,2,65,5,10,18,', 4, 'CLDR Territory Code', /not an ISO 3166-1/],
    [
      'a period that is no half-year',
      '2019-05-31,South Korea,KR,Police,178,1373,2,65,5,10,18,',
      4,
      'Period Ending',
      /not the end of a half-year/,
    ],
    ['a percentage over 100', '2019-06-30,South Korea,KR,Police,178,1373,2,165,5,10,18,', 4, '% Removed-Policy', /over 100/],
    ['a negative count', '2019-06-30,South Korea,KR,Police,-3,1373,2,65,5,10,18,', 4, 'Number of Requests', /negative/],
    ['an unknown requester', '2019-06-30,South Korea,KR,Navy,178,1373,2,65,5,10,18,', 4, 'Requester', /not one of Google's/],
  ])('should refuse %s naming the row and column, and store nothing of the file', async (_name, bad, line, field, message) => {
    const csv = google('2019-12-31,South Korea,KR,Police,100,200,1,50,0,0,49,0', '2019-12-31,Japan,JP,Police,5,9,0,0,0,0,100,0', bad);
    const res = await upload(csv).expect(400);
    expect(res.body).toMatchObject({ code: 'import.rows_invalid', params: { rows: 1 } });
    expect(res.body.errors).toEqual([expect.objectContaining({ line, field })]);
    expect(res.body.errors[0].message).toMatch(message);
    expect(await countRows(t, 'published_figures')).toBe(0);
  });

  it('should refuse a DSA period that is neither a half-year nor a date range', async () => {
    const res = await upload(dsa(['Applicable', 'YouTube', 'spring 2024', '', '', 'TOTAL', '1', '', '', '', '', '', '', ''])).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ line: 2, field: 'Reporting period' })]);
  });

  it('should let analysts import and keep liaison officers out', async () => {
    await upload(GOOGLE_2019)
      .set('Authorization', `Bearer ${await t.token('analyst')}`)
      .expect(200);
    await upload(GOOGLE_2019)
      .set('Authorization', `Bearer ${await t.token('liaison')}`)
      .expect(403);
    const [last] = await t.db.query(
      `SELECT a.action, a.after, u.role FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.entity = 'published_figures' ORDER BY a.id DESC LIMIT 1`,
    );
    expect(last).toEqual({ action: 'import', role: 'analyst', after: expect.objectContaining({ source: 'google_current', added: 16 }) });
  });
});
