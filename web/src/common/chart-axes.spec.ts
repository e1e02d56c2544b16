import { axisWidth, canvasTextWidth, estimateTextWidth, niceTicks, platformLayout, widestLabel } from './chart-axes';
import { formatCount, formatPercent } from './format';

/** A monospaced measure: 7 px a character, so that widths are easy to read in the tests. */
const mono = (text: string) => text.length * 7;

describe('niceTicks', () => {
  it('should run from 0 to a round maximum at or above the data', () => {
    expect(niceTicks(16_000)).toEqual([0, 5_000, 10_000, 15_000, 20_000]);
    expect(niceTicks(18_342)).toEqual([0, 5_000, 10_000, 15_000, 20_000]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(1_234_567)).toEqual([0, 500_000, 1_000_000, 1_500_000]);
  });

  it('should keep whole steps unless decimals are allowed, and draw something for no data', () => {
    expect(niceTicks(2)).toEqual([0, 1, 2]);
    expect(niceTicks(2, 5, true)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(Number.NaN)).toEqual([0, 1]);
  });
});

describe('axisWidth', () => {
  it('should fit the longest formatted tick label, not a fixed 48 px that cut "16,000" to "6,000"', () => {
    const labels = niceTicks(16_000).map((v) => formatCount(v, 'en'));
    expect(labels.at(-1)).toBe('20,000');
    // 6 characters × 7 px, the tick mark (6), its margin (2) and 4 px of slack.
    expect(axisWidth(labels, mono)).toBe(42 + 12);
    expect(
      axisWidth(
        niceTicks(1_234_567).map((v) => formatCount(v, 'en')),
        mono,
      ),
    ).toBe('1,500,000'.length * 7 + 12);
  });

  it('should measure the labels in the user locale', () => {
    expect(niceTicks(16_000).map((v) => formatCount(v, 'id'))).toEqual(['0', '5.000', '10.000', '15.000', '20.000']);
    expect(axisWidth(['0%', formatPercent(1, 'en')], mono)).toBe(4 * 7 + 12);
    // Hangul is wider than digits: a Korean unit widens the axis.
    expect(axisWidth(['120시간'], estimateTextWidth)).toBeGreaterThan(axisWidth(['120 hr'], estimateTextWidth));
  });

  it('should stop at a maximum (long names then wrap)', () => {
    expect(axisWidth(['A platform with a very long name indeed'], mono, 120)).toBe(120);
    expect(widestLabel(['a', 'abc', 'ab'], mono)).toBe(21);
    expect(widestLabel([], mono)).toBe(0);
  });

  it('should estimate where no canvas can measure (as in these tests)', () => {
    expect(canvasTextWidth('20,000')).toBe(estimateTextWidth('20,000'));
    expect(estimateTextWidth('20,000', 12)).toBeGreaterThan(estimateTextWidth('6,000', 12));
  });
});

describe('platformLayout', () => {
  it('should draw columns while every name fits under its own column', () => {
    // Six short names in 540 px: 90 px each.
    expect(platformLayout([50, 10, 45, 55, 60, 40], 540)).toBe('columns');
  });

  it('should switch to horizontal bars when a name is wider than its column', () => {
    expect(platformLayout([50, 10, 45, 55, 60, 85], 540)).toBe('rows');
    expect(platformLayout([200, 220], 400)).toBe('rows');
  });

  it('should switch to horizontal bars past eight platforms whatever the width', () => {
    expect(platformLayout(Array(8).fill(10), 2000)).toBe('columns');
    expect(platformLayout(Array(9).fill(10), 2000)).toBe('rows');
    expect(platformLayout(Array(12).fill(10), 0)).toBe('rows');
  });

  it('should decide by the count alone before the width is known', () => {
    expect(platformLayout([500, 500], 0)).toBe('columns');
    expect(platformLayout([], 300)).toBe('columns');
  });
});
