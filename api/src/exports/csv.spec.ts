import { csvCell, csvLine } from './csv';

describe('csvCell', () => {
  it('should quote cells with commas, quotes or line breaks and leave others bare', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3])).toBe('a,"b,c","say ""hi""","two\nlines",,3\n');
  });

  it('should neutralise a value a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
  });

  it('should write dates as ISO-8601 UTC', () => {
    expect(csvCell(new Date('2020-02-11T01:30:00Z'))).toBe('2020-02-11T01:30:00.000Z');
  });
});
