import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PeriodReport, PeriodSummary } from '@recupera/shared';
import type { Observable } from 'rxjs';

/** Month close: managers and admins only (the server refuses anyone else). */
@Injectable({ providedIn: 'root' })
export class PeriodsService {
  private readonly http = inject(HttpClient);

  list(): Observable<PeriodSummary[]> {
    return this.http.get<PeriodSummary[]>('/api/periods');
  }

  report(month: string): Observable<PeriodReport> {
    return this.http.get<PeriodReport>(`/api/periods/${encodeURIComponent(month)}`);
  }

  close(month: string): Observable<PeriodReport> {
    return this.http.post<PeriodReport>(`/api/periods/${encodeURIComponent(month)}/close`, {});
  }
}
