import { figureImportPath, figurePayload, isPeriod, isPublishedValue, readFigureImportResponse } from './shaping';
import { publishedRequesterDetail } from './requester';

describe('readFigureImportResponse', () => {
  it('should read the counts of an import', () => {
    expect(readFigureImportResponse(200, { format: 'google_current', read: 3, added: 24, revised: 0, unchanged: 0 })).toEqual({
      kind: 'imported',
      format: 'google_current',
      read: 3,
      added: 24,
      revised: 0,
      unchanged: 0,
    });
    // A format this console does not know yet is still an import.
    expect(readFigureImportResponse(200, { format: 'meta_csv', read: 1, added: 0, revised: 1, unchanged: 2 })).toMatchObject({
      kind: 'imported',
      format: null,
      revised: 1,
    });
  });

  it('should not take a success without its four counts for an import', () => {
    expect(readFigureImportResponse(200, { read: 3, added: 1 })).toMatchObject({ kind: 'failed', reason: 'server' });
    expect(readFigureImportResponse(200, null)).toMatchObject({ kind: 'failed', reason: 'server' });
  });

  it('should list the headers each format expects when the file is in none of them', () => {
    const body = {
      statusCode: 400,
      code: 'import.unknown_format',
      message: 'the file is in none of the formats the tracker reads',
      field: 'file',
      expected: [
        { format: 'google_current', headers: ['Period Ending', 'Country/Region', 'CLDR Territory Code'] },
        { format: 'tracker_csv', headers: ['publisher', ' subject '] },
        { format: 'broken' },
        null,
      ],
    };
    expect(readFigureImportResponse(400, body)).toEqual({
      kind: 'unknown_format',
      expected: [
        { format: 'google_current', headers: ['Period Ending', 'Country/Region', 'CLDR Territory Code'] },
        { format: 'tracker_csv', headers: ['publisher', 'subject'] },
      ],
    });
  });

  it('should read an empty file (the same code, no list) as a file that could not be read', () => {
    expect(readFigureImportResponse(400, { code: 'import.unknown_format', message: 'the file is empty', field: 'file' })).toEqual({
      kind: 'failed',
      reason: 'bad_request',
      status: 400,
      message: 'the file is empty',
    });
  });

  it('should list the row errors of a rejected file in file order', () => {
    const body = {
      statusCode: 400,
      code: 'import.rows_invalid',
      message: '2 rows have errors; nothing was imported',
      params: { rows: 2 },
      errors: [
        { line: 4, field: 'Number of Requests', message: 'Number of Requests "many" is not a number' },
        { line: 2, field: 'CLDR Territory Code', message: 'CLDR Territory Code "XX" is not an ISO 3166-1 alpha-2 country code' },
      ],
    };
    expect(readFigureImportResponse(400, body)).toEqual({
      kind: 'rejected',
      rows: 2,
      message: '2 rows have errors; nothing was imported',
      errors: [
        { line: 2, field: 'CLDR Territory Code', message: 'CLDR Territory Code "XX" is not an ISO 3166-1 alpha-2 country code' },
        { line: 4, field: 'Number of Requests', message: 'Number of Requests "many" is not a number' },
      ],
    });
  });

  it('should name the other failures', () => {
    expect(readFigureImportResponse(0, null)).toMatchObject({ kind: 'failed', reason: 'network' });
    expect(readFigureImportResponse(403, { code: 'auth.forbidden', message: 'Forbidden' })).toMatchObject({ reason: 'forbidden' });
    expect(readFigureImportResponse(413, null)).toMatchObject({ reason: 'too_large' });
    expect(readFigureImportResponse(500, {})).toMatchObject({ reason: 'server', status: 500 });
  });
});

describe('figureImportPath', () => {
  it('should name the publisher and the source in the query, when given', () => {
    expect(figureImportPath({})).toBe('/published-figures/import');
    expect(figureImportPath({ publisher: ' ', sourceUrl: '' })).toBe('/published-figures/import');
    expect(figureImportPath({ publisher: 'Google', sourceUrl: 'https://transparencyreport.google.com/download?a=1&b=2' })).toBe(
      '/published-figures/import?publisher=Google&sourceUrl=https%3A%2F%2Ftransparencyreport.google.com%2Fdownload%3Fa%3D1%26b%3D2',
    );
  });
});

describe('the figure form checks', () => {
  it('should take a half-year or a date range as a period', () => {
    expect(isPeriod('2024-H1')).toBe(true);
    expect(isPeriod('2024-01-01/2024-06-30')).toBe(true);
    expect(isPeriod('2024')).toBe(false);
    expect(isPeriod('2024-06-30/2024-01-01')).toBe(false);
    expect(isPeriod(undefined)).toBe(false);
  });

  it('should take a value as published: a whole count, a share up to 100, hours with decimals', () => {
    expect(isPublishedValue('178', 'requests')).toBe(true);
    expect(isPublishedValue(' 65 ', 'items_removed_policy_pct')).toBe(true);
    expect(isPublishedValue('64.5', 'items_removed_legal_pct')).toBe(true);
    expect(isPublishedValue('100.1', 'items_removed_legal_pct')).toBe(false);
    expect(isPublishedValue('12.5', 'requests')).toBe(false);
    expect(isPublishedValue('36.5', 'median_hours_to_give_effect')).toBe(true);
    expect(isPublishedValue('-3', 'requests')).toBe(false);
    expect(isPublishedValue('1,373', 'items')).toBe(false);
    expect(isPublishedValue('', 'items')).toBe(false);
  });
});

describe('figurePayload', () => {
  it('should send the fields filled in, trimmed, the country in capitals, and nothing else', () => {
    expect(
      figurePayload({
        id: 7,
        publisher: ' Meta ',
        subject: 'Facebook',
        subjectKind: 'service',
        period: '2024-H1',
        jurisdiction: 'kr',
        requesterType: null,
        category: '',
        metric: 'requests',
        value: '41',
        sourceUrl: 'https://transparency.meta.com/reports/government-data-requests/country/KR',
        extra: 'x',
      }),
    ).toEqual({
      publisher: 'Meta',
      subject: 'Facebook',
      subjectKind: 'service',
      period: '2024-H1',
      jurisdiction: 'KR',
      metric: 'requests',
      value: '41',
      sourceUrl: 'https://transparency.meta.com/reports/government-data-requests/country/KR',
    });
  });
});

describe('publishedRequesterDetail', () => {
  it("should keep the publisher's label only where it says more than the requester type", () => {
    expect(publishedRequesterDetail('information_communications_authority', 'Information and Communications Authority')).toBeNull();
    expect(publishedRequesterDetail('court', 'Court Order Directed at Google')).toBe('Court Order Directed at Google');
    expect(publishedRequesterDetail(null, 'Other Requests (Executive, Police, etc.)')).toBe('Other Requests (Executive, Police, etc.)');
    expect(publishedRequesterDetail('police', null)).toBeNull();
  });
});
