import {
  AGING_BUCKETS,
  formatMoney,
  minorDigits,
  type AgingRow,
  type ClientRecovery,
} from '@recupera/shared';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type BarChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export const CHART_COLORS = {
  current: '#1d5fa6',
  previous: '#a9c1de',
  aging: ['#3a8f5c', '#4f86c6', '#e0a030', '#d9663a', '#b8323b'],
};

/** Relative change from the previous month; null when there is nothing to compare with. */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return (current - previous) / previous;
}

export interface RecoveryChart {
  currency: string;
  option: BarChartOption;
}

export interface RecoveryChartLabels {
  thisMonth: string;
  previousMonth: string;
}

function compactMajor(amountMinor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(
    amountMinor / 10 ** minorDigits(currency),
  );
}

/**
 * Recovered this month vs previous month per client. Amounts in different currencies never share
 * an axis: one chart per currency. Bars carry exact minor units; only labels are converted.
 */
export function recoveryCharts(
  clients: readonly ClientRecovery[],
  labels: RecoveryChartLabels,
  locale: string,
): RecoveryChart[] {
  const byCurrency = new Map<string, ClientRecovery[]>();
  for (const client of clients)
    byCurrency.set(client.currency, [...(byCurrency.get(client.currency) ?? []), client]);
  return [...byCurrency.entries()].map(([currency, group]) => ({
    currency,
    option: {
      color: [CHART_COLORS.current, CHART_COLORS.previous],
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, data: [labels.thisMonth, labels.previousMonth] },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (value) => formatMoney({ amountMinor: Number(value), currency }, locale),
      },
      xAxis: { type: 'category', data: group.map((client) => client.clientName), axisTick: { show: false } },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (value: number) => compactMajor(value, currency, locale) },
      },
      series: [
        {
          name: labels.thisMonth,
          type: 'bar',
          barMaxWidth: 36,
          data: group.map((client) => client.recoveredThisMonthMinor),
        },
        {
          name: labels.previousMonth,
          type: 'bar',
          barMaxWidth: 36,
          data: group.map((client) => client.recoveredPreviousMonthMinor),
        },
      ],
    },
  }));
}

/** Accounts per aging bucket, in bucket order, adding up rows of different currencies. */
export function agingAccounts(
  rows: readonly AgingRow[],
): { bucket: (typeof AGING_BUCKETS)[number]; accounts: number }[] {
  return AGING_BUCKETS.map((bucket) => ({
    bucket,
    accounts: rows.filter((row) => row.bucket === bucket).reduce((sum, row) => sum + row.accounts, 0),
  }));
}

export function agingChart(
  rows: readonly AgingRow[],
  bucketLabel: (bucket: AgingRow['bucket']) => string,
  seriesName: string,
  locale: string,
): BarChartOption {
  const data = agingAccounts(rows);
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => new Intl.NumberFormat(locale).format(Number(value)),
    },
    xAxis: {
      type: 'category',
      data: data.map((row) => bucketLabel(row.bucket)),
      axisTick: { show: false },
      axisLabel: { interval: 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { formatter: (value: number) => new Intl.NumberFormat(locale).format(value) },
    },
    series: [
      {
        name: seriesName,
        type: 'bar',
        barMaxWidth: 48,
        data: data.map((row, index) => ({
          value: row.accounts,
          itemStyle: { color: CHART_COLORS.aging[index] },
        })),
      },
    ],
  };
}
