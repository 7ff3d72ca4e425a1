import type { ImportContext } from '@recupera/shared';
import { ImportRowReader } from './import-row-reader.util';

const context: ImportContext = {
  currency: 'COP',
  phoneRegion: 'CO',
  defaultTimeZone: 'America/Bogota',
  today: '2026-11-23',
};

describe(ImportRowReader.name, () => {
  const header = ['cuenta', 'saldo'];
  const reader = () => new ImportRowReader(header, { accountNumber: 'cuenta', balance: 'saldo' }, context);

  it('accepts a valid row and skips a blank one', () => {
    const r = reader();
    expect(r.read(2, ['A-1', '10'])).toMatchObject({
      kind: 'accepted',
      row: { accountNumber: 'A-1', balanceMinor: 1000 },
    });
    expect(r.read(3, ['', ' '])).toEqual({ kind: 'skipped' });
  });

  it('rejects a repeated account naming the line it first appeared on', () => {
    const r = reader();
    r.read(2, ['1001', '10']);
    expect(r.read(9, ['1001', '12'])).toEqual({
      kind: 'rejected',
      problems: [{ column: 'cuenta', code: 'duplicate_account', params: { account: '1001', firstLine: 2 } }],
    });
  });

  it('rejects stray values beyond the header but tolerates empty trailing cells', () => {
    const r = reader();
    expect(r.read(2, ['A-1', '10', 'x'])).toEqual({
      kind: 'rejected',
      problems: [{ column: '*', code: 'too_many_values', params: { values: 3, columns: 2 } }],
    });
    expect(r.read(3, ['A-2', '10', ''])).toMatchObject({ kind: 'accepted' });
  });
});
