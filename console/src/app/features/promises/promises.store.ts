import { Injectable, computed, inject, signal } from '@angular/core';
import type { NotificationListResponse, ReminderResponse } from '@recupera/shared';
import { firstValueFrom } from 'rxjs';
import { toApiError } from '../../core/http/api-error.util';
import { failed, idle, loaded, loading, type RequestState } from '../../core/http/request-state.util';
import { PromisesService } from './promises.service';

/** The user's notices (agreements of theirs broken) and, for supervisors, the reminders due. */
@Injectable()
export class PromisesStore {
  private readonly api = inject(PromisesService);

  private readonly notificationsState = signal<RequestState<NotificationListResponse>>(idle());
  private readonly remindersState = signal<RequestState<ReminderResponse[]>>(idle());

  readonly notifications = this.notificationsState.asReadonly();
  readonly reminders = this.remindersState.asReadonly();
  readonly unread = computed(() => this.notificationsState().data?.unread ?? 0);

  async loadNotifications(): Promise<void> {
    this.notificationsState.update(loading);
    try {
      this.notificationsState.set(loaded(await firstValueFrom(this.api.notifications())));
    } catch (error) {
      this.notificationsState.update((s) => failed(s, toApiError(error)));
    }
  }

  async loadReminders(): Promise<void> {
    this.remindersState.update(loading);
    try {
      this.remindersState.set(loaded(await firstValueFrom(this.api.reminders('due'))));
    } catch (error) {
      this.remindersState.update((s) => failed(s, toApiError(error)));
    }
  }

  async markRead(id: string): Promise<void> {
    try {
      await firstValueFrom(this.api.markRead(id));
      const readAt = new Date().toISOString();
      this.notificationsState.update((s) =>
        s.data
          ? loaded({
              items: s.data.items.map((n) => (n.id === id && !n.readAt ? { ...n, readAt } : n)),
              unread: Math.max(
                0,
                s.data.unread - (s.data.items.some((n) => n.id === id && !n.readAt) ? 1 : 0),
              ),
            })
          : s,
      );
    } catch (error) {
      this.notificationsState.update((s) => failed(s, toApiError(error)));
    }
  }

  async markAllRead(): Promise<void> {
    try {
      await firstValueFrom(this.api.markAllRead());
      await this.loadNotifications();
    } catch (error) {
      this.notificationsState.update((s) => failed(s, toApiError(error)));
    }
  }
}
