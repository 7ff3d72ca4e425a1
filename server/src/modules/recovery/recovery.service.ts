import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  agencyDate,
  businessDaysBetween,
  changeOverPrevious,
  contactRate,
  contactedSweepRate,
  daysBetween,
  delinquencyIndex,
  goalAttainment,
  keptRate,
  monthPeriod,
  previousMonth,
  projectedAttainment,
  promiseRate,
  ratio,
  rpcRate,
  sweepRate,
  type AgentRanking,
  type DelinquencyQuery,
  type Locale,
  type DelinquencyResponse,
  type DrillQuery,
  type DrillResponse,
  type RecoveryDashboard,
  type RecoveryDayPoint,
  type RecoveryFunnel,
  type RecoveryQuery,
  type RecoveryTotals,
  type SweepRow,
  type TeamRecovery,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { TeamsService } from '../teams/teams.service';
import type { ProductivityReport } from './productivity-report.util';
import { RecoveryRepository, type CubeSums, type GoalTarget } from './recovery.repository';

/** The currency a dashboard shows when nothing narrows it to one. */
const FALLBACK_CURRENCY = 'USD';
const LEADERBOARD_SIZE = 20;

function total(sums: readonly CubeSums[], pick: (s: CubeSums) => number): number {
  return sums.reduce((sum, s) => sum + pick(s), 0);
}

/**
 * The manager's figures for a month, from the rollups: recovery against goals per supervisor (with
 * the run-rate projection over business days), month against previous month and the year so far,
 * the daily trend, the contact funnel, sweep per portfolio / team / agent and the agents' ranking.
 * A supervisor sees the same, limited to the teams they lead.
 */
