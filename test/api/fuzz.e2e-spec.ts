import { REQUEST_CSV_COLUMNS } from '../../domain/src';
import fc from 'fast-check';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Random and mutated bodies on every write route of the OpenAPI document, as the admin (so that
 * permissions never hide validation): no answer may be a 5xx, every 4xx must carry the error shape,
 * and afterwards the database must hold exactly the records whose writes were acknowledged.
 */

const SEED = 20240901;

type Method = 'post' | 'put' | 'patch' | 'delete';
interface Route {
  key: string;
  method: Method;
  path: string;
  /** A path parameter's name and OpenAPI type. */
  params: { name: string; type?: string }[];
  /** The first path segment after /api ("requests"). */
  resource: string;
  /** A body shaped by the route's OpenAPI schema, for routes this file has no valid body for. */
  schemaExample: unknown;
}

/** Requests per route: enough to reach odd corners, few enough to keep the file near a minute on two cores. */
function runsFor(route: Route): number {
  if (route.method === 'delete' || route.resource === 'jobs') return 40; // the body is ignored: ids vary
  if (route.resource === 'auth') return 60; // each sign-in hashes a password
  if (route.resource === 'reports') return 120; // each report acknowledged is built in the background
  return 300;
}

/** Ids that name nothing, or are not ids at all. */
const BOGUS_IDS = [
  '999999',
  '0',
  '-1',
  'abc',
  '1.5',
  '1e3',
  '0x1F',
  '2147483648',
  '99999999999999999999',
  ' 7',
  '7 ',
  '\u0000',
  'null',
  '🐛',
  '1; DROP TABLE users',
  '../1',
];
/** Names (of jobs) that name nothing; a real job writes on its own (jobs.e2e runs them). */
const BOGUS_NAMES = ['no-such-job', '..', 'deadline-sweep\u0000', 'x'.repeat(500), '🐛', '%', '<script>'];

const ODD_STRINGS = [
  '',
  ' ',
  '\t\n',
  'x'.repeat(100_000),
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\uffff',
  '🏳️‍🌈'.repeat(100),
  'ß'.repeat(5000),
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-0',
  '0x1F',
  '1_000',
  '٣',
  '１２',
  ' 42 ',
  '42abc',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  'true',
  'null',
  '[]',
  '{}',
  '2024-02-30T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-01-01',
  '2024-01-01T25:00:00Z',
  '31/01/2024',
  '01/31/2024 10:00',
  'Jan 31 2024',
  '1706659200',
  '1706659200000',
  '20240131T000000Z',
  '2024-W05-3',
  '2024-031',
  '+002024-01-31T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.001Z',
  '2024-01-31T00:00:00+14:00',
  '2024-01-31T00:00:00-12:00',
  '2024-01-31T00:00:00.123456789Z',
  '2024-01-31t00:00:00z',
  '1970-01-01T00:00:00Z',
  'now',
  "'; DROP TABLE requests; --",
  '%s%s%n',
  '${7*7}',
  '<script>alert(1)</script>',
  '../../../etc/passwd',
  'javascript:alert(1)',
  'http://',
  'https://[::1]:99999/',
  `https://example.com/${'a'.repeat(3000)}`,
  'mailto:x@example.com',
  'a@b',
  'ADMIN@TEST.LOCAL',
  '=HYPERLINK("http://x")',
  '"unterminated',
  'a,b;c',
  'line\nbreak',
];
const ODD_OTHERS: unknown[] = [
  null,
  true,
  false,
  -1,
  0,
  0.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
  [],
  {},
  [null],
  [[[]]],
  { id: 1 },
  ['a', 1, null],
  { $gt: '' },
  { toString: 'x' },
];

