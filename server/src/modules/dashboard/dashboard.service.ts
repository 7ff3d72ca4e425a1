import { Injectable } from '@nestjs/common';
import { AGING_BUCKETS, addMonths, monthStart, toIsoDate, type ManagerSummary } from '@recupera/shared';
import { DashboardRepository } from './dashboard.repository';

function utcDay(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

@Injectable()
export class DashboardService {
  constructor(private readonly repository: DashboardRepository) {}

  async summary(now = new Date()): Promise<ManagerSummary> {
    const thisMonth = monthStart(toIsoDate(now));
    const previousMonth = addMonths(thisMonth, -1);
    const nextMonth = addMonths(thisMonth, 1);
    const [clients, recoveredNow, recoveredBefore, teamGoals, teamRecovered, aging] = await Promise.all([
      this.repository.clientTotals(),
      this.repository.recoveredByClient(utcDay(thisMonth), utcDay(nextMonth)),
      this.repository.recoveredByClient(utcDay(previousMonth), utcDay(thisMonth)),
      this.repository.teamGoals(thisMonth),
      this.repository.recoveredByTeam(utcDay(thisMonth), utcDay(nextMonth)),
      this.repository.aging(),
    ]);
    return {
      month: thisMonth.slice(0, 7),
      clients: clients.map((c) => ({
        clientId: c.clientId,
        clientCode: c.code,
        clientName: c.name,
        currency: c.currency,
        accounts: c.accounts,
        balanceMinor: c.balanceMinor,
        recoveredThisMonthMinor: recoveredNow.get(c.clientId) ?? 0,
        recoveredPreviousMonthMinor: recoveredBefore.get(c.clientId) ?? 0,
      })),
      teams: teamGoals.map((t) => {
        const amounts = teamRecovered.get(t.teamId) ?? [];
        const currency = t.goalCurrency ?? amounts[0]?.currency ?? 'USD';
        // A goal is in one currency; only payments in that currency count toward it.
        const recoveredMinor = amounts
          .filter((a) => a.currency === currency)
          .reduce((sum, a) => sum + a.amountMinor, 0);
        return {
          teamId: t.teamId,
          teamName: t.teamName,
          supervisorName: t.supervisorName ?? '',
          currency,
          goalMinor: t.goalMinor,
          recoveredMinor,
          attainment: t.goalMinor ? recoveredMinor / t.goalMinor : null,
        };
      }),
      aging: aging
        .sort(
          (a, b) =>
            AGING_BUCKETS.indexOf(a.bucket) - AGING_BUCKETS.indexOf(b.bucket) ||
            a.currency.localeCompare(b.currency),
        )
        .map((a) => ({
          bucket: a.bucket,
          accounts: a.accounts,
          balanceMinor: a.balanceMinor,
          currency: a.currency,
        })),
    };
  }
}
