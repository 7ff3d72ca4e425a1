import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ManagerSummary } from '@recupera/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class DashboardService {
  private readonly http = inject(HttpClient);

  summary(): Observable<ManagerSummary> {
    return this.http.get<ManagerSummary>('/api/dashboard/summary');
  }
}
