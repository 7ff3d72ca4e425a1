import {
  formatMoney,
  minorDigits,
  type AgingBucket,
  type PeriodCurrencyFigures,
  type PeriodScopeFigures,
} from '@recupera/shared';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { moneyIn } from './period-report.util';

export type PeriodChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const COLORS = { current: '#3a8f5c', overdue: '#d9663a', recovered: '#1d5fa6', kept: '#e0a030' };
const EMPTY = '—';

function moneyFormatter(currency: string, locale: string) {
  return (value: unknown): string =>
    typeof value === 'number' ? formatMoney({ amountMinor: value, currency }, locale) : EMPTY;
}

/** Axis labels only: the bars carry exact minor units and the tooltips format them exactly. */
function moneyAxis(currency: string, locale: string) {
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  return {
    type: 'value' as const,
    axisLabel: { formatter: (value: number) => compact.format(value / 10 ** minorDigits(currency)) },
  };
}

export interface AgingChartLabels {
  current: string;
  overdue: string;
  bucket: (bucket: AgingBucket) => string;
}

/** The receivable balance of each aging bucket, split into what is current and what is overdue. */
export function agingChart(
  money: PeriodCurrencyFigures,
  labels: AgingChartLabels,
  locale: string,
): PeriodChartOption {
  const format = moneyFormatter(money.currency, locale);
  return {
    color: [COLORS.current, COLORS.overdue],
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.current, labels.overdue] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: format },
    xAxis: {
      type: 'category',
      data: money.aging.map((row) => labels.bucket(row.bucket)),
      axisTick: { show: false },
      axisLabel: { interval: 0 },
    },
    yAxis: moneyAxis(money.currency, locale),
    series: [
      {
        name: labels.current,
        type: 'bar',
        stack: 'balance',
        barMaxWidth: 48,
        data: money.aging.map((row) => row.balanceMinor - row.overdueMinor),
      },
      {
        name: labels.overdue,
        type: 'bar',
        stack: 'balance',
        barMaxWidth: 48,
        data: money.aging.map((row) => row.overdueMinor),
      },
    ],
  };
}

export interface TeamsChartLabels {
  recovered: string;
  kept: string;
}

/** Recovered per team (bars, money) beside its kept rate (a line on a 0–100 % axis). */
export function teamsChart(
  teams: readonly PeriodScopeFigures[],
  currency: string,
  labels: TeamsChartLabels,
  locale: string,
): PeriodChartOption {
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const percentText = (value: unknown) => (typeof value === 'number' ? percent.format(value) : EMPTY);
  return {
    color: [COLORS.recovered, COLORS.kept],
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, data: [labels.recovered, labels.kept] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: teams.map((team) => team.name),
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
        axisLabel: { formatter: (value: number) => percentText(value) },
      },
    ],
    series: [
      {
        name: labels.recovered,
        type: 'bar',
        barMaxWidth: 40,
        tooltip: { valueFormatter: moneyFormatter(currency, locale) },
        data: teams.map((team) => moneyIn(team, currency).recoveredMinor),
      },
      {
        name: labels.kept,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 8,
        tooltip: { valueFormatter: percentText },
        data: teams.map((team) => team.keptRate),
      },
    ],
  };
}
