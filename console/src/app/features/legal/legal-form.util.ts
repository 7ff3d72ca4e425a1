import type { AgingBucket, LegalStage, StageTransferFilter, StageTransferRequest } from '@recupera/shared';

/** The transfer dialog's raw values, as the form holds them (empty strings for "any"). */
export interface TransferFormValue {
  by: 'ids' | 'filter';
  accountIds: string;
  portfolioId: string;
  fromTeamId: string;
  agingBucket: AgingBucket | '';
  minDaysPastDue: string;
  toTeamId: string;
  legalStage: LegalStage | '';
  note: string;
}

export type TransferFormProblem =
  | { kind: 'invalidIds'; ids: string[] }
  | { kind: 'noIds' }
  | { kind: 'tooManyIds'; max: number }
  | { kind: 'needsFilter' };

const ID = /^[1-9]\d{0,18}$/;

/** Ids pasted from a spreadsheet or typed: any mix of commas, semicolons, spaces and line breaks. */
export function parseAccountIds(text: string): { ids: string[]; invalid: string[] } {
  const tokens = text.split(/[\s,;]+/).filter((token) => token.length > 0);
  const ids = [...new Set(tokens.filter((token) => ID.test(token)))];
  const invalid = [...new Set(tokens.filter((token) => !ID.test(token)))];
  return { ids, invalid };
}

/** The request the form describes, or why it cannot be sent yet. */
export function toTransferRequest(
  value: TransferFormValue,
  maxAccounts: number,
): { request: StageTransferRequest } | { problem: TransferFormProblem } {
  const target = {
    toTeamId: value.toTeamId,
    ...(value.legalStage ? { legalStage: value.legalStage } : {}),
    ...(value.note.trim() ? { note: value.note.trim() } : {}),
  };
  if (value.by === 'ids') {
    const { ids, invalid } = parseAccountIds(value.accountIds);
    if (invalid.length > 0) return { problem: { kind: 'invalidIds', ids: invalid } };
    if (ids.length === 0) return { problem: { kind: 'noIds' } };
    if (ids.length > maxAccounts) return { problem: { kind: 'tooManyIds', max: maxAccounts } };
    return { request: { accountIds: ids, ...target } };
  }
  if (!value.portfolioId && !value.fromTeamId) return { problem: { kind: 'needsFilter' } };
  const days = value.minDaysPastDue.trim();
  const filter: StageTransferFilter = {
    ...(value.portfolioId ? { portfolioId: value.portfolioId } : {}),
    ...(value.fromTeamId ? { fromTeamId: value.fromTeamId } : {}),
    ...(value.agingBucket ? { agingBucket: value.agingBucket } : {}),
    ...(/^\d+$/.test(days) ? { minDaysPastDue: Number(days) } : {}),
  };
  return { request: { filter, ...target } };
}

/** The local wall-clock value a datetime-local input shows for an instant ('YYYY-MM-DDTHH:mm'). */
export function toLocalInput(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}
