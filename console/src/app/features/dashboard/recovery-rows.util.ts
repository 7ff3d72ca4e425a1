import {
  AGING_BUCKETS,
  contactedSweepRate,
  sweepRate,
  type AgentRanking,
  type DelinquencyDimension,
  type DelinquencyRow,
  type DrillAccount,
  type DrillMeasure,
  type MetricScope,
  type RecoveryDashboard,
  type RecoveryDayPoint,
  type RecoveryFunnel,
  type RecoveryTotals,
  type SweepRow,
  type TeamRecovery,
} from '@recupera/shared';
import type { I18nService } from '../../core/i18n/i18n.service';
import type { Tone } from '../../ui/tone.util';

/** The formatters the rows need: the i18n service, or anything that formats like it. */
export type RecoveryFormat = Pick<I18nService, 't' | 'label' | 'minor' | 'percent' | 'number'>;

export type SweepScope = Extract<MetricScope, 'portfolio' | 'team' | 'agent'>;

export interface KpiView {
  /** `recovery-kpi-<id>`. */
  id: 'recovered' | 'attainment' | 'projected' | 'ytd' | 'sweep' | 'contact' | 'promise' | 'kept';
  label: string;
  value: string;
  hint: string;
  tone: Tone;
}

export interface TeamRow {
  id: string;
  supervisor: string;
  team: string;
  recovered: string;
  goal: string;
  attainment: string;
  /** 0–100 for the bar; over-achievement is capped visually, not in the figure. */
  bar: number;
  tone: Tone;
  projected: string;
  projectedTone: Tone;
  previous: string;
  change: string;
  changeTone: Tone;
  ytd: string;
  annualGoal: string;
}

export interface SweepCell {
  measure: DrillMeasure;
  text: string;
  /** Whether there are accounts behind the figure that this user may list. */
  drillable: boolean;
}

export interface SweepTableRow {
  id: string;
  scope: SweepScope;
  scopeId: string;
  name: string;
  assigned: SweepCell;
  attempted: SweepCell;
  notAttempted: SweepCell;
  rightParty: SweepCell;
  sweep: string;
  contactedSweep: string;
}

export interface LeaderboardRow {
  id: string;
  rank: string;
  agent: string;
  team: string;
  recovered: string;
  agreements: string;
  promised: string;
  attempts: string;
  rightParty: string;
  contactRate: string;
  talk: string;
}

export interface TrendRow {
  day: number;
  recovered: string;
  previous: string;
  cumulative: string;
  previousCumulative: string;
}

export type FunnelStage =
  | 'attempts'
  | 'humanAnswered'
  | 'rightPartyContacts'
  | 'agreements'
  | 'installmentsKept';

export interface FunnelStep {
  stage: FunnelStage;
  value: number;
}

export interface FunnelRow {
  stage: FunnelStage;
  label: string;
  count: string;
  rate: string;
  base: string;
}

export interface DelinquencyTableRow {
  key: string;
  label: string;
  accounts: string;
  total: string;
  overdue: string;
  index: string;
  share: string;
}

export interface DrillAccountRow {
  id: string;
  accountNumber: string;
  debtor: string;
  balance: string;
  daysPastDue: string;
  attempted: string;
  rightParty: string;
}

export interface SweepTotals {
  assigned: number;
  attempted: number;
  rightParty: number;
  sweepRate: number | null;
  contactedSweepRate: number | null;
}

const EMPTY = '—';

export function attainmentTone(ratio: number | null): Tone {
  if (ratio === null) return 'muted';
  if (ratio >= 1) return 'success';
  return ratio >= 0.7 ? 'warning' : 'danger';
}

export function changeTone(change: number | null): Tone {
  if (change === null || change === 0) return 'muted';
  return change > 0 ? 'success' : 'danger';
}

/** "+12,5 %" / "−3 %": a change reads as a change, so a rise carries its sign too. */
export function signedPercent(change: number | null, format: RecoveryFormat): string {
  if (change === null) return EMPTY;
  return `${change > 0 ? '+' : ''}${format.percent(change)}`;
}

/** Talk time as h:mm:ss, which reads the same in both languages. */
export function talkTime(totalSeconds: number): string {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
}

/** A supervisor may list the accounts of their teams and agents, not a whole portfolio's. */
export function canDrill(scope: SweepScope, supervisor: boolean): boolean {
  return !supervisor || scope !== 'portfolio';
}

