import { emptyLayoutForm, layoutFormOf, toPaymentLayout } from './payment-layout-form.util';

describe('toPaymentLayout', () => {
  it('builds a CSV layout from the columns filled in', () => {
    const form = emptyLayoutForm();
    form.columns = {
      ...form.columns,
      accountNumber: ' cuenta ',
      amount: 'valor',
      paidDate: 'fecha',
      reference: 'ref',
    };
    form.decimalSeparator = ',';
    expect(toPaymentLayout(form)).toEqual({
      ok: true,
      layout: {
        format: 'csv',
        columns: { accountNumber: 'cuenta', amount: 'valor', paidDate: 'fecha', reference: 'ref' },
        decimalSeparator: ',',
        impliedDecimals: false,
        dateFormat: 'auto',
      },
    });
  });

  it('builds a fixed-width layout with its detail marker, and round-trips it', () => {
    const form = emptyLayoutForm();
    form.format = 'fixed';
    form.starts = { ...form.starts, accountNumber: 2, amount: 12, paidDate: 24, reference: 32 };
    form.lengths = { ...form.lengths, accountNumber: 10, amount: 12, paidDate: 8, reference: 15 };
    form.impliedDecimals = true;
    form.detailStart = 1;
    form.detailValue = '2';
    const built = toPaymentLayout(form);
    expect(built).toMatchObject({
      ok: true,
      layout: {
        format: 'fixed',
        fields: [
          { field: 'accountNumber', start: 2, length: 10 },
          { field: 'amount', start: 12, length: 12 },
          { field: 'paidDate', start: 24, length: 8 },
          { field: 'reference', start: 32, length: 15 },
        ],
        detailRecord: { start: 1, length: 1, value: '2' },
      },
    });
    if (built.ok) expect(layoutFormOf(built.layout)).toEqual(form);
  });

  it('says why a layout cannot read a file', () => {
    const form = emptyLayoutForm();
    form.format = 'fixed';
    form.starts = { ...form.starts, accountNumber: 1, amount: 5 };
    form.lengths = { ...form.lengths, accountNumber: 10, amount: 12 };
    const built = toPaymentLayout(form);
    expect(built.ok).toBe(false);
    if (!built.ok)
      expect(built.problems).toEqual([
        'required field "paidDate" is not mapped',
        'required field "reference" is not mapped',
        'fields "accountNumber" and "amount" overlap',
      ]);
  });
});
