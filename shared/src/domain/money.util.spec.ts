import { formatMoney, minorToMajorString, parseMajorToMinor } from './money.util';

describe('parseMajorToMinor', () => {
  it('parses decimals exactly, without binary floating point', () => {
    expect(parseMajorToMinor('0.29', 'USD')).toBe(29);
    expect(parseMajorToMinor('1234.5', 'MXN')).toBe(123_450);
    expect(parseMajorToMinor('-12', 'COP')).toBe(-1_200);
    expect(parseMajorToMinor('+7', 'USD')).toBe(700);
  });

  it('reads spreadsheet scientific notation like 1.00E+05', () => {
    expect(parseMajorToMinor('1.00E+05', 'MXN')).toBe(10_000_000);
    expect(parseMajorToMinor('2.5e-1', 'USD')).toBe(25);
  });

  it('respects currencies without minor units', () => {
    expect(parseMajorToMinor('15000', 'CLP')).toBe(15_000);
    expect(parseMajorToMinor('15000.5', 'CLP')).toBeNull();
  });

  it('refuses text, too many decimals and unsafe magnitudes', () => {
    expect(parseMajorToMinor('12,50', 'USD')).toBeNull();
    expect(parseMajorToMinor('1.234', 'USD')).toBeNull();
    expect(parseMajorToMinor('abc', 'USD')).toBeNull();
    expect(parseMajorToMinor('99999999999999999999', 'USD')).toBeNull();
  });
});

describe('minorToMajorString', () => {
  it('writes minor units back as a plain decimal', () => {
    expect(minorToMajorString(123_456, 'MXN')).toBe('1234.56');
    expect(minorToMajorString(-5, 'USD')).toBe('-0.05');
    expect(minorToMajorString(900, 'CLP')).toBe('900');
  });
});

describe('formatMoney', () => {
  it('formats with the currency and its decimals', () => {
    expect(formatMoney({ amountMinor: 123_456, currency: 'USD' }, 'en')).toBe('$1,234.56');
  });
});
