import { REQUEST_CSV_COLUMNS } from '../../../domain/src';
import { checkRow, type ImportError, type ImportRow, parseTime } from './import-row';

const known = { agencies: new Set(['KNPA']), platforms: new Set(['telegram']) };
const now = new Date('2026-01-01T00:00:00Z');
const row = (over: Partial<Record<(typeof REQUEST_CSV_COLUMNS)[number], string>> = {}) => {
  const values: Record<string, string> = {
    agency: 'KNPA',
    reference: 'R-1',
    platform: 'telegram',
    type: 'investigation',
    category: 'sextortion',
    channel: 'email',
    sentAt: '2020-02-11T01:30:00Z',
    status: '',
    outcome: '',
    firstResponseAt: '',
    resolvedAt: '',
    itemUrl: '',
    itemContentHash: '',
    itemState: '',
    ...over,
  };
  return REQUEST_CSV_COLUMNS.map((c) => values[c]);
};
const errorsOf = (result: ImportRow | ImportError[]) => (Array.isArray(result) ? result.map((e) => e.message) : []);

describe('parseTime', () => {
  it('should read ISO-8601 in the forms exports write, taking a time without zone as UTC', () => {
    for (const [text, iso] of [
      ['2020-02-11T01:30:00Z', '2020-02-11T01:30:00.000Z'],
      ['2020-02-11 01:30:00+00', '2020-02-11T01:30:00.000Z'],
      ['2020-02-11 10:30:00.5+09', '2020-02-11T01:30:00.500Z'],
      ['2020-02-11T10:30+0900', '2020-02-11T01:30:00.000Z'],
      ['2020-02-11T01:30:00', '2020-02-11T01:30:00.000Z'],
      ['2020-02-11', '2020-02-11T00:00:00.000Z'],
    ]) {
      expect(parseTime(text)?.toISOString()).toBe(iso);
    }
    for (const bad of ['11/02/2020', '2020-13-01T00:00:00Z', 'yesterday', '2020-02-11T25:00:00Z']) expect(parseTime(bad)).toBeUndefined();
  });
});

describe('checkRow', () => {
  it('should settle the status from the times when it is not given', () => {
    expect((checkRow(row(), 2, known, now) as ImportRow).status).toBe('sent');
    expect((checkRow(row({ sentAt: '' }), 2, known, now) as ImportRow).status).toBe('draft');
    const resolved = checkRow(row({ outcome: 'data_provided', resolvedAt: '2020-03-01T00:00:00Z' }), 2, known, now) as ImportRow;
    expect(resolved).toMatchObject({ status: 'resolved', firstResponseAt: new Date('2020-03-01T00:00:00Z') });
  });

  it('should name the column of every problem on the row', () => {
    expect(errorsOf(checkRow(row({ reference: '', platform: 'myspace', sentAt: '31/01/2020', type: 'takedown' }), 7, known, now))).toEqual([
      'reference is required',
      'type must be one of removal, blocking, investigation, preservation',
      "platform 'myspace' is not a known platform slug",
      'sentAt must be an ISO-8601 date and time, e.g. 2024-03-01T09:30:00Z',
    ]);
    const [first] = checkRow(row({ agency: 'Nobody' }), 9, known, now) as ImportError[];
    expect(first).toEqual({ line: 9, field: 'agency', message: "agency 'Nobody' is not a known agency (add it first)" });
  });

  it('should refuse times that contradict each other or the status', () => {
    expect(errorsOf(checkRow(row({ firstResponseAt: '2020-02-10T00:00:00Z', status: 'acknowledged' }), 2, known, now))).toEqual([
      'firstResponseAt is before sentAt',
    ]);
    expect(errorsOf(checkRow(row({ status: 'resolved' }), 2, known, now))).toEqual([
      'outcome is required for a resolved request',
      'resolvedAt is required for a resolved request',
    ]);
    expect(errorsOf(checkRow(row({ outcome: 'removed' }), 2, known, now))).toEqual(['outcome is only allowed for a resolved request']);
    expect(errorsOf(checkRow(row({ sentAt: '2030-01-01T00:00:00Z' }), 2, known, now))).toEqual(['sentAt cannot be in the future']);
  });

  it('should check items: an http(s) URL, and a URL whenever a hash or state is given', () => {
    expect(errorsOf(checkRow(row({ itemUrl: 'ftp://x/1' }), 2, known, now))).toEqual(['itemUrl must be an http(s) URL']);
    expect(errorsOf(checkRow(row({ itemState: 'removed' }), 2, known, now))).toEqual([
      'itemUrl is required when itemContentHash or itemState is given',
    ]);
    expect(errorsOf(checkRow(row({ itemUrl: 'https://t.me/x', itemState: 'gone' }), 2, known, now))).toEqual([
      'itemState must be one of pending, removed, still_online, geo_blocked, not_found',
    ]);
  });

  it('should refuse a row with the wrong number of cells', () => {
    expect(errorsOf(checkRow(['a', 'b'], 4, known, now))).toEqual(['the row has 2 cells; the header has 14']);
  });
});