export function sweepTotals(rows: readonly SweepRow[]): SweepTotals {
  const assigned = rows.reduce((sum, row) => sum + row.assigned, 0);
  const attempted = rows.reduce((sum, row) => sum + row.attempted, 0);
  const rightParty = rows.reduce((sum, row) => sum + row.rightParty, 0);
  return {
    assigned,
    attempted,
    rightParty,
    sweepRate: sweepRate(attempted, assigned),
    contactedSweepRate: contactedSweepRate(rightParty, assigned),
  };
}

/**
 * Which sweep rows add up to the view's sweep: the portfolios hold every account once, but they are
 * not narrowed by team, so a view of some teams (a team filter, or a supervisor's) adds its teams.
 */
export function sweepBasis(dashboard: RecoveryDashboard, teamScoped: boolean): SweepRow[] {
  return teamScoped ? dashboard.sweep.teams : dashboard.sweep.portfolios;
}

export function recoveryKpis(
  dashboard: RecoveryDashboard,
  sweep: SweepTotals,
  format: RecoveryFormat,
): KpiView[] {
  const { totals, funnel, currency } = dashboard;
  const money = (amountMinor: number | null) => format.minor(amountMinor, currency);
  const count = (value: number) => format.number(value);
  return [
    {
      id: 'recovered',
      label: format.t('recovery.kpi.recovered'),
      value: money(totals.recoveredMinor),
      hint:
        totals.changeOverPrevious === null
          ? format.t('recovery.kpi.noPrevious')
          : format.t('recovery.kpi.change', { change: signedPercent(totals.changeOverPrevious, format) }),
      tone: changeTone(totals.changeOverPrevious),
    },
    {
      id: 'attainment',
      label: format.t('recovery.kpi.attainment'),
      value: format.percent(totals.attainment),
      hint:
        totals.goalMinor === null
          ? format.t('recovery.kpi.noGoal')
          : format.t('recovery.kpi.goalOf', { goal: money(totals.goalMinor) }),
      tone: attainmentTone(totals.attainment),
    },
    {
      id: 'projected',
      label: format.t('recovery.kpi.projected'),
      value: format.percent(totals.projectedAttainment),
      hint: format.t('recovery.kpi.businessDays', {
        elapsed: dashboard.businessDaysElapsed,
        total: dashboard.businessDaysInMonth,
      }),
      tone: attainmentTone(totals.projectedAttainment),
    },
    {
      id: 'ytd',
      label: format.t('recovery.kpi.ytd'),
      value: money(totals.yearToDateMinor),
      hint:
        totals.annualGoalMinor === null
          ? format.t('recovery.kpi.noAnnualGoal')
          : format.t('recovery.kpi.ytdOfGoal', {
              attainment: format.percent(totals.yearToDateAttainment),
              goal: money(totals.annualGoalMinor),
            }),
      tone: attainmentTone(totals.yearToDateAttainment),
    },
    {
      id: 'sweep',
      label: format.t('recovery.kpi.sweep'),
      value: format.percent(sweep.sweepRate),
      hint: format.t('recovery.kpi.sweepOf', {
        attempted: count(sweep.attempted),
        assigned: count(sweep.assigned),
      }),
      tone: 'muted',
    },
    {
      id: 'contact',
      label: format.t('recovery.kpi.contact'),
      value: format.percent(funnel.contactRate),
      hint: format.t('recovery.kpi.contactOf', {
        answered: count(funnel.humanAnswered),
        attempts: count(funnel.attempts),
      }),
      tone: 'muted',
    },
    {
      id: 'promise',
      label: format.t('recovery.kpi.promise'),
      value: format.percent(funnel.promiseRate),
      hint: format.t('recovery.kpi.promiseOf', {
        agreements: count(funnel.agreements),
        contacts: count(funnel.rightPartyContacts),
      }),
      tone: 'muted',
    },
    {
      id: 'kept',
      label: format.t('recovery.kpi.kept'),
      value: format.percent(funnel.keptRate),
      hint: format.t('recovery.kpi.keptOf', {
        kept: count(funnel.installmentsKept),
        due: count(funnel.installmentsDue),
      }),
      tone: 'muted',
    },
  ];
}

