import { dayToIso, isPending, reportPayload } from './download';

describe('report requests', () => {
  it('should send whole UTC days and only the fields the API takes', () => {
    expect(
      reportPayload({ from: '2020-02-01', to: '2020-09-01', platformIds: [], asOf: null, agencyId: null, title: ' ', status: 'x' }),
    ).toEqual({
      from: '2020-02-01T00:00:00.000Z',
      to: '2020-09-01T00:00:00.000Z',
    });
    expect(
      reportPayload({
        from: '2020-02-01',
        to: '2020-09-01',
        platformIds: [1, '3'],
        asOf: '2021-05-01T00:00:00.000Z',
        agencyId: 4,
        title: 'Telegram 2020',
      }),
    ).toEqual({
      from: '2020-02-01T00:00:00.000Z',
      to: '2020-09-01T00:00:00.000Z',
      platformIds: [1, 3],
      asOf: '2021-05-01T00:00:00.000Z',
      agencyId: 4,
      title: 'Telegram 2020',
    });
    expect(dayToIso('2020-2-1')).toBeUndefined();
  });

  it("should ask for the report in the console's language", () => {
    expect(reportPayload({ from: '2020-02-01', to: '2020-09-01' }, 'ko')).toEqual({
      from: '2020-02-01T00:00:00.000Z',
      to: '2020-09-01T00:00:00.000Z',
      language: 'ko',
    });
  });

  it('should poll while a report is queued or running', () => {
    expect(isPending('queued')).toBe(true);
    expect(isPending('running')).toBe(true);
    expect(isPending('done')).toBe(false);
    expect(isPending('failed')).toBe(false);
  });
});
