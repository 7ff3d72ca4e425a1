import type { AgreementResponse } from '@recupera/shared';
import type { AgreementWithSchedule } from './agreements.repository';

export function toAgreementResponse({
  agreement: g,
  accountNumber,
  installments,
}: AgreementWithSchedule): AgreementResponse {
  return {
    id: g.id,
    accountId: g.accountId,
    accountNumber,
    status: g.status,
    currency: g.currency,
    totalMinor: g.totalMinor,
    downPaymentMinor: g.downPaymentMinor,
    waiverMinor: g.waiverMinor,
    settlesInFull: g.settlesInFull,
    installments: installments.map((i) => ({ seq: i.seq, dueDate: i.dueDate, amountMinor: i.amountMinor })),
    agentId: g.agentId,
    teamId: g.teamId,
    createdAt: g.createdAt.toISOString(),
    approvedBy: g.approvedBy,
    approvedAt: g.approvedAt ? g.approvedAt.toISOString() : null,
  };
}
