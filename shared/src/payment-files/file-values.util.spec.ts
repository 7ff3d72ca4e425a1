import { minorToFileAmount, parseFileAmount, parseFileDate, splitCsvLine } from './file-values.util';

describe('parseFileAmount', () => {
  const point = { decimalSeparator: '.' as const, impliedDecimals: false };
  const comma = { decimalSeparator: ',' as const, impliedDecimals: false };
  const implied = { decimalSeparator: '.' as const, impliedDecimals: true };

  it('reads decimal points and commas exactly, dropping the thousands mark', () => {
    expect(parseFileAmount('1,500.50', 'COP', point)).toBe(150_050);
    expect(parseFileAmount('1.500,50', 'COP', comma)).toBe(150_050);
    // 0.29 is exactly 29 cents (0.29 * 100 in floating point is 28.999999999999996).
    expect(parseFileAmount('0,29', 'MXN', comma)).toBe(29);
    expect(parseFileAmount('12 500', 'CLP', point)).toBe(12_500);
  });

  it('reads implied decimals as minor units', () => {
    expect(parseFileAmount('000000150050', 'COP', implied)).toBe(150_050);
    expect(parseFileAmount('000000012500', 'CLP', implied)).toBe(12_500);
  });

  it('refuses text, too many decimals and a decimal mark with implied decimals', () => {
    expect(parseFileAmount('mil', 'COP', point)).toBeNull();
    expect(parseFileAmount('10.505', 'COP', point)).toBeNull();
    expect(parseFileAmount('10.5', 'CLP', point)).toBeNull();
    expect(parseFileAmount('1500.50', 'COP', implied)).toBeNull();
  });
});

describe('parseFileDate', () => {
  it('reads every auto format and refuses impossible days', () => {
    expect(parseFileDate('2026-11-20', 'auto')).toBe('2026-11-20');
    expect(parseFileDate('20/11/2026', 'auto')).toBe('2026-11-20');
    expect(parseFileDate('20261120', 'auto')).toBe('2026-11-20');
    expect(parseFileDate('20260231', 'auto')).toBeNull();
  });

  it('reads DDMMYYYY only when the layout says so', () => {
    expect(parseFileDate('20112026', 'DDMMYYYY')).toBe('2026-11-20');
    expect(parseFileDate('20112026', 'YYYYMMDD')).toBeNull();
  });
});

describe('file CSV helpers', () => {
  it('splits quoted cells with delimiters and doubled quotes inside', () => {
    expect(splitCsvLine('a;"b;c";"say ""hi""";', ';')).toEqual(['a', 'b;c', 'say "hi"', '']);
  });

  it('writes minor units with the currency decimals', () => {
    expect(minorToFileAmount(150_050, 'COP')).toBe('1500.50');
    expect(minorToFileAmount(7, 'MXN')).toBe('0.07');
    expect(minorToFileAmount(12_500, 'CLP')).toBe('12500');
  });
});
