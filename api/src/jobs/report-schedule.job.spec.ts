import { completedPeriods } from './report-schedule.job';

describe('completedPeriods', () => {
  it('should give the previous months, oldest first, crossing a year', () => {
    const periods = completedPeriods(new Date('2024-02-01T02:00:00Z'), 1, 2);
    expect(periods.map(([slot, from, to]) => [slot, from.toISOString(), to.toISOString()])).toEqual([
      ['monthly:2023-12', '2023-12-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z'],
      ['monthly:2024-01', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
    ]);
  });

  it('should give whole quarters only, from anywhere in the current one', () => {
    const [[slot, from, to]] = completedPeriods(new Date('2024-05-17T10:00:00Z'), 3, 1);
    expect([slot, from.toISOString(), to.toISOString()]).toEqual([
      'quarterly:2024-Q1',
      '2024-01-01T00:00:00.000Z',
      '2024-04-01T00:00:00.000Z',
    ]);
  });
});
