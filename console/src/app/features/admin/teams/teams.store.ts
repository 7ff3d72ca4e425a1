import { Injectable, computed, inject, signal } from '@angular/core';
import type { TeamResponse, UserResponse } from '@recupera/shared';
import { toApiError } from '../../../core/http/api-error.util';
import { DirectoryService } from '../../../core/http/directory.service';
import { failed, idle, loaded, loading, type RequestState } from '../../../core/http/request-state.util';
import { I18nService } from '../../../core/i18n/i18n.service';

@Injectable()
export class TeamsStore {
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<TeamResponse[]>>(idle());
  private readonly usersState = signal<UserResponse[]>([]);

  readonly teams = computed(() =>
    [...(this.state().data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  );
  readonly supervisors = computed(() =>
    this.usersState().filter((user) => user.role === 'supervisor' && user.active),
  );
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));

  load(): void {
    this.state.update(loading);
    this.directory.teams().subscribe({
      next: (teams) => this.state.set(loaded(teams)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
    this.directory.users().subscribe({
      next: (users) => this.usersState.set(users),
      error: () => this.usersState.set([]),
    });
  }

  saved(team: TeamResponse): void {
    this.state.update((state) => {
      const teams = state.data ?? [];
      const exists = teams.some((existing) => existing.id === team.id);
      return {
        ...state,
        data: exists
          ? teams.map((existing) => (existing.id === team.id ? team : existing))
          : [...teams, team],
      };
    });
  }
}
