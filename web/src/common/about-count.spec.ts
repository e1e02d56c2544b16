import { aboutCount } from './format';

describe('an estimated total', () => {
  it('should be rounded to two significant figures', () => {
    expect(aboutCount(20_235, 'en')).toBe('20,000');
    expect(aboutCount(10_001, 'en')).toBe('10,000');
    expect(aboutCount(15_500, 'en')).toBe('16,000');
    expect(aboutCount(153_287, 'en')).toBe('150,000');
    expect(aboutCount(996_000, 'en')).toBe('1,000,000');
    expect(aboutCount(1_234_567, 'en')).toBe('1,200,000');
  });

  it("should be written in the locale's digits", () => {
    expect(aboutCount(20_235, 'ko')).toBe('20,000');
    expect(aboutCount(20_235, 'id')).toBe('20.000');
  });
});
