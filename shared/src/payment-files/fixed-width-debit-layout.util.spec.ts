import type { DebitBatchHeader, DebitFileItem } from './debit-file-adapter.type';
import { FIXED_WIDTH_120_DEBIT_ADAPTER } from './fixed-width-debit-layout.util';

const header: DebitBatchHeader = {
  batchId: '12',
  clientCode: 'BCORD',
  clientName: 'Banco Cordillera',
  collectionDate: '2026-12-05',
  currency: 'MXN',
};
const items: DebitFileItem[] = [
  {
    reference: 'DD-12-1',
    accountNumber: 'A-100',
    holderName: 'Ana Pérez; hija',
    holderNationalId: 'PEGA800101MDFRRN09',
    bankCode: '002',
    bankAccount: '012345678901234567',
    amountMinor: 150_050,
    currency: 'MXN',
    dueDate: '2026-12-05',
    attempt: 1,
  },
  {
    reference: 'DD-12-2',
    accountNumber: 'A-200',
    holderName: 'Luis Gómez',
    holderNationalId: 'GOLU750505HDFMSS01',
    bankCode: '014',
    bankAccount: '987654321',
    amountMinor: 7,
    currency: 'MXN',
    dueDate: '2026-11-05',
    attempt: 2,
  },
];

describe('Fixed-width 120 debit layout (example bank adapter)', () => {
  it('writes 120-character header, detail and trailer records', () => {
    const records = FIXED_WIDTH_120_DEBIT_ADAPTER.writeBatch(header, items).split('\r\n');
    expect(records).toHaveLength(5);
    expect(records.slice(0, 4).every((r) => r.length === 120)).toBe(true);
    // Total 150 050 + 7 = 150 057 minor units over 2 debits.
    expect(records[0].trimEnd()).toBe('1BCORD     2026120500000002000000000000150057');
    expect(records[1].slice(0, 31)).toBe('2DD-12-1                       ');
    expect(records[1].slice(31, 39)).toBe('002     ');
    expect(records[1].slice(39, 59)).toBe('012345678901234567  ');
    expect(records[1].slice(79, 97)).toBe('000000000000150050');
    expect(records[1].slice(97, 107)).toBe('2026120501');
    expect(records[3].trimEnd()).toBe('900000002000000000000150057');
    expect(records[4]).toBe('');
  });

  it('reads the bank response and translates its codes into the catalogue', () => {
    const detail = (ref: string, status: string, amount: string, code: string) =>
      `2${ref.padEnd(30)}${status}${amount}${code}20261205`.padEnd(120);
    const response = [
      '1BCORD     20261205'.padEnd(120),
      detail('DD-12-1', 'A', '000000000000150050', '000'),
      detail('DD-12-2', 'R', '000000000000000000', '051'),
      detail('DD-12-3', 'R', '000000000000000000', '777'),
      detail('DD-12-4', 'X', '000000000000000000', '000'),
      '2DD-12-5',
      '9000000040000'.padEnd(120),
    ].join('\n');
    const read = FIXED_WIDTH_120_DEBIT_ADAPTER.readResponse(response, 'MXN');
    expect(read.lines).toEqual([
      {
        line: 2,
        reference: 'DD-12-1',
        outcome: 'paid',
        amountMinor: 150_050,
        bankReasonCode: null,
        reasonCode: null,
        paidDate: '2026-12-05',
      },
      {
        line: 3,
        reference: 'DD-12-2',
        outcome: 'rejected',
        amountMinor: 0,
        bankReasonCode: '051',
        reasonCode: 'R01',
        paidDate: '2026-12-05',
      },
      {
        line: 4,
        reference: 'DD-12-3',
        outcome: 'rejected',
        amountMinor: 0,
        bankReasonCode: '777',
        reasonCode: '777',
        paidDate: '2026-12-05',
      },
    ]);
    expect(read.problems).toEqual([
      { line: 5, column: 'status@32', code: 'bad_outcome', params: { value: 'X' } },
      { line: 6, column: '*', code: 'line_too_short', params: { length: 8 } },
    ]);
  });
});
