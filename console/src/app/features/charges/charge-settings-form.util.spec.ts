import {
  parsePercentPpm,
  ppmToPercentText,
  rowsFromTranches,
  tranchesFromRows,
} from './charge-settings-form.util';

describe('Charge settings forms', () => {
  it('reads percentages as whole ppm, exactly', () => {
    // 1.8769 % = 18 769 ppm; 0,2 % = 2 000; 9 % = 90 000; 100 % is the most.
    expect(parsePercentPpm('1.8769')).toBe(18_769);
    expect(parsePercentPpm('0,2')).toBe(2_000);
    expect(parsePercentPpm(' 9 %')).toBe(90_000);
    expect(parsePercentPpm('100')).toBe(1_000_000);
    expect(parsePercentPpm('100.0001')).toBeNull();
    expect(parsePercentPpm('0.00001')).toBeNull();
    expect(parsePercentPpm('-1')).toBeNull();
    expect(parsePercentPpm('abc')).toBeNull();
    expect(ppmToPercentText(18_769)).toBe('1.8769');
    expect(ppmToPercentText(90_000)).toBe('9');
    expect(ppmToPercentText(2_500)).toBe('0.25');
  });

  it('turns the editor rows into contiguous tranches and back', () => {
    // Chile at a UF of 39 500 pesos (CLP has no minor digits): up to 395 000 at 9 %, up to
    // 1 975 000 at 6 %, the rest at 3 %.
    const rows = [
      { upTo: '395000', rate: '9' },
      { upTo: '1975000', rate: '6' },
      { upTo: '', rate: '3' },
    ];
    const tranches = tranchesFromRows(rows, 'CLP');
    expect(tranches).toEqual([
      { lowerMinor: 0, upperMinor: 395_000, ratePpm: 90_000 },
      { lowerMinor: 395_000, upperMinor: 1_975_000, ratePpm: 60_000 },
      { lowerMinor: 1_975_000, upperMinor: null, ratePpm: 30_000 },
    ]);
    expect(rowsFromTranches(tranches!, 'CLP')).toEqual(rows);
    // Pesos with cents: 1 000.50 COP is 100 050 minor units.
    expect(tranchesFromRows([{ upTo: '1000.50', rate: '1' }], 'COP')).toEqual([
      { lowerMinor: 0, upperMinor: 100_050, ratePpm: 10_000 },
    ]);
    expect(tranchesFromRows([{ upTo: 'mucho', rate: '1' }], 'COP')).toBeNull();
  });
});
