import { Injectable, computed, inject, signal } from '@angular/core';
import { AGING_BUCKETS, type ManagerSummary } from '@recupera/shared';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';
import type { Tone } from '../../ui/tone.util';
import { agingChart, percentChange, recoveryCharts } from './dashboard-charts.util';
import { DashboardService } from './dashboard.service';

export interface ClientCard {
  id: string;
  title: string;
  accounts: string;
  balance: string;
  recovered: string;
  previous: string;
  change: string;
  changeTone: Tone;
}

export interface TeamGoalRow {
  id: string;
  team: string;
  supervisor: string;
  goal: string;
  recovered: string;
  attainment: string;
  /** 0–100 for the bar; over-achievement is capped visually, not in the figure. */
  bar: number;
  tone: Tone;
}

export interface AgingTableRow {
  key: string;
  bucket: string;
  currency: string;
  accounts: string;
  balance: string;
}

@Injectable()
export class DashboardStore {
  private readonly api = inject(DashboardService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<ManagerSummary>>(idle());

  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));
  readonly monthLabel = computed(() => {
    const month = this.state().data?.month;
    return month ? this.i18n.month(month) : '';
  });

  readonly clientCards = computed<ClientCard[]>(() =>
    (this.state().data?.clients ?? []).map((client) => {
      const change = percentChange(client.recoveredThisMonthMinor, client.recoveredPreviousMonthMinor);
      const signed = change === null ? '' : `${change > 0 ? '+' : ''}${this.i18n.percent(change)}`;
      return {
        id: client.clientId,
        title: `${client.clientName} (${client.clientCode})`,
        accounts: this.i18n.number(client.accounts),
        balance: this.i18n.minor(client.balanceMinor, client.currency),
        recovered: this.i18n.minor(client.recoveredThisMonthMinor, client.currency),
        previous: this.i18n.minor(client.recoveredPreviousMonthMinor, client.currency),
        change:
          change === null
            ? this.i18n.t('dashboard.noPrevious')
            : this.i18n.t('dashboard.change', { change: signed }),
        changeTone: change === null || change === 0 ? 'muted' : change > 0 ? 'success' : 'danger',
      };
    }),
  );

  readonly recoveryCharts = computed(() =>
    recoveryCharts(
      this.state().data?.clients ?? [],
      {
        thisMonth: this.i18n.t('dashboard.thisMonth'),
        previousMonth: this.i18n.t('dashboard.previousMonth'),
      },
      this.i18n.locale(),
    ),
  );

  readonly teamRows = computed<TeamGoalRow[]>(() =>
    (this.state().data?.teams ?? []).map((team) => ({
      id: team.teamId,
      team: team.teamName,
      supervisor: team.supervisorName,
      goal:
        team.goalMinor === null
          ? this.i18n.t('dashboard.noGoal')
          : this.i18n.minor(team.goalMinor, team.currency),
      recovered: this.i18n.minor(team.recoveredMinor, team.currency),
      attainment: team.attainment === null ? '—' : this.i18n.percent(team.attainment),
      bar: team.attainment === null ? 0 : Math.min(100, Math.max(0, team.attainment * 100)),
      tone:
        team.attainment === null
          ? 'muted'
          : team.attainment >= 1
            ? 'success'
            : team.attainment >= 0.7
              ? 'warning'
              : 'danger',
    })),
  );

  readonly agingRows = computed<AgingTableRow[]>(() =>
    [...(this.state().data?.aging ?? [])]
      .sort(
        (a, b) =>
          AGING_BUCKETS.indexOf(a.bucket) - AGING_BUCKETS.indexOf(b.bucket) ||
          a.currency.localeCompare(b.currency),
      )
      .map((row) => ({
        key: `${row.bucket}:${row.currency}`,
        bucket: this.i18n.label('aging', row.bucket),
        currency: row.currency,
        accounts: this.i18n.number(row.accounts),
        balance: this.i18n.minor(row.balanceMinor, row.currency),
      })),
  );

  readonly agingChart = computed(() =>
    agingChart(
      this.state().data?.aging ?? [],
      (bucket) => this.i18n.label('aging', bucket),
      this.i18n.t('dashboard.accounts'),
      this.i18n.locale(),
    ),
  );

  load(): void {
    this.state.update(loading);
    this.api.summary().subscribe({
      next: (summary) => this.state.set(loaded(summary)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
  }
}