@Injectable()
export class RecoveryService {
  constructor(
    private readonly repository: RecoveryRepository,
    private readonly teams: TeamsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async dashboard(user: AuthUser, query: RecoveryQuery, now = new Date()): Promise<RecoveryDashboard> {
    const zone = this.config.agencyTimeZone;
    const teamIds = await this.teamScope(user, query.teamId);
    const period = monthPeriod(query.month, zone);
    const base = { clientId: query.clientId, portfolioId: query.portfolioId, teamIds };
    const currencies = await this.repository.currencies({
      ...base,
      firstDay: period.firstDay,
      endDay: period.endDay,
    });
    const currency = await this.currencyOf(query, currencies);
    const month = { ...base, currency, firstDay: period.firstDay, endDay: period.endDay };
    const previous = monthPeriod(previousMonth(query.month), zone);
    const before = { ...month, firstDay: previous.firstDay, endDay: previous.endDay };
    const year = { ...month, firstDay: `${query.month.slice(0, 4)}-01-01` };

    const [byTeam, byTeamBefore, byTeamYear, byDay, byDayBefore, byAgent, teams, monthGoals, yearGoals] =
      await Promise.all([
        this.repository.sums(month, 'team'),
        this.repository.sums(before, 'team'),
        this.repository.sums(year, 'team'),
        this.repository.sums(month, 'day'),
        this.repository.sums(before, 'day'),
        this.repository.sums(month, 'agent'),
        this.repository.teams(teamIds),
        this.repository.goals('month', period.firstDay, 'team'),
        this.repository.goals('year', `${query.month.slice(0, 4)}-01-01`, 'team'),
      ]);
    const today = agencyDate(zone, now);
    const elapsedEnd =
      today < period.firstDay ? period.firstDay : today >= period.endDay ? period.endDay : addDays(today, 1);
    const elapsed = businessDaysBetween(period.firstDay, elapsedEnd);
    const inMonth = businessDaysBetween(period.firstDay, period.endDay);
    const goalOf = (goals: GoalTarget[], id: string) => {
      const goal = goals.find((g) => g.scopeId === id && (g.currency === null || g.currency === currency));
      return goal ? goal.targetMinor : null;
    };
    const recovered = (sums: CubeSums[], id?: string) =>
      total(id === undefined ? sums : sums.filter((s) => s.key === id), (s) => s.recoveredMinor);
    const totalsOf = (id: string | undefined, goal: number | null, annual: number | null): RecoveryTotals => {
      const current = recovered(byTeam, id);
      const prior = recovered(byTeamBefore, id);
      const ytd = recovered(byTeamYear, id);
      return {
        recoveredMinor: current,
        previousMonthMinor: prior,
        changeOverPrevious: changeOverPrevious(current, prior),
        goalMinor: goal,
        attainment: goalAttainment(current, goal),
        projectedAttainment: projectedAttainment(current, goal, elapsed, inMonth),
        yearToDateMinor: ytd,
        annualGoalMinor: annual,
        yearToDateAttainment: goalAttainment(ytd, annual),
      };
    };
    const teamRows: TeamRecovery[] = teams.map((t) => ({
      ...t,
      ...totalsOf(t.teamId, goalOf(monthGoals, t.teamId), goalOf(yearGoals, t.teamId)),
    }));
    const sumGoals = (rows: TeamRecovery[], pick: (r: TeamRecovery) => number | null) =>
      rows.some((r) => pick(r) !== null) ? rows.reduce((sum, r) => sum + (pick(r) ?? 0), 0) : null;
    const [portfolios, sweepTeams, agents] = await Promise.all([
      this.repository.sweep(period.firstDay, 'portfolio', base),
      this.repository.sweep(period.firstDay, 'team', base),
      this.repository.sweep(period.firstDay, 'agent', base),
    ]);
    return {
      month: query.month,
      currency,
      currencies,
      businessDaysElapsed: elapsed,
      businessDaysInMonth: inMonth,
      totals: totalsOf(
        undefined,
        sumGoals(teamRows, (r) => r.goalMinor),
        sumGoals(teamRows, (r) => r.annualGoalMinor),
      ),
      teams: teamRows,
      trend: trendOf(byDay, byDayBefore, daysBetween(period.firstDay, period.endDay)),
      funnel: funnelOf(byTeam),
      sweep: {
        portfolios: portfolios.map(withRates),
        teams: sweepTeams.map(withRates),
        agents: agents.map(withRates),
      },
      leaderboard: await this.leaderboard(byAgent),
    };
  }

  /** The figures of a client's monthly productivity report (rendered as PDF by the controller). */
  async productivityReport(
    user: AuthUser,
    clientId: string,
    month: string,
    locale: Locale,
  ): Promise<ProductivityReport> {
    const client = await this.repository.client(clientId);
    if (!client) throw AppException.notFound('Client');
    const dashboard = await this.dashboard(user, { month, clientId, currency: client.currency });
    const period = monthPeriod(month, this.config.agencyTimeZone);
    const [goals, reasons] = await Promise.all([
      this.repository.goals('month', period.firstDay, 'client'),
      this.repository.noPaymentReasons(clientId, period.start, period.end, 8),
    ]);
    const portfolios = dashboard.sweep.portfolios;
    const assigned = portfolios.reduce((sum, p) => sum + p.assigned, 0);
    const attempted = portfolios.reduce((sum, p) => sum + p.attempted, 0);
    const rightParty = portfolios.reduce((sum, p) => sum + p.rightParty, 0);
    return {
      clientName: client.name,
      month,
      generatedAt: new Date(),
      goalMinor: goals.find((g) => g.scopeId === clientId)?.targetMinor ?? null,
      dashboard,
      sweep: {
        assigned,
        attempted,
        rightParty,
        sweepRate: sweepRate(attempted, assigned),
        contactedSweepRate: contactedSweepRate(rightParty, assigned),
      },
      noPaymentReasons: reasons.map((r) => ({
        label: locale === 'es' ? r.labelEs : r.labelEn,
        count: r.count,
      })),
    };
  }

  async delinquency(query: DelinquencyQuery): Promise<DelinquencyResponse> {
    const currencies = await this.repository.delinquencyCurrencies(query);
    const currency = await this.currencyOf(query, currencies);
    const { rows, countedAt } = await this.repository.delinquency(query.by, { ...query, currency });
    const whole = rows.reduce((sum, r) => sum + r.total, 0);
    return {
      by: query.by,
      currency,
      currencies,
      countedAt: countedAt ? countedAt.toISOString() : null,
      rows: rows.map((r) => ({
        key: r.key,
        accounts: r.accounts,
        totalBalanceMinor: r.total,
        overdueBalanceMinor: r.overdue,
        delinquencyIndex: delinquencyIndex(r.overdue, r.total),
        shareOfBalance: ratio(r.total, whole),
      })),
    };
  }

  async drill(user: AuthUser, query: DrillQuery): Promise<DrillResponse> {
    if (query.scope === 'team') await this.teamScope(user, query.scopeId);
    else if (user.role === 'supervisor' && query.scope !== 'agent')
      throw AppException.forbidden('A supervisor drills into their teams and agents');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const { items, total: count } = await this.repository.drill(
      `${query.month}-01`,
      query.scope,
      query.scopeId,
      query.measure,
      page,
      pageSize,
    );
    return { items, total: count, page, pageSize };
  }

  /** Every team for managers and admins; a supervisor's own teams (and only those) for them. */
  private async teamScope(user: AuthUser, teamId: string | undefined): Promise<string[] | null> {
    const visible = await this.teams.visibleTeamIds(user);
    if (visible === 'all') return teamId ? [teamId] : null;
    if (teamId && !visible.includes(teamId)) throw AppException.forbidden('That team is not yours');
    return teamId ? [teamId] : visible;
  }

  private async currencyOf(
    query: Pick<RecoveryQuery, 'currency' | 'clientId' | 'portfolioId'>,
    currencies: string[],
  ): Promise<string> {
    if (query.currency) return query.currency;
    if (query.portfolioId) {
      const currency = await this.repository.portfolioCurrency(query.portfolioId);
      if (currency) return currency;
    }
    if (query.clientId) {
      const currency = await this.repository.clientCurrency(query.clientId);
      if (currency) return currency;
    }
    return currencies[0] ?? FALLBACK_CURRENCY;
  }

  private async leaderboard(byAgent: CubeSums[]): Promise<AgentRanking[]> {
    const top = byAgent
      .filter((a) => a.key !== '0')
      .sort(
        (a, b) =>
          b.recoveredMinor - a.recoveredMinor || b.agreements - a.agreements || a.key.localeCompare(b.key),
      )
      .slice(0, LEADERBOARD_SIZE);
    const names = await this.repository.agentNames(top.map((a) => a.key));
    return top.map((a) => ({
      agentId: a.key,
      agentName: names.get(a.key)?.name ?? '',
      teamName: names.get(a.key)?.teamName ?? null,
      recoveredMinor: a.recoveredMinor,
      agreements: a.agreements,
      promisedMinor: a.promisedMinor,
      attempts: a.attempts,
      rightPartyContacts: a.rightParty,
      contactRate: contactRate(a.humanAnswered, a.attempts),
      talkSeconds: a.talkSeconds,
    }));
  }
}

function withRates(row: Omit<SweepRow, 'sweepRate' | 'contactedSweepRate'>): SweepRow {
  return {
    ...row,
    sweepRate: sweepRate(row.attempted, row.assigned),
    contactedSweepRate: contactedSweepRate(row.rightParty, row.assigned),
  };
}

function funnelOf(sums: CubeSums[]): RecoveryFunnel {
  const attempts = total(sums, (s) => s.attempts);
  const humanAnswered = total(sums, (s) => s.humanAnswered);
  const rightPartyContacts = total(sums, (s) => s.rightParty);
  const agreements = total(sums, (s) => s.agreements);
  const installmentsDue = total(sums, (s) => s.installmentsDue);
  const installmentsKept = total(sums, (s) => s.installmentsKept);
  return {
    attempts,
    humanAnswered,
    rightPartyContacts,
    agreements,
    promisedMinor: total(sums, (s) => s.promisedMinor),
    installmentsDue,
    installmentsKept,
    contactRate: contactRate(humanAnswered, attempts),
    rpcRate: rpcRate(rightPartyContacts, attempts),
    promiseRate: promiseRate(agreements, rightPartyContacts),
    keptRate: keptRate(installmentsKept, installmentsDue),
  };
}

/** Day by day of the month beside the same day of the previous one, with running totals. */
function trendOf(month: CubeSums[], before: CubeSums[], days: number): RecoveryDayPoint[] {
  const byDay = (sums: CubeSums[]) =>
    new Map(sums.map((s) => [Number(s.key.slice(8, 10)), s.recoveredMinor]));
  const now = byDay(month);
  const prior = byDay(before);
  const points: RecoveryDayPoint[] = [];
  let cumulative = 0;
  let previousCumulative = 0;
  for (let day = 1; day <= days; day++) {
    const recoveredMinor = now.get(day) ?? 0;
    const previousMonthMinor = prior.get(day) ?? 0;
    cumulative += recoveredMinor;
    previousCumulative += previousMonthMinor;
    points.push({
      day,
      recoveredMinor,
      previousMonthMinor,
      cumulativeMinor: cumulative,
      previousCumulativeMinor: previousCumulative,
    });
  }
  return points;
}