function totalsRow(
  id: string,
  supervisor: string,
  team: string,
  totals: RecoveryTotals,
  currency: string,
  format: RecoveryFormat,
): TeamRow {
  const money = (amountMinor: number | null) =>
    amountMinor === null ? format.t('recovery.noGoal') : format.minor(amountMinor, currency);
  return {
    id,
    supervisor,
    team,
    recovered: format.minor(totals.recoveredMinor, currency),
    goal: money(totals.goalMinor),
    attainment: format.percent(totals.attainment),
    bar: totals.attainment === null ? 0 : Math.min(100, Math.max(0, totals.attainment * 100)),
    tone: attainmentTone(totals.attainment),
    projected: format.percent(totals.projectedAttainment),
    projectedTone: attainmentTone(totals.projectedAttainment),
    previous: format.minor(totals.previousMonthMinor, currency),
    change: signedPercent(totals.changeOverPrevious, format),
    changeTone: changeTone(totals.changeOverPrevious),
    ytd: format.minor(totals.yearToDateMinor, currency),
    annualGoal: money(totals.annualGoalMinor),
  };
}

export function supervisorLabel(team: Pick<TeamRecovery, 'supervisorName'>, format: RecoveryFormat): string {
  return team.supervisorName ?? format.t('recovery.noSupervisor');
}

export function teamRows(
  teams: readonly TeamRecovery[],
  currency: string,
  format: RecoveryFormat,
): TeamRow[] {
  return teams.map((team) =>
    totalsRow(team.teamId, supervisorLabel(team, format), team.teamName, team, currency, format),
  );
}

/** The whole view's line under the teams: the same figures for all of them together. */
export function teamTotalRow(dashboard: RecoveryDashboard, format: RecoveryFormat): TeamRow {
  return totalsRow('total', format.t('recovery.total'), '', dashboard.totals, dashboard.currency, format);
}

function cell(measure: DrillMeasure, count: number, drillable: boolean, format: RecoveryFormat): SweepCell {
  return { measure, text: format.number(count), drillable: drillable && count > 0 };
}

export function sweepRows(
  rows: readonly SweepRow[],
  supervisor: boolean,
  format: RecoveryFormat,
): SweepTableRow[] {
  return rows
    .filter((row): row is SweepRow & { scope: SweepScope } => row.scope !== 'client')
    .map((row) => {
      const drillable = canDrill(row.scope, supervisor);
      return {
        id: `${row.scope}:${row.scopeId}`,
        scope: row.scope,
        scopeId: row.scopeId,
        name: row.name,
        assigned: cell('assigned', row.assigned, drillable, format),
        attempted: cell('attempted', row.attempted, drillable, format),
        notAttempted: cell('not_attempted', Math.max(0, row.assigned - row.attempted), drillable, format),
        rightParty: cell('right_party', row.rightParty, drillable, format),
        sweep: format.percent(row.sweepRate),
        contactedSweep: format.percent(row.contactedSweepRate),
      };
    });
}

export function leaderboardRows(
  ranking: readonly AgentRanking[],
  currency: string,
  format: RecoveryFormat,
): LeaderboardRow[] {
  return ranking.map((agent, index) => ({
    id: agent.agentId,
    rank: format.number(index + 1),
    agent: agent.agentName,
    team: agent.teamName ?? EMPTY,
    recovered: format.minor(agent.recoveredMinor, currency),
    agreements: format.number(agent.agreements),
    promised: format.minor(agent.promisedMinor, currency),
    attempts: format.number(agent.attempts),
    rightParty: format.number(agent.rightPartyContacts),
    contactRate: format.percent(agent.contactRate),
    talk: talkTime(agent.talkSeconds),
  }));
}

export function trendRows(
  trend: readonly RecoveryDayPoint[],
  currency: string,
  format: RecoveryFormat,
): TrendRow[] {
  return trend.map((point) => ({
    day: point.day,
    recovered: format.minor(point.recoveredMinor, currency),
    previous: format.minor(point.previousMonthMinor, currency),
    cumulative: format.minor(point.cumulativeMinor, currency),
    previousCumulative: format.minor(point.previousCumulativeMinor, currency),
  }));
}

export const FUNNEL_STAGES: readonly FunnelStage[] = [
  'attempts',
  'humanAnswered',
  'rightPartyContacts',
  'agreements',
  'installmentsKept',
];