const fieldName = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'valueOf',
    'hasOwnProperty',
    'id',
    'version',
    'createdAt',
    'role',
    'isAdmin',
    '',
  ),
);
const oddValue = fc.oneof(
  fc.constantFrom(...ODD_STRINGS, ...ODD_OTHERS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.date({ noInvalidDate: false }),
);
const leaf = fc.oneof(oddValue, fc.jsonValue({ maxDepth: 2 }));
const randomJson = fc.oneof(
  fc.anything({
    maxDepth: 3,
    key: fieldName,
    withNullPrototype: true,
    withObjectString: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
    withSparseArray: true,
    withTypedArray: true,
    withDate: true,
  }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.array(leaf, { maxLength: 20 }),
  fc.dictionary(fieldName, leaf, { maxKeys: 10 }),
  oddValue,
);

const RAW_JSON = [
  '',
  '{',
  '{"a":',
  '}',
  '[1,]',
  '{"a":1,}',
  "{'a':1}",
  'undefined',
  'NaN',
  '-Infinity',
  'null',
  'true',
  '0',
  '"text"',
  '{"a":1}{"b":2}',
  '\uFEFF{}',
  '{"name":"\\ud800"}',
  '{"name":"\\u0000"}',
  '{"a":1e999}',
  '{"a":-1e999}',
  '{"id":1,"id":2}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":{"__proto__":{"polluted":"yes"}}}',
  `${'['.repeat(20_000)}${']'.repeat(20_000)}`,
  `${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}`,
  `{"items":[${Array(3000).fill('{"url":"https://example.com/a"}').join(',')}]}`,
  `{"a":"${'x'.repeat(200_000)}"}`,
];
const MULTIPART = (boundary: string, content: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="requests.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
const rawBody = fc.oneof(
  fc.constantFrom(...RAW_JSON).map((data) => ({ type: 'application/json', data })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((data) => ({ type: 'application/json', data })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ type: 'application/json', data: Buffer.from(bytes) })),
  fc.record({
    type: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/xml',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json; charset=bogus',
      'application/merge-patch+json',
      'text/csv',
      'application/octet-stream',
      'multipart/form-data',
      'multipart/form-data; boundary=XX',
    ),
    data: fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        '{"name":"x"}',
        'a[b][c]=1',
        'name[]=x&name[]=y',
        '__proto__[polluted]=yes',
        'constructor[prototype][polluted]=yes',
        'a[1000]=x',
        'slug=ok&slug=dup',
        MULTIPART('XX', 'agency,reference'),
        MULTIPART('XX', '').slice(0, 60),
        MULTIPART('XX', REQUEST_CSV_COLUMNS.join(',')).slice(0, -12),
        '--XX\r\n\r\n--XX--',
        MULTIPART('YY', 'x'),
      ),
    ),
  }),
);

/** Characters slipped into a valid string: they keep its shape, so they reach the database. */
const SLIPPED = ['\u0001', '\u001f', '\u007f', '\u0085', '\u2028', '\u200b', '\ufeff', '"', "'", '\\', ',', ';', '\n', '\r', '%', '_'];
// More often the two that PostgreSQL text cannot hold: NUL and an unpaired surrogate (not UTF-8 encodable).
const slipped = fc.oneof({ weight: 2, arbitrary: fc.constantFrom('\u0000', '\ud800') }, fc.constantFrom(...SLIPPED));
const slipInto = (text: string, { char, pos }: { char: string; pos: number }) => {
  const at = pos % (text.length + 1);
  return text.slice(0, at) + char + text.slice(at);
};

type Mutation =
  | { op: 'slip'; at: number; char: string; pos: number }
  | { op: 'drop'; at: number }
  | { op: 'set'; at: number; value: unknown }
  | { op: 'extra'; at: number; key: string; value: unknown }
  | { op: 'scramble'; values: unknown[] };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('slip' as const), at: fc.nat(), char: slipped, pos: fc.nat() }),
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: oddValue }),
  fc.record({ op: fc.constant('extra' as const), at: fc.nat(), key: fieldName, value: leaf }),
  fc.record({ op: fc.constant('scramble' as const), values: fc.array(leaf, { minLength: 12, maxLength: 12 }) }),
);

type CsvMutation =
  | { op: 'cell'; row: number; col: number; value: string }
  | { op: 'slip'; row: number; col: number; char: string; pos: number }
  | { op: 'dropCell' | 'addCell'; row: number; col: number }
  | { op: 'dropRow' | 'copyRow'; row: number };
