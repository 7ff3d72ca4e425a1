import {
  debtBreakdown,
  type LegalActionResponse,
  type LegalCaseDetail,
  type LegalCaseListItem,
} from '@recupera/shared';
import type { LegalActionRow, LegalCaseRow } from './legal-cases.repository';

export function toLegalCaseListItem(row: LegalCaseRow): LegalCaseListItem {
  return {
    id: row.id,
    accountId: row.accountId,
    accountNumber: row.accountNumber,
    debtorName: row.debtorName,
    clientName: row.clientName,
    stage: row.stage,
    status: row.status,
    firmTeamId: row.firmTeamId,
    firmName: row.firmName,
    openedAt: row.openedAt.toISOString(),
    lawsuitServedAt: row.lawsuitServedAt?.toISOString() ?? null,
    court: row.court,
    caseNumber: row.caseNumber,
    balance: { amountMinor: row.balanceMinor, currency: row.currency },
    lastActionAt: row.lastActionAt?.toISOString() ?? null,
  };
}

export function toLegalActionResponse(row: LegalActionRow): LegalActionResponse {
  return { id: row.id, kind: row.kind, at: row.at.toISOString(), byName: row.byName, notes: row.notes };
}

export function toLegalCaseDetail(row: LegalCaseRow, actions: LegalActionRow[]): LegalCaseDetail {
  return {
    ...toLegalCaseListItem(row),
    openedByName: row.openedByName,
    closedAt: row.closedAt?.toISOString() ?? null,
    debtAtOpening: { currency: row.currency, ...row.opening },
    debt: debtBreakdown(row),
    actions: actions.map(toLegalActionResponse),
  };
}
