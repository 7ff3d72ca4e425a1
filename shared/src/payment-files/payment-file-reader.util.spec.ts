import type { CsvPaymentLayout, FixedWidthPaymentLayout } from './payment-file-layout.type';
import { PaymentFileReader } from './payment-file-reader.util';
import { describePaymentRowProblem } from './payment-row-problem-messages.util';
import type { PaymentFileClient } from './payment-row.mapper';

const bank: PaymentFileClient = { id: '1', code: 'BCORD', currency: 'MXN' };
const water: PaymentFileClient = { id: '2', code: 'AGUAS', currency: 'USD' };
const clients = new Map([
  ['BCORD', bank],
  ['AGUAS', water],
]);
const csv: CsvPaymentLayout = {
  format: 'csv',
  columns: {
    clientCode: 'cliente',
    accountNumber: 'cuenta',
    amount: 'valor',
    paidDate: 'fecha',
    reference: 'ref',
  },
  dateFormat: 'auto',
  decimalSeparator: ',',
  impliedDecimals: false,
};
const header = ['cliente', 'cuenta', 'valor', 'fecha', 'ref'];
const base = { clients, fileClient: bank, fileChannel: 'bank' as const, today: '2026-11-23' };

describe(PaymentFileReader.name, () => {
  it('reads a CSV line into a payment of the named client, in minor units', () => {
    const reader = new PaymentFileReader({ ...base, layout: csv }, header);
    expect(reader.readCells(2, ['aguas', 'W-7', '1.234,56', '20/11/2026', 'TRX-1'])).toEqual({
      kind: 'accepted',
      row: {
        clientId: '2',
        clientCode: 'AGUAS',
        currency: 'USD',
        accountNumber: 'W-7',
        amountMinor: 123_456,
        paidDate: '2026-11-20',
        reference: 'TRX-1',
        channel: 'bank',
      },
    });
  });

  it('lists every problem of a bad line with its column', () => {
    const reader = new PaymentFileReader({ ...base, layout: csv }, header);
    const verdict = reader.readCells(3, ['NOPE', 'A 1', '0', '2026-12-01', 'bad ref']);
    expect(verdict).toEqual({
      kind: 'rejected',
      problems: [
        { column: 'cliente', code: 'unknown_client', params: { value: 'NOPE' } },
        { column: 'cuenta', code: 'bad_account_number', params: { value: 'A 1' } },
        { column: 'valor', code: 'not_positive', params: { value: '0' } },
        { column: 'fecha', code: 'future_date', params: { value: '2026-12-01' } },
        { column: 'ref', code: 'bad_reference', params: { value: 'bad ref' } },
      ],
    });
  });

  it('rejects a reference repeated in the file, naming the first line', () => {
    const reader = new PaymentFileReader({ ...base, layout: csv }, header);
    expect(reader.readCells(2, ['', 'A-1', '10', '2026-11-20', 'R-1']).kind).toBe('accepted');
    const repeat = reader.readCells(5, ['', 'A-2', '20', '2026-11-20', 'R-1']);
    expect(repeat).toEqual({
      kind: 'rejected',
      problems: [{ column: 'ref', code: 'duplicate_reference', params: { reference: 'R-1', firstLine: 2 } }],
    });
    if (repeat.kind !== 'rejected') return;
    expect(describePaymentRowProblem(repeat.problems[0], 'es')).toBe(
      'la referencia R-1 está repetida (primero en la línea 2)',
    );
    expect(describePaymentRowProblem(repeat.problems[0], 'en')).toBe(
      'reference R-1 is repeated (first on line 2)',
    );
  });

  it('refuses stray values past the header and skips blank lines', () => {
    const reader = new PaymentFileReader({ ...base, layout: csv }, header);
    expect(reader.readCells(4, ['', '', '', '', ''])).toEqual({ kind: 'skipped' });
    expect(reader.readCells(5, ['', 'A-1', '10', '2026-11-20', 'R-2', 'extra'])).toMatchObject({
      kind: 'rejected',
      problems: [{ code: 'too_many_values', params: { values: 6, columns: 5 } }],
    });
  });

  it('reads fixed-width details with implied decimals and the file channel', () => {
    const layout: FixedWidthPaymentLayout = {
      format: 'fixed',
      fields: [
        { field: 'accountNumber', start: 2, length: 10 },
        { field: 'amount', start: 12, length: 12 },
        { field: 'paidDate', start: 24, length: 8 },
        { field: 'reference', start: 32, length: 15 },
        { field: 'channel', start: 47, length: 6 },
      ],
      skipLines: 1,
      detailRecord: { start: 1, length: 1, value: '2' },
      dateFormat: 'YYYYMMDD',
      decimalSeparator: '.',
      impliedDecimals: true,
    };
    const reader = new PaymentFileReader({ ...base, layout, fileChannel: 'cashier' });
    const line = '2A-100     00000015005020261120TRX-0001       ';
    expect(reader.readLine(1, line)).toEqual({ kind: 'skipped' });
    // 000000150050 with 2 implied decimals = 1 500.50 MXN = 150 050 minor units.
    expect(reader.readLine(2, line)).toMatchObject({
      kind: 'accepted',
      row: { accountNumber: 'A-100', amountMinor: 150_050, paidDate: '2026-11-20', channel: 'cashier' },
    });
    expect(reader.readLine(3, line.replace('TRX-0001', 'TRX-0002') + 'BANCO ')).toMatchObject({
      kind: 'accepted',
      row: { reference: 'TRX-0002', channel: 'bank' },
    });
    expect(reader.readLine(4, '2A-100     0000001500')).toEqual({
      kind: 'rejected',
      problems: [
        { column: 'paidDate@24-31', code: 'line_too_short', params: { length: 21 } },
        { column: 'reference@32-46', code: 'line_too_short', params: { length: 21 } },
      ],
    });
    expect(reader.readLine(5, '9000002')).toEqual({ kind: 'skipped' });
  });
});