const csvMutation: fc.Arbitrary<CsvMutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('cell' as const),
      row: fc.nat(),
      col: fc.nat(),
      value: fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ unit: 'grapheme', maxLength: 30 })),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('slip' as const), row: fc.nat(), col: fc.nat(), char: slipped, pos: fc.nat() }) },
  fc.record({ op: fc.constantFrom('dropCell' as const, 'addCell' as const), row: fc.nat(), col: fc.nat() }),
  fc.record({ op: fc.constantFrom('dropRow' as const, 'copyRow' as const), row: fc.nat() }),
);
interface CsvFormat {
  type: string;
  delimiter: string;
  eol: string;
  bom: boolean;
  quote: 'when needed' | 'always' | 'never';
  truncateAt: number | null;
}
const PLAIN_CSV: CsvFormat = { type: 'text/csv', delimiter: ',', eol: '\n', bom: false, quote: 'when needed', truncateAt: null };
const oddCsvFormat: fc.Arbitrary<CsvFormat> = fc.record({
  type: fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'text/plain', 'application/octet-stream'),
  delimiter: fc.constantFrom(',', ';', '\t'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  quote: fc.constantFrom('when needed', 'always', 'never'),
  truncateAt: fc.option(fc.nat(), { freq: 8 }),
});
// Mostly the plain format, so that mutated cells, not the format, decide whether a file is taken.
const csvFormat = fc.oneof({ weight: 2, arbitrary: fc.constant(PLAIN_CSV) }, oddCsvFormat);

type Body =
  | { kind: 'mutated'; mutations: Mutation[]; csv: CsvMutation[]; format: CsvFormat }
  | { kind: 'random'; value: unknown }
  | { kind: 'raw'; type: string; data: string | Buffer };
const body: fc.Arbitrary<Body> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      csv: fc.array(csvMutation, { minLength: 1, maxLength: 2 }),
      format: csvFormat,
    }),
  },
  { weight: 3, arbitrary: randomJson.map((value) => ({ kind: 'random' as const, value })) },
  { weight: 2, arbitrary: rawBody.map((raw) => ({ kind: 'raw' as const, ...raw })) },
);
/** Which id a path parameter gets: a record that exists, or one of BOGUS_IDS / BOGUS_NAMES. */
const pick = fc.oneof(
  { weight: 4, arbitrary: fc.nat().map((live) => ({ live })) },
  fc.nat().map((bogus) => ({ bogus })),
);

type Json = Record<string, unknown> | unknown[];
type Path = (string | number)[];

/** Every node below the root, as paths. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((k) => {
    const path = [...prefix, Array.isArray(value) ? Number(k) : k];
    return [path, ...pathsOf((value as Record<string, unknown>)[k], path)];
  });
}

const nodeAt = (value: Json, path: Path) =>
  path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], value) as Record<string | number, unknown>;
const isObject = (node: unknown) => node !== null && typeof node === 'object' && !Array.isArray(node);

function mutate(value: Json, m: Mutation): Json {
  const paths = pathsOf(value);
  if (m.op === 'scramble') {
    Object.keys(value).forEach((k, i) => ((value as Record<string, unknown>)[k] = m.values[i % m.values.length]));
  } else if (m.op === 'extra') {
    const objects = [[], ...paths].filter((p) => isObject(nodeAt(value, p)));
    // defineProperty: a key like __proto__ becomes an own field that JSON.stringify sends.
    const target = nodeAt(value, objects[m.at % objects.length] ?? []);
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  } else {
    const candidates = m.op === 'slip' ? paths.filter((p) => typeof nodeAt(value, p) === 'string') : paths;
    if (candidates.length === 0) return value;
    const path = candidates[m.at % candidates.length];
    const parent = nodeAt(value, path.slice(0, -1));
    const key = path[path.length - 1];
    if (m.op === 'slip') parent[key] = slipInto(parent[key] as string, m);
    else if (m.op === 'set') parent[key] = m.value;
    else if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  }
  return value;
}

function csvText(rows: string[][], format: CsvFormat): string {
  const quote = (cell: string) =>
    format.quote === 'always' || (format.quote === 'when needed' && /[",;\t\r\n]/.test(cell)) ? `"${cell.replace(/"/g, '""')}"` : cell;
  const text = (format.bom ? '\uFEFF' : '') + rows.map((row) => row.map(quote).join(format.delimiter)).join(format.eol) + format.eol;
  return format.truncateAt === null ? text : text.slice(0, format.truncateAt % (text.length + 1));
}

function mutateCsv(rows: string[][], m: CsvMutation): string[][] {
  const row = rows[m.row % rows.length];
  if (m.op === 'dropRow') rows.splice(m.row % rows.length, 1);
  else if (m.op === 'copyRow') rows.push([...row]);
  else if (m.op === 'addCell') row.splice(m.col % (row.length + 1), 0, 'extra');
  else if (row.length && m.op === 'dropCell') row.splice(m.col % row.length, 1);
  else if (row.length && m.op === 'cell') row[m.col % row.length] = m.value;
  else if (row.length && m.op === 'slip') row[m.col % row.length] = slipInto(row[m.col % row.length], m);
  return rows.length ? rows : [[]];
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { name: string; in: string; schema?: { type?: string } }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
}
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}

/** A plausible body from an OpenAPI schema: examples, first enum values, placeholders. */
function exampleOf(schema: Schema | undefined, doc: OpenApi, depth = 0): unknown {
  if (!schema || depth > 6) return undefined;
  if (schema.$ref) return exampleOf(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc, depth + 1);
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((s) => exampleOf(s, doc, depth + 1)));
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, exampleOf(s, doc, depth + 1)]));
    case 'array':
      return [exampleOf(schema.items, doc, depth + 1)];
    case 'string':
      return schema.format === 'date-time' ? '2024-03-01T09:30:00Z' : 'fuzz';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    default:
      return schema.properties ? exampleOf({ ...schema, type: 'object' }, doc, depth) : undefined;
  }
}

