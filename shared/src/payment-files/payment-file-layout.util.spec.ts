import type { FixedWidthPaymentLayout } from './payment-file-layout.type';
import {
  parsePaymentLayout,
  checkPaymentLayout,
  fieldLabels,
  missingCsvColumns,
  sliceFixedWidth,
} from './payment-file-layout.util';

// A 46-character bank record: type (1), account (2-11), amount in cents (12-23), date YYYYMMDD
// (24-31), reference (32-46).
const bankLayout: FixedWidthPaymentLayout = {
  format: 'fixed',
  fields: [
    { field: 'accountNumber', start: 2, length: 10 },
    { field: 'amount', start: 12, length: 12 },
    { field: 'paidDate', start: 24, length: 8 },
    { field: 'reference', start: 32, length: 15 },
  ],
  skipLines: 0,
  detailRecord: { start: 1, length: 1, value: '2' },
  dateFormat: 'YYYYMMDD',
  decimalSeparator: '.',
  impliedDecimals: true,
};

describe('checkPaymentLayout', () => {
  it('accepts a complete fixed-width layout', () => {
    expect(checkPaymentLayout(bankLayout)).toEqual([]);
  });

  it('names overlapping fields, missing required ones and fields past the line limit', () => {
    const broken: FixedWidthPaymentLayout = {
      ...bankLayout,
      fields: [
        { field: 'accountNumber', start: 2, length: 10 },
        // 11 + 12 - 1 = 22 overlaps the account's columns 2-11 at column 11.
        { field: 'amount', start: 11, length: 12 },
        { field: 'reference', start: 995, length: 10 },
      ],
    };
    expect(checkPaymentLayout(broken)).toEqual([
      'field "reference" ends past column 1000',
      'required field "paidDate" is not mapped',
      'fields "accountNumber" and "amount" overlap',
    ]);
  });

  it('requires the CSV columns of the required fields', () => {
    expect(
      checkPaymentLayout({
        format: 'csv',
        columns: { accountNumber: 'cuenta', amount: 'valor', paidDate: 'fecha' },
        dateFormat: 'auto',
        decimalSeparator: ',',
        impliedDecimals: false,
      }),
    ).toEqual(['required field "reference" is not mapped']);
  });

  it('lists the CSV columns a file lacks', () => {
    const layout = {
      format: 'csv' as const,
      columns: { accountNumber: 'cuenta', amount: 'valor', paidDate: 'fecha', reference: 'ref' },
      dateFormat: 'auto' as const,
      decimalSeparator: '.' as const,
      impliedDecimals: false,
    };
    expect(missingCsvColumns(layout, ['cuenta', 'valor', 'fecha'])).toEqual([
      'column "ref" (for reference) is not in the file',
    ]);
  });
});

describe('sliceFixedWidth', () => {
  it('cuts a detail record into trimmed fields', () => {
    const line = '2' + 'A-100     ' + '000000150050' + '20261120' + 'TRX-0001       ';
    expect(sliceFixedWidth(line, bankLayout)).toEqual({
      kind: 'detail',
      cells: { accountNumber: 'A-100', amount: '000000150050', paidDate: '20261120', reference: 'TRX-0001' },
      tooShort: [],
    });
  });

  it('skips header and trailer records and blank lines', () => {
    expect(sliceFixedWidth('1BANCO 20261120', bankLayout)).toEqual({ kind: 'other' });
    expect(sliceFixedWidth('9000002', bankLayout)).toEqual({ kind: 'other' });
    expect(sliceFixedWidth('   ', bankLayout)).toEqual({ kind: 'other' });
  });

  it('reads a field cut short by trimmed blanks, and reports one that starts past the end', () => {
    // 31 characters: the reference (from column 32) is missing altogether.
    const line = '2' + 'A-100     ' + '000000150050' + '20261120';
    expect(sliceFixedWidth(line, bankLayout)).toMatchObject({ kind: 'detail', tooShort: ['reference'] });
    const shortReference = line + 'TRX-9';
    expect(sliceFixedWidth(shortReference, bankLayout)).toMatchObject({
      cells: { reference: 'TRX-9' },
      tooShort: [],
    });
  });

  it('labels fields by their columns for the reject report', () => {
    expect(fieldLabels(bankLayout)).toEqual({
      accountNumber: 'accountNumber@2-11',
      amount: 'amount@12-23',
      paidDate: 'paidDate@24-31',
      reference: 'reference@32-46',
    });
  });
});

describe('parsePaymentLayout', () => {
  it('keeps only the known keys of a layout sent as JSON', () => {
    expect(
      parsePaymentLayout({
        format: 'csv',
        columns: {
          accountNumber: ' cuenta ',
          amount: 'valor',
          paidDate: 'fecha',
          reference: 'ref',
          channel: '',
        },
        decimalSeparator: ',',
        extra: 'ignored',
      }),
    ).toEqual({
      ok: true,
      layout: {
        format: 'csv',
        columns: { accountNumber: 'cuenta', amount: 'valor', paidDate: 'fecha', reference: 'ref' },
        dateFormat: 'auto',
        decimalSeparator: ',',
        impliedDecimals: false,
      },
    });
  });

  it('takes the marker length from its value and refuses what cannot be a layout', () => {
    const parsed = parsePaymentLayout({ ...bankLayout, detailRecord: { start: 1, value: 'D2' } });
    expect(parsed.ok && parsed.layout.format === 'fixed' && parsed.layout.detailRecord).toEqual({
      start: 1,
      length: 2,
      value: 'D2',
    });
    expect(parsePaymentLayout({ format: 'xml' })).toEqual({
      ok: false,
      problems: ['format must be "csv" or "fixed"'],
    });
    expect(parsePaymentLayout({ format: 'fixed', fields: 'a' })).toEqual({
      ok: false,
      problems: ['fields must be a list of { field, start, length }'],
    });
    expect(
      parsePaymentLayout({ ...bankLayout, fields: [{ field: 'amount', start: 0, length: 5 }] }),
    ).toMatchObject({
      ok: false,
      problems: expect.arrayContaining(['field "amount" needs a start and a length from 1 to 1000']),
    });
  });
});
