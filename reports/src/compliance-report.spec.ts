import { renderComplianceReport, type ComplianceReportModel } from './compliance-report';

const model: ComplianceReportModel = {
  title: 'Compliance report',
  periodFrom: new Date('2020-02-01T00:00:00Z'),
  periodTo: new Date('2020-09-01T00:00:00Z'),
  asOf: new Date('2020-09-01T00:00:00Z'),
  generatedAt: new Date('2020-09-02T00:00:00Z'),
  platforms: [{ platform: 'Telegram', sent: 7, responded: 0, responseRate: 0 }],
};

describe('renderComplianceReport', () => {
  it('should produce a one-page PDF', async () => {
    const pdf = await renderComplianceReport(model);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
  });

  it('should give the same bytes for the same model', async () => {
    const [a, b] = await Promise.all([renderComplianceReport(model), renderComplianceReport(model)]);
    expect(a.equals(b)).toBe(true);
    const other = await renderComplianceReport({ ...model, platforms: [{ ...model.platforms[0], responded: 1 }] });
    expect(other.equals(a)).toBe(false);
  });
});