/** What the database holds (or should): the ids of each table, with the children counted per record. */
interface Holdings {
  platforms: Set<number>;
  agencies: Set<number>;
  users: Set<number>;
  reports: Set<number>;
  /** null: not checked (an import's events follow from its CSV; items of a file cut short are uncertain). */
  requests: Map<number, { items: number | null; events: number | null }>;
  consultations: Map<number, { actionItems: number }>;
}
/** A CSV as sent to the import: its rows before quoting, and whether all of it was sent. */
interface SentCsv {
  rows: string[][];
  whole: boolean;
}

type SimpleTable = 'platforms' | 'agencies' | 'users' | 'reports';
const SIMPLE_TABLES: SimpleTable[] = ['platforms', 'agencies', 'users', 'reports'];

const IMPORT = 'POST /api/imports/requests';

/** Routes whose success writes none of the tables above (sessions only). */
const NO_RECORDS = new Set(['POST /api/auth/login', 'POST /api/auth/refresh', 'POST /api/auth/logout']);

describe('fuzzing every write route', () => {
  let t: TestApp;
  let auth: string;
  let doc: OpenApi;
  let routes: Route[];
  let serial = 0;
  /** Records that exist for the whole run, per resource: path ids point at them. */
  const live: Record<string, number[]> = {};
  /** Records DELETE may take away (besides the live ones: DELETE routes run last). */
  const doomed: Record<string, number[]> = {};
  /** The latest representation of each live record, the base of PUT bodies ("resource/id"). */
  const readBack = new Map<string, Json>();
  let fixtures: {
    platform: { id: number };
    agency: { id: number };
    sent?: { id: number };
    login: { email: string; password: string };
    importer: { agency: string; platform: string };
  };
  let expected: Holdings;
  const problems = new Map<string, { count: number; example: string }>();

  /** The sent request's items as last read back: updates may have replaced them. */
  const sentItems = () => (readBack.get(`requests/${fixtures.sent!.id}`) as { items: { id: number }[] }).items;

  const valid: Record<string, (n: number) => Json> = {
    'POST /api/platforms': (n) => ({
      name: `Fuzz platform ${n}`,
      slug: `fuzz-${n}`,
      parentCompany: 'Fuzz Holdings',
      hasLocalRepresentative: false,
      contactChannels: [{ kind: 'email', value: 'abuse@example.com' }],
      slaHours: { removal: 48, blocking: 72, investigation: 96, preservation: 24 },
      notes: 'fuzzed',
    }),
    'POST /api/agencies': (n) => ({ name: `Fuzz agency ${n}`, kind: 'police', country: 'KR', contactEmail: 'desk@example.org' }),
    'POST /api/users': (n) => ({
      email: `fuzz-${n}@test.local`,
      name: `Fuzz ${n}`,
      role: 'analyst',
      password: 'correct-horse-battery-fuzz',
      active: true,
    }),
    'POST /api/requests': (n) => ({
      platformId: fixtures.platform.id,
      agencyId: fixtures.agency.id,
      type: 'removal',
      category: 'ncii',
      channel: 'email',
      reference: `FUZZ-${n}`,
      platformRef: `T-${n}`,
      sentAt: '2024-03-01T09:30:00Z',
      notes: 'fuzzed',
      items: [{ url: `https://example.com/${n}/1`, contentHash: 'a'.repeat(64) }, { url: `https://example.com/${n}/2` }],
    }),
    'POST /api/requests/{id}/events': (n) =>
      n % 2
        ? { kind: 'note', occurredAt: '2024-03-05T00:00:00Z', note: 'called the desk' }
        : { kind: 'item_checked', occurredAt: '2024-03-06T00:00:00Z', items: sentItems().map(({ id }) => ({ id, state: 'still_online' })) },
    'POST /api/consultations': (n) => ({
      platformId: fixtures.platform.id,
      heldAt: '2024-09-03T05:00:00Z',
      format: 'video',
      title: `Fuzz consultation ${n}`,
      attendees: ['Fuzz Liaison'],
      agenda: 'open requests',
      minutes: 'agreed',
      requestIds: [fixtures.sent!.id],
      actionItems: [
        { ownerSide: 'platform', text: 'answer the open requests', dueDate: '2024-10-01', state: 'open' },
        { ownerSide: 'regulator', text: 'send the list' },
      ],
    }),
    'POST /api/reports': () => ({
      from: '2024-01-01T00:00:00Z',
      to: '2024-04-01T00:00:00Z',
      platformIds: [fixtures.platform.id],
      asOf: '2024-06-01T00:00:00Z',
      agencyId: fixtures.agency.id,
      title: 'Fuzz report',
    }),
    'POST /api/reports/briefs': () => ({ platformId: fixtures.platform.id, asOf: '2024-06-01T00:00:00Z' }),
    'POST /api/auth/login': () => ({ ...fixtures.login }),
  };

  /** A valid import (a sent request with two items, a draft, a resolved request), by names no fuzzed update renames. */
  const importRows = (n: number): string[][] => {
    const { agency: name, platform: slug } = fixtures.importer;
    return [
      [...REQUEST_CSV_COLUMNS],
      [
        name,
        `IMP-${n}-A`,
        slug,
        'removal',
        'ncii',
        'email',
        '2024-03-01T09:30:00Z',
        '',
        '',
        '',
        '',
        `https://example.com/imp/${n}/1`,
        'b'.repeat(64),
        '',
      ],
      [
        name,
        `IMP-${n}-A`,
        slug,
        'removal',
        'ncii',
        'email',
        '2024-03-01T09:30:00Z',
        '',
        '',
        '',
        '',
        `https://example.com/imp/${n}/2`,
        '',
        '',
      ],
      [name, `IMP-${n}-B`, slug, 'blocking', 'other', 'letter', '', '', '', '', '', '', '', ''],
      [
        name,
        `IMP-${n}-C`,
        slug,
        'removal',
        'csam',
        'portal',
        '2024-03-01T09:30:00Z',
        'resolved',
        'removed',
        '2024-03-02T00:00:00Z',
        '2024-03-03T00:00:00Z',
        `https://example.com/imp/${n}/3`,
        '',
        'removed',
      ],
    ];
  };

  const api = (method: Method, path: string) => t.http[method](path).set('Authorization', auth);
  const create = async (path: string, payload: Json) => (await api('post', path).send(payload).expect(201)).body;

  async function holdings(): Promise<Holdings> {
    const ids = async (table: string) => new Set<number>((await t.db.query(`SELECT id FROM ${table}`)).map((r: { id: number }) => r.id));
    const requests = await t.db.query(`SELECT r.id, (SELECT count(*) FROM request_items i WHERE i.request_id = r.id)::int AS items,
      (SELECT count(*) FROM request_events e WHERE e.request_id = r.id)::int AS events FROM requests r`);
    const consultations = await t.db.query(
      `SELECT c.id, (SELECT count(*) FROM consultation_action_items a WHERE a.consultation_id = c.id)::int AS "actionItems" FROM consultations c`,
    );
    return {
      platforms: await ids('platforms'),
      agencies: await ids('agencies'),
      users: await ids('users'),
      reports: await ids('reports'),
      requests: new Map(requests.map((r: { id: number; items: number; events: number }) => [r.id, { items: r.items, events: r.events }])),
      consultations: new Map(consultations.map((c: { id: number; actionItems: number }) => [c.id, { actionItems: c.actionItems }])),
    };
  }

  beforeAll(async () => {
    t = await createTestApp();
    auth = `Bearer ${await t.token('admin')}`;
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
    // Deletes may take live records away, and logout may end the admin's session: they come last.
    const order = (r: Route) => (r.resource === 'auth' ? 2 : r.method === 'delete' ? 1 : 0);
    routes = Object.entries(doc.paths)
      .flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
          .map(([method, op]) => ({
            key: `${method.toUpperCase()} ${path}`,
            method: method as Method,
            path,
            params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => ({ name: p.name, type: p.schema?.type })),
            resource: path.split('/')[2],
            schemaExample: exampleOf(op.requestBody?.content?.['application/json']?.schema, doc),
          })),
      )
      .sort((a, b) => order(a) - order(b));

    const platform = await create('/api/platforms', valid['POST /api/platforms'](serial++));
    const agency = await create('/api/agencies', valid['POST /api/agencies'](serial++));
    const importer = { agency: (await create('/api/agencies', { name: 'Fuzz import agency' })).name, platform: 'telegram' };
    fixtures = { platform, agency, importer, login: { email: 'fuzz-login@test.local', password: 'a-passphrase-to-sign-in-with' } };
    const sent = await create('/api/requests', valid['POST /api/requests'](serial++));
    fixtures.sent = sent;
    const draft = await create('/api/requests', { ...valid['POST /api/requests'](serial++), sentAt: undefined });
    const consultation = await create('/api/consultations', valid['POST /api/consultations'](serial++));
    const user = await create('/api/users', valid['POST /api/users'](serial++));
    await create('/api/users', { ...valid['POST /api/users'](serial++), ...fixtures.login });
    for (const [resource, records] of Object.entries({
      platforms: [platform],
      agencies: [agency],
      requests: [sent, draft],
      consultations: [consultation],
      users: [user],
    })) {
      live[resource] = records.map((r) => r.id);
      for (const r of records) readBack.set(`${resource}/${r.id}`, r);
    }
    for (const resource of ['platforms', 'agencies', 'consultations', 'users']) {
      const route = `POST /api/${resource}`;
      doomed[resource] = [
        (await create(`/api/${resource}`, valid[route](serial++))).id,
        (await create(`/api/${resource}`, valid[route](serial++))).id,
      ];
    }
    const drafts = [0, 1].map(() => ({ ...valid['POST /api/requests'](serial++), sentAt: undefined }));
    doomed.requests = [(await create('/api/requests', drafts[0])).id, (await create('/api/requests', drafts[1])).id];
    expected = await holdings();
  }, 60_000);
  afterAll(() => t.close());

  function problem(route: Route, path: string, what: string, sent: { type?: string; data?: string | Buffer }): void {
    const key = `${route.key}: ${what}`;
    const seen = problems.get(key);
    if (seen) {
      seen.count += 1;
      return;
    }
    // Control characters and lone surrogates escaped, so that the example can be read and replayed.
    const data = String(sent.data ?? '')
      .slice(0, 300)
      // eslint-disable-next-line no-control-regex -- control characters are what it escapes
      .replace(/[\u0000-\u001f\u007f\p{Cs}]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    problems.set(key, { count: 1, example: `${path} ${sent.type ?? '(no content type)'} ${data}` });
  }

  function url(route: Route, choice: { live: number } | { bogus: number }): string {
    return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const type = route.params.find((p) => p.name === name)?.type;
      if (type !== 'number' && type !== 'integer') return encodeURIComponent(BOGUS_NAMES[Object.values(choice)[0] % BOGUS_NAMES.length]);
      const pool =
        route.method === 'delete' ? [...(doomed[route.resource] ?? []), ...(live[route.resource] ?? [])] : (live[route.resource] ?? []);
      if ('live' in choice && pool.length) return String(pool[choice.live % pool.length]);
      return encodeURIComponent(BOGUS_IDS[Object.values(choice)[0] % BOGUS_IDS.length]);
    });
  }

  /** The valid body a mutation starts from: a fresh one for a create, the record as read back for an update. */
  function base(route: Route, path: string, n: number): Json | undefined {
    if (route.method === 'put' || route.method === 'patch') {
      const id = /\/(\d+)$/.exec(path)?.[1] ?? live[route.resource]?.[0];
      const record = readBack.get(`${route.resource}/${id}`) ?? readBack.get(`${route.resource}/${live[route.resource]?.[0]}`);
      if (record) return structuredClone(record);
    }
    if (route.method === 'delete' || route.resource === 'jobs') return {};
    return valid[route.key]?.(n) ?? (route.schemaExample as Json | undefined);
  }

  /** Whether `base` gives a body (and `url` an id) the route must take: then it is sent once unmutated first. */
  const knowsValidBody = (route: Route) =>
    route.key in valid ||
    route.key === IMPORT ||
    ((route.method === 'put' || route.method === 'patch') && route.resource in live) ||
    (route.method === 'delete' && route.resource in doomed);

  /** The content type and bytes to send for a sample; CSV for the import route. */
  function materialize(route: Route, path: string, sample: Body | 'pristine'): { type?: string; data?: string | Buffer; csv?: SentCsv } {
    const n = serial++;
    if (route.key === IMPORT && (sample === 'pristine' || sample.kind === 'mutated')) {
      const rows = sample === 'pristine' ? importRows(n) : sample.csv.reduce(mutateCsv, importRows(n));
      const format = sample === 'pristine' ? PLAIN_CSV : sample.format;
      return { type: format.type, data: csvText(rows, format), csv: { rows, whole: format.truncateAt === null } };
    }
    if (sample === 'pristine' || sample.kind === 'mutated') {
      const start = base(route, path, n);
      if (start === undefined) return {};
      const value = sample === 'pristine' ? start : sample.mutations.reduce(mutate, start);
      return { type: 'application/json', data: JSON.stringify(value) };
    }
    if (sample.kind === 'random') {
      const data = JSON.stringify(sample.value);
      return data === undefined ? {} : { type: 'application/json', data };
    }
    return { type: sample.type, data: sample.data };
  }

  /** Books an acknowledged write in `expected`; throws for a route whose writes it cannot account for. */
  async function acknowledge(route: Route, res: { body: Record<string, unknown> & { id: number } }, csv?: SentCsv): Promise<void> {
    const record = res.body;
    if (NO_RECORDS.has(route.key)) return;
    if (route.key === 'POST /api/requests/{id}/events') {
      const request = expected.requests.get(record.requestId as number)!;
      request.events! += 1;
      return;
    }
    // An uploaded e-mail is kept whatever it holds (unreadable ones too, in triage); messages are not in this ledger.
    if (route.key === 'POST /api/messages') return;
    if (route.key === 'POST /api/requests/{id}/dispatch') {
      const event = record.event as { requestId: number } | null;
      if (event) expected.requests.get(event.requestId)!.events! += 1;
      return;
    }
    if (route.key === 'POST /api/reports/briefs') {
      expected.reports.add(record.id);
      return;
    }
    if (route.key === IMPORT) {
      // The answer counts what it created; the new rows are those of the file's references.
      const references = [...new Set(csv!.rows.slice(1).map((r) => r[1]?.trim()))];
      const created: { id: number; reference: string }[] = await t.db.query(
        'SELECT id, reference FROM requests WHERE reference = ANY($1) AND NOT (id = ANY($2))',
        [references, [...expected.requests.keys()]],
      );
      if (created.length !== record.created)
        throw new Error(`the import answered created: ${record.created} but wrote ${created.length} requests`);
      for (const { id, reference } of created) {
        const items = csv!.rows.filter((r) => r[1]?.trim() === reference && r[11]?.trim()).length;
        expected.requests.set(id, { items: csv!.whole ? items : null, events: null });
      }
      return;
    }
    const table = route.resource;
    if (route.path !== `/api/${table}` && route.path !== `/api/${table}/{id}`)
      throw new Error('a success the ledger cannot account for: teach it what this route writes');
    if (route.method === 'delete') {
      if (table === 'requests' || table === 'consultations') expected[table].delete(record.id);
      else if (SIMPLE_TABLES.includes(table as SimpleTable)) expected[table as SimpleTable].delete(record.id);
      return;
    }
    if (route.method !== 'post') readBack.set(`${table}/${record.id}`, record);
    if (table === 'requests') {
      const items = (record.items as unknown[]).length;
      const events = route.method === 'post' ? (record.status === 'sent' ? 1 : 0) : expected.requests.get(record.id)!.events;
      expected.requests.set(record.id, { items, events });
    } else if (table === 'consultations') {
      expected.consultations.set(record.id, { actionItems: (record.actionItems as unknown[]).length });
    } else if (SIMPLE_TABLES.includes(table as SimpleTable)) {
      expected[table as SimpleTable].add(record.id);
    } else {
      throw new Error('a success the ledger cannot account for: teach it what this route writes');
    }
  }

  async function exercise(route: Route, path: string, sample: Body | 'pristine'): Promise<void> {
    const sent = materialize(route, path, sample);
    const { type, data, csv } = sent;
    let req = api(route.method, path).timeout(20_000);
    if (type !== undefined) req = req.set('Content-Type', type);
    let res;
    try {
      res = data === undefined ? await req : await req.send(data);
    } catch (err) {
      problem(route, path, `no answer (${(err as Error).message})`, sent);
      return;
    }
    const message = res.body?.message;
    if (res.status >= 500) problem(route, path, `${res.status} ${message}`, sent);
    else if (res.status === 429)
      return; // rate limited: neither acknowledged nor refused
    else if (res.status >= 400) {
      const shaped =
        res.body?.statusCode === res.status && typeof res.body.error === 'string' && typeof message === 'string' && message.length > 0;
      if (!shaped) problem(route, path, `${res.status} without the error shape: ${JSON.stringify(res.body).slice(0, 200)}`, sent);
      if (sample === 'pristine') problem(route, path, `the valid body was refused: ${res.status} ${message}`, sent);
    } else if (res.status >= 200 && res.status < 300) {
      await acknowledge(route, res, csv).catch((err: Error) => problem(route, path, err.message, sent));
    }
  }

  it('should answer random and mutated bodies on every write route with no 5xx and a message for every 4xx', async () => {
    for (const route of routes) {
      // Each route's own seed, so that adding a route leaves the others' samples as they were.
      const seed = [...route.key].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);
      if (knowsValidBody(route)) await exercise(route, url(route, { live: 0 }), 'pristine');
      for (const [choice, sample] of fc.sample(fc.tuple(pick, body), { seed, numRuns: runsFor(route) })) {
        await exercise(route, url(route, choice), sample);
      }
    }
    expect([...problems].map(([what, { count, example }]) => `${what} (×${count}), e.g. ${example}`)).toEqual([]);
  }, 240_000);

  it('should hold exactly the records that were acknowledged, no more and no fewer', async () => {
    const actual = await holdings();
    const differences: string[] = [];
    for (const table of SIMPLE_TABLES) {
      for (const id of expected[table]) if (!actual[table].has(id)) differences.push(`${table} ${id} was acknowledged but is missing`);
      for (const id of actual[table]) if (!expected[table].has(id)) differences.push(`${table} ${id} exists but was never acknowledged`);
    }
    for (const table of ['requests', 'consultations'] as const) {
      const want = expected[table] as Map<number, Record<string, number | null>>;
      const have = actual[table] as Map<number, Record<string, number | null>>;
      for (const [id, children] of want) {
        const held = have.get(id);
        if (!held) differences.push(`${table} ${id} was acknowledged but is missing`);
        else
          for (const [child, n] of Object.entries(children))
            if (n !== null && held[child] !== n) differences.push(`${table} ${id} has ${held[child]} ${child}, acknowledged ${n}`);
      }
      for (const id of have.keys()) if (!want.has(id)) differences.push(`${table} ${id} exists but was never acknowledged`);
    }
    expect(differences).toEqual([]);
  });

  it('should leave Object.prototype unpolluted', () => {
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
