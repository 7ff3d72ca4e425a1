import type { LegalState } from '../compliance/contact-gate.type';
import type { AccountStatus } from '../domain/enums.constant';
import type { AccountStage, DebtBreakdown, LegalStage, TeamKind } from '../contracts/legal.type';

/** The account's money as stored: balance is the total owed, interest and fees are parts of it. */
export interface AccountDebt {
  currency: string;
  balanceMinor: number;
  interestMinor: number;
  feesMinor: number;
}

/** The debt split for a determination: whatever of the balance is not interest or fees is principal. */
export function debtBreakdown(account: AccountDebt): DebtBreakdown {
  return {
    currency: account.currency,
    principalMinor: account.balanceMinor - account.interestMinor - account.feesMinor,
    interestMinor: account.interestMinor,
    feesMinor: account.feesMinor,
    balanceMinor: account.balanceMinor,
  };
}

/** The open legal case as the contact gate needs it. */
export interface OpenCaseState {
  lawsuitServedAt: Date | null;
}

/**
 * Whether the lawsuit counts as served for the contact gate (CL art. 37 Ley 19.496 stops extrajudicial
 * collection once it is). An open case answers by its service date. An account in the legal status
 * with no case on record came in that way from the client's file: nothing shows the lawsuit was not
 * served, and the gate must not read missing data as "allowed".
 */
export function legalStateOf(accountStatus: AccountStatus, openCase: OpenCaseState | null): LegalState {
  if (openCase) return { lawsuitServed: openCase.lawsuitServedAt !== null };
  return { lawsuitServed: accountStatus === 'legal' };
}

const RECEIVABLE: readonly AccountStatus[] = ['active', 'in_agreement', 'legal'];

/** Only a debt still owed can go to court: not a paid, written-off or closed account. */
export function isLegalEligible(status: AccountStatus, balanceMinor: number): boolean {
  return RECEIVABLE.includes(status) && balanceMinor > 0;
}

/** The stage a transfer puts accounts in: legal when a legal stage is named, else by the team's kind. */
export function transferStage(teamKind: TeamKind, legalStage: LegalStage | undefined): AccountStage {
  if (legalStage) return 'legal';
  return teamKind === 'internal' ? 'internal' : 'external';
}

/** Why a transfer to this team is refused, or null: the legal stage is handed to a firm or agency. */
export function transferRefusal(teamKind: TeamKind, legalStage: LegalStage | undefined): string | null {
  if (legalStage && teamKind === 'internal') {
    return 'The legal stage is handed to an external agency or a law firm, not to an internal team';
  }
  return null;
}

/**
 * The account's status after a transfer. Into the legal stage: 'legal'. Out of it: back to working
 * status, 'in_agreement' while an agreement is active. Any other move keeps the status.
 */
export function statusAfterTransfer(
  current: AccountStatus,
  toLegal: boolean,
  hasActiveAgreement: boolean,
): AccountStatus {
  if (toLegal) return 'legal';
  if (current !== 'legal') return current;
  return hasActiveAgreement ? 'in_agreement' : 'active';
}

export type CaseChange = 'open' | 'move' | 'keep' | 'close' | 'none';

/**
 * What a transfer does to the account's legal case. A case that is already open follows the account
 * to the new firm (its served date and its log stay with it), rather than closing and reopening.
 */
export function caseChange(
  openCase: { firmTeamId: string; stage: LegalStage } | null,
  target: { teamId: string; legalStage: LegalStage | undefined },
): CaseChange {
  if (!target.legalStage) return openCase ? 'close' : 'none';
  if (!openCase) return 'open';
  return openCase.firmTeamId === target.teamId && openCase.stage === target.legalStage ? 'keep' : 'move';
}
