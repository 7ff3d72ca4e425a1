import { Injectable, computed, inject, signal } from '@angular/core';
import type { TeamResponse, TeamRoster } from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { toApiError } from '../../core/http/api-error.util';
import { DirectoryService } from '../../core/http/directory.service';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { I18nService } from '../../core/i18n/i18n.service';

/** The supervisor's team: GET /api/teams (their own) and then that team's roster. */
@Injectable()
export class FloorStore {
  private readonly directory = inject(DirectoryService);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  private readonly teamsState = signal<RequestState<TeamResponse[]>>(idle());
  private readonly rosterState = signal<RequestState<TeamRoster>>(idle());
  private readonly selectedState = signal<string | null>(null);

  readonly teams = computed(() => this.teamsState().data ?? []);
  readonly selectedTeamId = this.selectedState.asReadonly();
  readonly roster = computed(() => this.rosterState().data);
  readonly loading = computed(() => this.teamsState().loading || this.rosterState().loading);
  readonly error = computed(() => this.i18n.error(this.teamsState().error ?? this.rosterState().error));
  readonly noTeam = computed(() => this.teamsState().data !== null && this.teams().length === 0);
  readonly agents = computed(() =>
    [...(this.roster()?.agents ?? [])].sort(
      (a, b) => Number(b.active) - Number(a.active) || a.fullName.localeCompare(b.fullName),
    ),
  );
  readonly balanceText = computed(() => {
    const balance = this.roster()?.balance ?? [];
    return balance.length === 0
      ? this.i18n.number(0)
      : balance.map((amount) => this.i18n.money(amount)).join(' · ');
  });

  load(): void {
    this.teamsState.update(loading);
    this.directory.teams().subscribe({
      next: (teams) => {
        this.teamsState.set(loaded(teams));
        const own = teams.find((team) => team.id === this.auth.user()?.teamId) ?? teams[0];
        if (own) this.select(own.id);
      },
      error: (error: unknown) => this.teamsState.update((state) => failed(state, toApiError(error))),
    });
  }

  select(teamId: string): void {
    this.selectedState.set(teamId);
    this.rosterState.update((state) => loading(state.data?.teamId === teamId ? state : idle<TeamRoster>()));
    this.directory.roster(teamId).subscribe({
      next: (roster) => {
        if (this.selectedState() === teamId) this.rosterState.set(loaded(roster));
      },
      error: (error: unknown) => this.rosterState.update((state) => failed(state, toApiError(error))),
    });
  }

  retry(): void {
    const selected = this.selectedState();
    if (this.teamsState().error || !selected) this.load();
    else this.select(selected);
  }
}
