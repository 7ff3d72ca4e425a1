import {
  formatMoney,
  minorDigits,
  type DelinquencyDimension,
  type DelinquencyRow,
  type RecoveryDayPoint,
  type SweepRow,
  type TeamRecovery,
} from '@recupera/shared';
import type {
  BarSeriesOption,
  FunnelSeriesOption,
  LineSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { orderDelinquency, type FunnelStage, type FunnelStep } from './recovery-rows.util';

export type RecoveryChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | ScatterSeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

export const CHART_COLORS = {
  current: '#1d5fa6',
  previous: '#a9c1de',
  goal: '#c9d3df',
  projected: '#e0a030',
  success: '#3a8f5c',
  overdue: '#d9663a',
  index: '#b8323b',
  funnel: ['#1d5fa6', '#4f86c6', '#3a8f5c', '#e0a030', '#d9663a'],
};

const EMPTY = '—';

/** Axis labels only: the bars carry exact minor units and the tooltips format them exactly. */
function compactMajor(amountMinor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(
    amountMinor / 10 ** minorDigits(currency),
  );
}

function moneyFormatter(currency: string, locale: string) {
  return (value: unknown): string =>
    typeof value === 'number' ? formatMoney({ amountMinor: value, currency }, locale) : EMPTY;
}

function percentFormatter(locale: string) {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return (value: unknown): string => (typeof value === 'number' ? format.format(value) : EMPTY);
}

function numberFormatter(locale: string) {
  const format = new Intl.NumberFormat(locale);
  return (value: unknown): string => (typeof value === 'number' ? format.format(value) : EMPTY);
}

const moneyAxis = (currency: string, locale: string) => ({
  type: 'value' as const,
  axisLabel: { formatter: (value: number) => compactMajor(value, currency, locale) },
});

/**
 * Where the month ends at the run-rate, in money, for the marker beside each team's goal. Only
 * drawn: the figure people read is the server's projected attainment in the table.
 */
export function projectedMinor(team: Pick<TeamRecovery, 'goalMinor' | 'projectedAttainment'>): number | null {
  if (team.goalMinor === null || team.projectedAttainment === null) return null;
  return Math.round(team.goalMinor * team.projectedAttainment);
}

export interface GoalsChartLabels {
  recovered: string;
  goal: string;
  projected: string;
  supervisor: (team: TeamRecovery) => string;
}

/** Recovered against goal per supervisor, with the run-rate projection as a marker. */
export function goalsChart(
  teams: readonly TeamRecovery[],
  currency: string,
  labels: GoalsChartLabels,
  locale: string,
): RecoveryChartOption {
  return {
    color: [CHART_COLORS.current, CHART_COLORS.goal, CHART_COLORS.projected],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.recovered, labels.goal, labels.projected] },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: moneyFormatter(currency, locale),
    },
    xAxis: {
      type: 'category',
      data: teams.map((team) => `${labels.supervisor(team)}\n${team.teamName}`),
      axisTick: { show: false },
      axisLabel: { interval: 0 },
    },
    yAxis: moneyAxis(currency, locale),
    series: [
      {
        name: labels.recovered,
        type: 'bar',
        barMaxWidth: 36,
        data: teams.map((team) => team.recoveredMinor),
      },
      { name: labels.goal, type: 'bar', barMaxWidth: 36, data: teams.map((team) => team.goalMinor) },
      {
        name: labels.projected,
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 14,
        data: teams.map(projectedMinor),
      },
    ],
  };
}

export interface TrendChartLabels {
  thisMonth: string;
  previousMonth: string;
  cumulative: string;
  previousCumulative: string;
}

/**
 * Daily bars of this month and the previous one, with both running totals on a second axis. This
 * month's running total stops at `throughDay` (today, for the current month): the days to come
 * have recovered nothing yet, and a flat line would read as a stall.
 */
