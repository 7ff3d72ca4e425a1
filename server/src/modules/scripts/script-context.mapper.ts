import type { ScriptContext } from '@recupera/shared';
import type { ScriptContextRow } from './scripts.repository';

/** The first word of a full name is what an agent greets with ("Buenos días, María"). */
export function firstNameOf(fullName: string | null): string {
  return fullName?.trim().split(/\s+/)[0] ?? '';
}

function lastNameOf(fullName: string | null): string | null {
  const words = fullName?.trim().split(/\s+/) ?? [];
  return words.length > 1 ? words.slice(1).join(' ') : null;
}

export function toScriptContext(
  row: ScriptContextRow,
  agentName: string,
  agencyName: string,
  today: string,
): ScriptContext {
  return {
    debtor: {
      firstName: firstNameOf(row.fullName),
      lastName: lastNameOf(row.fullName),
      fullName: row.fullName ?? '',
      nationalId: row.nationalId,
    },
    account: {
      number: row.accountNumber,
      balance: { amountMinor: row.balanceMinor, currency: row.currency },
      originalAmount: { amountMinor: row.originalAmountMinor, currency: row.currency },
      daysPastDue: row.daysPastDue,
      dueDate: row.dueDate,
      product: row.product,
      agingBucket: row.agingBucket,
    },
    client: { name: row.clientName },
    agency: { name: agencyName },
    agent: { firstName: firstNameOf(agentName), fullName: agentName },
    today,
  };
}
