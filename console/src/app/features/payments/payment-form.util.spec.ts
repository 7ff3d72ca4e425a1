import { normalizeAmount, toPostPayment, type PaymentFormValue } from './payment-form.util';

const form = (patch: Partial<PaymentFormValue> = {}): PaymentFormValue => ({
  amount: '150.000,50',
  channel: 'cashier',
  reference: 'RC-1',
  paidAt: '',
  note: '',
  ...patch,
});

describe('payment form', () => {
  it('reads amounts the way cashiers type them, exactly', () => {
    expect(normalizeAmount('1.234.567,50')).toBe('1234567.50');
    expect(normalizeAmount('1,234.50')).toBe('1234.50');
    expect(normalizeAmount('$ 2500')).toBe('2500');
    expect(normalizeAmount('150.000')).toBe('150000');
    expect(normalizeAmount('2,500')).toBe('2500');
    expect(normalizeAmount('12.5')).toBe('12.5');
    // 150.000,50 COP = 15 000 050 minor units (two decimals).
    expect(toPostPayment('7', 'COP', form())).toEqual({
      request: { accountId: '7', amountMinor: 15_000_050, channel: 'cashier', reference: 'RC-1' },
    });
  });

  it('says what is wrong', () => {
    expect(toPostPayment('7', 'COP', form({ amount: '0' }))).toEqual({ problem: 'amount' });
    expect(toPostPayment('7', 'COP', form({ amount: 'abc' }))).toEqual({ problem: 'amount' });
    expect(toPostPayment('7', 'COP', form({ reference: 'con espacio' }))).toEqual({ problem: 'reference' });
    const now = new Date('2026-12-02T12:00:00Z');
    expect(toPostPayment('7', 'COP', form({ paidAt: '2027-01-01T10:00' }), now)).toEqual({
      problem: 'paidAt',
    });
  });
});
