import { checkMapping, UCI_CREDIT_CARD_PRESET, type ColumnMapping } from './import-fields.constant';
import { mapImportRow, type ImportContext } from './import-row.mapper';
import { describeRowProblem } from './row-problem-messages.util';

const context: ImportContext = {
  currency: 'COP',
  phoneRegion: 'CO',
  defaultTimeZone: 'America/Bogota',
  today: '2026-11-23',
};
const mapping: ColumnMapping = {
  accountNumber: 'cuenta',
  balance: 'saldo',
  dueDate: 'vence',
  nationalId: 'cedula',
  fullName: 'nombre',
  phone1: 'tel',
  phone2: 'tel2',
  email: 'correo',
};

function row(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    cuenta: 'A-100',
    saldo: '1500.50',
    vence: '2026-10-24',
    cedula: '1020304050',
    nombre: 'Ana Pérez',
    tel: '300 123 4567',
    tel2: '',
    correo: '',
    ...overrides,
  };
}

describe('mapImportRow', () => {
  it('maps a good row with days past due, bucket and E.164 phones', () => {
    const result = mapImportRow(row(), mapping, context);
    expect(result).toMatchObject({
      ok: true,
      row: {
        accountNumber: 'A-100',
        debtorKey: '1020304050',
        balanceMinor: 150_050,
        originalAmountMinor: 150_050,
        dueDate: '2026-10-24',
        daysPastDue: 30,
        agingBucket: '0-30',
        phones: [{ e164: '+573001234567', kind: 'mobile' }],
        timeZone: 'America/Bogota',
      },
    });
  });

  it('lists every problem of a bad row with its column', () => {
    const result = mapImportRow(
      row({ cuenta: '', saldo: 'mil', vence: '31/02/2026', tel: '12', correo: 'x@' }),
      mapping,
      context,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.column).sort()).toEqual([
      'correo',
      'cuenta',
      'saldo',
      'tel',
      'vence',
    ]);
    expect(result.problems.find((p) => p.column === 'saldo')).toEqual({
      column: 'saldo',
      code: 'not_amount',
      params: { value: 'mil', currency: 'COP' },
    });
  });

  it('refuses a negative balance, which is a credit and not a debt', () => {
    const result = mapImportRow(row({ saldo: '-10' }), mapping, context);
    expect(result).toEqual({
      ok: false,
      problems: [{ column: 'saldo', code: 'negative_amount', params: { value: '-10' } }],
    });
  });

  it('keeps one debtor per account when the file has no national id', () => {
    const result = mapImportRow(row({ cedula: '' }), mapping, context);
    expect(result.ok && result.row.debtorKey).toBe('acct:A-100');
  });

  it('reads UCI repayment status as months of delay', () => {
    const uci = { ID: '7', BILL_AMT1: '1.00E+05', LIMIT_BAL: '500000', PAY_0: '2' };
    const result = mapImportRow(uci, UCI_CREDIT_CARD_PRESET.mapping, { ...context, currency: 'MXN' });
    expect(result).toMatchObject({
      ok: true,
      row: { balanceMinor: 10_000_000, daysPastDue: 60, agingBucket: '31-60', dueDate: '2026-09-24' },
    });
    const paid = mapImportRow({ ...uci, PAY_0: '-1' }, UCI_CREDIT_CARD_PRESET.mapping, context);
    expect(paid.ok && paid.row.daysPastDue).toBe(0);
  });

  it('de-duplicates the same phone written twice', () => {
    const result = mapImportRow(row({ tel2: '+57 300 1234567' }), mapping, context);
    expect(result.ok && result.row.phones).toHaveLength(1);
  });
});

describe('checkMapping', () => {
  it('requires the account number and balance, and columns that exist', () => {
    expect(checkMapping({ accountNumber: 'ID' }, ['ID', 'X'])).toEqual([
      'required field "balance" is not mapped',
    ]);
    expect(checkMapping({ accountNumber: 'ID', balance: 'NOPE' }, ['ID'])).toEqual([
      'column "NOPE" (for balance) is not in the file',
    ]);
    expect(checkMapping(UCI_CREDIT_CARD_PRESET.mapping, ['ID', 'BILL_AMT1', 'LIMIT_BAL', 'PAY_0'])).toEqual(
      [],
    );
  });
});

describe('describeRowProblem', () => {
  it('words a problem in Spanish and in English with its values', () => {
    const problem = { code: 'duplicate_account', params: { account: 'C-1', firstLine: 2 } } as const;
    expect(describeRowProblem(problem, 'es')).toBe('la cuenta C-1 está repetida (primero en la línea 2)');
    expect(describeRowProblem(problem, 'en')).toBe('account C-1 is repeated (first on line 2)');
  });
});
