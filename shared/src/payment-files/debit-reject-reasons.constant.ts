import type { Locale } from '../contracts/auth.type';

/**
 * What a rejected debit does next: `retry` goes into a later batch (up to the attempts allowed),
 * `stop` leaves the installment to other channels with the mandate kept, `revoke` ends the mandate.
 */
export const DEBIT_REJECT_ACTIONS = ['retry', 'stop', 'revoke'] as const;
export type DebitRejectAction = (typeof DEBIT_REJECT_ACTIONS)[number];

export interface DebitRejectReason {
  code: string;
  action: DebitRejectAction;
  words: Readonly<Record<Locale, string>>;
}

/**
 * The reject reasons of the documented CSV response layout. Codes follow the NACHA return codes
 * where one exists, so banks that already speak them can answer without a table; a bank adapter
 * translates its own codes into these.
 */
export const DEBIT_REJECT_REASONS: readonly DebitRejectReason[] = [
  { code: 'R01', action: 'retry', words: { es: 'Fondos insuficientes', en: 'Insufficient funds' } },
  { code: 'R02', action: 'revoke', words: { es: 'Cuenta cerrada', en: 'Account closed' } },
  { code: 'R03', action: 'revoke', words: { es: 'Cuenta inexistente', en: 'No account / unable to locate' } },
  { code: 'R04', action: 'revoke', words: { es: 'Número de cuenta inválido', en: 'Invalid account number' } },
  {
    code: 'R07',
    action: 'revoke',
    words: { es: 'Autorización revocada por el titular', en: 'Authorization revoked by the holder' },
  },
  {
    code: 'R08',
    action: 'stop',
    words: { es: 'Pago detenido por el titular', en: 'Payment stopped by the holder' },
  },
  {
    code: 'R09',
    action: 'retry',
    words: { es: 'Fondos no disponibles (en canje)', en: 'Uncollected funds' },
  },
  { code: 'R10', action: 'revoke', words: { es: 'Débito no autorizado', en: 'Debit not authorized' } },
  { code: 'R16', action: 'stop', words: { es: 'Cuenta embargada o congelada', en: 'Account frozen' } },
];

/** A debit the bank never answered in its response file: tried again like missing funds. */
export const UNANSWERED_DEBIT_CODE = 'NR';

export function debitRejectReason(code: string): DebitRejectReason | null {
  return DEBIT_REJECT_REASONS.find((reason) => reason.code === code) ?? null;
}

/** An unknown code stops retries (a person looks at it) but keeps the mandate. */
export function debitRejectAction(code: string | null): DebitRejectAction {
  if (code === UNANSWERED_DEBIT_CODE) return 'retry';
  return (code && debitRejectReason(code)?.action) || 'stop';
}

export function describeDebitReject(code: string | null, locale: Locale): string {
  if (code === UNANSWERED_DEBIT_CODE)
    return locale === 'es' ? 'Sin respuesta del banco' : 'No answer from the bank';
  const reason = code ? debitRejectReason(code) : null;
  if (reason) return reason.words[locale];
  return locale === 'es' ? `Código del banco ${code ?? '—'}` : `Bank code ${code ?? '—'}`;
}
