/** A bank account as responses and the audit trail show it: only the last four characters. */
export function maskBankAccount(account: string): string {
  return maskedBankAccount(account.slice(-4), account.length);
}

/** The same mask from what is stored in the clear: the last four characters and the length. */
export function maskedBankAccount(last4: string, length: number): string {
  return `${'•'.repeat(Math.max(4, Math.min(8, length - last4.length)))}${last4}`;
}
