import { cellText, defaultPeriod, snapshotBody, snapshotLinks, suppressedCells, type SnapshotDocument } from './shaping';

const shown = (value: number) => ({ value, status: 'shown' as const });
const sent = shown(40);

describe('public snapshots screen', () => {
  it('should send the day after the last day as `to`, and only what was chosen', () => {
    expect(snapshotBody({ firstDay: '2024-01-01', lastDay: '2024-06-30', platformIds: [], showAgencies: false, replaces: null })).toEqual({
      from: '2024-01-01',
      to: '2024-07-01',
      showAgencies: false,
    });
    expect(snapshotBody({ firstDay: '2024-07-01', lastDay: '2024-12-31', platformIds: [3], showAgencies: true, replaces: 2 })).toEqual({
      from: '2024-07-01',
      to: '2025-01-01',
      platformIds: [3],
      showAgencies: true,
      replaces: 2,
    });
  });

  it('should offer the half-year that ended last', () => {
    expect(defaultPeriod(new Date('2026-12-01T00:00:00Z'))).toEqual({ firstDay: '2026-01-01', lastDay: '2026-06-30' });
    expect(defaultPeriod(new Date('2027-03-15T00:00:00Z'))).toEqual({ firstDay: '2026-07-01', lastDay: '2026-12-31' });
  });

  it("should write a cell as the public page does, in the console's language", () => {
    expect(cellText('responseRate', shown(0.75), 'en', 10, sent)).toBe('75%');
    expect(cellText('sent', { value: null, status: 'fewer_than_min' }, 'ko', 10, sent)).toBe('10건 미만');
    expect(cellText('responded', { value: null, status: 'withheld' }, 'id', 10, sent)).toBe('dirahasiakan');
    expect(cellText('kmMedianResponseHours', { value: null, status: 'none' }, 'en', 10, sent)).toBe('not reached');
    expect(cellText('removalRate', { value: null, status: 'none' }, 'en', 10, sent)).toBe('–');
  });

  it('should count the cells a snapshot hides', () => {
    const none = { value: null, status: 'withheld' as const };
    const figures = {
      sent: { value: null, status: 'fewer_than_min' as const },
      responded: none,
      responseRate: none,
      medianResponseHours: none,
      kmMedianResponseHours: none,
      onTimeRate: none,
      removalRate: none,
    };
    const document = { platforms: [{ platform: 'telegram', name: 'Telegram', figures }] } as unknown as SnapshotDocument;
    expect(suppressedCells(document)).toEqual({ fewer: 1, withheld: 6 });
  });

  it('should link to the pages in each language and to the data', () => {
    expect(snapshotLinks({ path: '/public/2024-H1-2/' }).map((l) => l.href)).toEqual([
      '/public/2024-H1-2/index.html',
      '/public/2024-H1-2/index.ko.html',
      '/public/2024-H1-2/index.id.html',
      '/public/2024-H1-2/data.json',
      '/public/2024-H1-2/data.csv',
      '/public/2024-H1-2/manifest.json',
    ]);
    expect(snapshotLinks({ path: null })).toEqual([]);
  });
});