export function funnelSteps(funnel: RecoveryFunnel): FunnelStep[] {
  return FUNNEL_STAGES.map((stage) => ({ stage, value: funnel[stage] }));
}

/** Each stage with the rate it is judged by and what that rate is taken over. */
export function funnelRows(funnel: RecoveryFunnel, format: RecoveryFormat): FunnelRow[] {
  const rate = (stage: FunnelStage): { rate: number | null; base: string } => {
    switch (stage) {
      case 'attempts':
        return { rate: null, base: '' };
      case 'humanAnswered':
        return { rate: funnel.contactRate, base: format.t('recovery.funnel.ofAttempts') };
      case 'rightPartyContacts':
        return { rate: funnel.rpcRate, base: format.t('recovery.funnel.ofAttempts') };
      case 'agreements':
        return { rate: funnel.promiseRate, base: format.t('recovery.funnel.ofContacts') };
      case 'installmentsKept':
        return {
          rate: funnel.keptRate,
          base: format.t('recovery.funnel.ofDue', { due: format.number(funnel.installmentsDue) }),
        };
    }
  };
  return funnelSteps(funnel).map(({ stage, value }) => {
    const { rate: ratio, base } = rate(stage);
    return {
      stage,
      label: format.t(`recovery.funnel.${stage}`),
      count: format.number(value),
      rate: stage === 'attempts' ? '' : format.percent(ratio),
      base,
    };
  });
}

function isAgingBucket(key: string): key is (typeof AGING_BUCKETS)[number] {
  return (AGING_BUCKETS as readonly string[]).includes(key);
}

/** Aging buckets in their natural order; sectors, redes and zonas by balance, the unset group last. */
export function orderDelinquency(
  by: DelinquencyDimension,
  rows: readonly DelinquencyRow[],
): DelinquencyRow[] {
  if (by === 'aging') {
    const position = (key: string) =>
      isAgingBucket(key) ? AGING_BUCKETS.indexOf(key) : AGING_BUCKETS.length;
    return [...rows].sort((a, b) => position(a.key) - position(b.key) || a.key.localeCompare(b.key));
  }
  return [...rows].sort(
    (a, b) =>
      Number(a.key === '') - Number(b.key === '') ||
      b.totalBalanceMinor - a.totalBalanceMinor ||
      a.key.localeCompare(b.key),
  );
}

export function delinquencyLabel(by: DelinquencyDimension, key: string, format: RecoveryFormat): string {
  if (key === '') return format.t('recovery.delinquency.none');
  return by === 'aging' && isAgingBucket(key) ? format.label('aging', key) : key;
}

export function delinquencyRows(
  by: DelinquencyDimension,
  rows: readonly DelinquencyRow[],
  currency: string,
  format: RecoveryFormat,
): DelinquencyTableRow[] {
  return orderDelinquency(by, rows).map((row) => ({
    key: row.key,
    label: delinquencyLabel(by, row.key, format),
    accounts: format.number(row.accounts),
    total: format.minor(row.totalBalanceMinor, currency),
    overdue: format.minor(row.overdueBalanceMinor, currency),
    index: format.percent(row.delinquencyIndex),
    share: format.percent(row.shareOfBalance),
  }));
}

export function drillAccountRows(
  accounts: readonly DrillAccount[],
  format: RecoveryFormat,
): DrillAccountRow[] {
  const yesNo = (value: boolean) => format.t(value ? 'common.yes' : 'common.no');
  return accounts.map((account) => ({
    id: account.accountId,
    accountNumber: account.accountNumber,
    debtor: account.debtorName,
    balance: format.minor(account.balanceMinor, account.currency),
    daysPastDue: format.number(account.daysPastDue),
    attempted: yesNo(account.attempted),
    rightParty: yesNo(account.rightParty),
  }));
}

/** Whether the month has anything at all to show, so an empty month says so once instead of eight times. */
export function isQuietMonth(dashboard: RecoveryDashboard): boolean {
  return (
    dashboard.totals.recoveredMinor === 0 &&
    dashboard.totals.previousMonthMinor === 0 &&
    dashboard.funnel.attempts === 0 &&
    dashboard.sweep.portfolios.length === 0 &&
    dashboard.sweep.teams.length === 0 &&
    dashboard.sweep.agents.length === 0
  );
}
