import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationListResponse, ReminderResponse, ReminderStatus } from '@recupera/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PromisesService {
  private readonly http = inject(HttpClient);

  notifications(): Observable<NotificationListResponse> {
    return this.http.get<NotificationListResponse>('/api/notifications');
  }

  markRead(id: string): Observable<void> {
    return this.http.post<void>(`/api/notifications/${encodeURIComponent(id)}/read`, {});
  }

  markAllRead(): Observable<{ read: number }> {
    return this.http.post<{ read: number }>('/api/notifications/read-all', {});
  }

  reminders(status: ReminderStatus): Observable<ReminderResponse[]> {
    return this.http.get<ReminderResponse[]>('/api/promises/reminders', { params: { status } });
  }

  /** The printable convenio, in the console's language (the interceptor sends it). */
  agreementDocument(agreementId: string): Observable<Blob> {
    return this.http.get(`/api/agreements/${encodeURIComponent(agreementId)}/document.pdf`, {
      responseType: 'blob',
    });
  }
}
