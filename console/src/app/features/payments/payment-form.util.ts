import { parseMajorToMinor, type PaymentChannel, type PostPaymentRequest } from '@recupera/shared';

export interface PaymentFormValue {
  amount: string;
  channel: PaymentChannel;
  reference: string;
  /** 'YYYY-MM-DDTHH:mm' from a datetime-local input, in the cashier's time zone; empty: now. */
  paidAt: string;
  note: string;
}

export type PaymentFormProblem = 'amount' | 'reference' | 'paidAt';

/** The form as the API wants it, or what is wrong with it (amounts typed as "1.234,50" or "1234.50"). */
export function toPostPayment(
  accountId: string,
  currency: string,
  form: PaymentFormValue,
  now = new Date(),
): { request: PostPaymentRequest } | { problem: PaymentFormProblem } {
  const amountMinor = parseMajorToMinor(normalizeAmount(form.amount), currency);
  if (amountMinor === null || amountMinor <= 0) return { problem: 'amount' };
  const reference = form.reference.trim();
  if (!/^[\w.:/#-]{1,80}$/.test(reference)) return { problem: 'reference' };
  let paidAt: string | undefined;
  if (form.paidAt) {
    const at = new Date(form.paidAt);
    if (Number.isNaN(at.getTime()) || at.getTime() > now.getTime()) return { problem: 'paidAt' };
    paidAt = at.toISOString();
  }
  const note = form.note.trim();
  return {
    request: {
      accountId,
      amountMinor,
      channel: form.channel,
      reference,
      ...(paidAt ? { paidAt } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/**
 * "1.234.567,50" (Spanish) → "1234567.50"; "1,234.50" → "1234.50"; "150.000" → "150000" (groups of
 * three after a point are thousands: no currency here has three decimals); a plain number stays.
 */
export function normalizeAmount(text: string): string {
  const compact = text.replace(/[\s$]/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(compact)) return compact.replace(/[.,]/g, '');
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  if (lastComma > lastDot) return compact.replace(/\./g, '').replace(',', '.');
  return compact.replace(/,/g, '');
}