export function trendChart(
  trend: readonly RecoveryDayPoint[],
  currency: string,
  labels: TrendChartLabels,
  locale: string,
  throughDay: number | null,
): RecoveryChartOption {
  const shown = (point: RecoveryDayPoint) => throughDay === null || point.day <= throughDay;
  return {
    color: [CHART_COLORS.current, CHART_COLORS.previous, CHART_COLORS.current, CHART_COLORS.previous],
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      data: [labels.thisMonth, labels.previousMonth, labels.cumulative, labels.previousCumulative],
    },
    tooltip: { trigger: 'axis', valueFormatter: moneyFormatter(currency, locale) },
    xAxis: {
      type: 'category',
      data: trend.map((point) => String(point.day)),
      axisTick: { show: false },
    },
    yAxis: [moneyAxis(currency, locale), { ...moneyAxis(currency, locale), splitLine: { show: false } }],
    series: [
      {
        name: labels.thisMonth,
        type: 'bar',
        barMaxWidth: 12,
        data: trend.map((point) => (shown(point) ? point.recoveredMinor : null)),
      },
      {
        name: labels.previousMonth,
        type: 'bar',
        barMaxWidth: 12,
        data: trend.map((point) => point.previousMonthMinor),
      },
      {
        name: labels.cumulative,
        type: 'line',
        yAxisIndex: 1,
        showSymbol: false,
        lineStyle: { width: 3 },
        data: trend.map((point) => (shown(point) ? point.cumulativeMinor : null)),
      },
      {
        name: labels.previousCumulative,
        type: 'line',
        yAxisIndex: 1,
        showSymbol: false,
        lineStyle: { width: 2, type: 'dashed' },
        data: trend.map((point) => point.previousCumulativeMinor),
      },
    ],
  };
}

/** Attempts down to kept installments, in that order whatever their sizes. */
export function funnelChart(
  steps: readonly FunnelStep[],
  stageLabel: (stage: FunnelStage) => string,
  locale: string,
): RecoveryChartOption {
  const count = numberFormatter(locale);
  return {
    color: CHART_COLORS.funnel,
    tooltip: { trigger: 'item', valueFormatter: count },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 8,
        bottom: 8,
        min: 0,
        max: Math.max(1, ...steps.map((step) => step.value)),
        minSize: '4%',
        gap: 2,
        label: {
          show: true,
          position: 'inside',
          formatter: (params) => `${params.name}: ${count(params.value)}`,
        },
        data: steps.map((step) => ({ name: stageLabel(step.stage), value: step.value })),
      },
    ],
  };
}

export interface SweepChartLabels {
  sweep: string;
  contactedSweep: string;
}

/** Sweep and contacted sweep per portfolio, as shares of the accounts assigned. */
export function sweepChart(
  rows: readonly SweepRow[],
  labels: SweepChartLabels,
  locale: string,
): RecoveryChartOption {
  const percent = percentFormatter(locale);
  return {
    color: [CHART_COLORS.current, CHART_COLORS.success],
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.sweep, labels.contactedSweep] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: percent },
    xAxis: {
      type: 'category',
      data: rows.map((row) => row.name),
      axisTick: { show: false },
      axisLabel: { interval: 0 },
    },
    yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (value: number) => percent(value) } },
    series: [
      { name: labels.sweep, type: 'bar', barMaxWidth: 36, data: rows.map((row) => row.sweepRate) },
      {
        name: labels.contactedSweep,
        type: 'bar',
        barMaxWidth: 36,
        data: rows.map((row) => row.contactedSweepRate),
      },
    ],
  };
}

export interface DelinquencyChartLabels {
  current: string;
  overdue: string;
  index: string;
  group: (key: string) => string;
}

/** The balance of each group split into current and overdue, with the delinquency index over it. */
export function delinquencyChart(
  by: DelinquencyDimension,
  rows: readonly DelinquencyRow[],
  currency: string,
  labels: DelinquencyChartLabels,
  locale: string,
): RecoveryChartOption {
  const ordered = orderDelinquency(by, rows);
  const money = moneyFormatter(currency, locale);
  const percent = percentFormatter(locale);
  return {
    color: [CHART_COLORS.success, CHART_COLORS.overdue, CHART_COLORS.index],
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.current, labels.overdue, labels.index] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: ordered.map((row) => labels.group(row.key)),
      axisTick: { show: false },
      axisLabel: { interval: 0 },
    },
    yAxis: [
      moneyAxis(currency, locale),
      {
        type: 'value',
        min: 0,
        max: 1,
        splitLine: { show: false },
        axisLabel: { formatter: (value: number) => percent(value) },
      },
    ],
    series: [
      {
        name: labels.current,
        type: 'bar',
        stack: 'balance',
        barMaxWidth: 48,
        tooltip: { valueFormatter: money },
        // Integer minor units: what is owed but not yet overdue.
        data: ordered.map((row) => row.totalBalanceMinor - row.overdueBalanceMinor),
      },
      {
        name: labels.overdue,
        type: 'bar',
        stack: 'balance',
        barMaxWidth: 48,
        tooltip: { valueFormatter: money },
        data: ordered.map((row) => row.overdueBalanceMinor),
      },
      {
        name: labels.index,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 8,
        tooltip: { valueFormatter: percent },
        data: ordered.map((row) => row.delinquencyIndex),
      },
    ],
  };
}
