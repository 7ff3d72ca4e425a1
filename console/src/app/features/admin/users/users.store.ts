import { Injectable, computed, inject, signal } from '@angular/core';
import type { TeamResponse, UserResponse } from '@recupera/shared';
import { toApiError } from '../../../core/http/api-error.util';
import { DirectoryService } from '../../../core/http/directory.service';
import { failed, idle, loaded, loading, type RequestState } from '../../../core/http/request-state.util';
import { I18nService } from '../../../core/i18n/i18n.service';

@Injectable()
export class UsersStore {
  private readonly directory = inject(DirectoryService);
  private readonly i18n = inject(I18nService);
  private readonly state = signal<RequestState<UserResponse[]>>(idle());
  private readonly teamsState = signal<TeamResponse[]>([]);

  readonly users = computed(() =>
    [...(this.state().data ?? [])].sort(
      (a, b) => a.role.localeCompare(b.role) || a.fullName.localeCompare(b.fullName),
    ),
  );
  readonly teams = this.teamsState.asReadonly();
  readonly loading = computed(() => this.state().loading);
  readonly ready = computed(() => this.state().data !== null);
  readonly error = computed(() => this.i18n.error(this.state().error));

  load(): void {
    this.state.update(loading);
    this.directory.users().subscribe({
      next: (users) => this.state.set(loaded(users)),
      error: (error: unknown) => this.state.update((state) => failed(state, toApiError(error))),
    });
    this.directory.teams().subscribe({
      next: (teams) => this.teamsState.set(teams),
      error: () => this.teamsState.set([]),
    });
  }

  /** A dialog saved a user: show it without reloading the whole list. */
  saved(user: UserResponse): void {
    this.state.update((state) => {
      const users = state.data ?? [];
      const exists = users.some((existing) => existing.id === user.id);
      return {
        ...state,
        data: exists
          ? users.map((existing) => (existing.id === user.id ? user : existing))
          : [...users, user],
      };
    });
  }
}
