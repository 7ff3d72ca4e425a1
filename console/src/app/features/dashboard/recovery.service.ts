import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DelinquencyQuery,
  DelinquencyResponse,
  DrillQuery,
  DrillResponse,
  ExportFormat,
  RecoveryDashboard,
  RecoveryExportTable,
  RecoveryQuery,
} from '@recupera/shared';
import type { Observable } from 'rxjs';
import { httpParams, recoveryParams } from './recovery-query.util';

@Injectable({ providedIn: 'root' })
export class RecoveryService {
  private readonly http = inject(HttpClient);

  dashboard(query: RecoveryQuery): Observable<RecoveryDashboard> {
    return this.http.get<RecoveryDashboard>('/api/recovery', { params: recoveryParams(query) });
  }

  delinquency(query: DelinquencyQuery): Observable<DelinquencyResponse> {
    return this.http.get<DelinquencyResponse>('/api/recovery/delinquency', { params: httpParams(query) });
  }

  drill(query: DrillQuery): Observable<DrillResponse> {
    return this.http.get<DrillResponse>('/api/recovery/accounts', { params: httpParams(query) });
  }

  /** Fetched through HttpClient (not a plain link) so the bearer token and the language go along. */
  export(query: RecoveryQuery, table: RecoveryExportTable, format: ExportFormat): Observable<Blob> {
    return this.http.get('/api/recovery/export', {
      params: { ...recoveryParams(query), table, format },
      responseType: 'blob',
    });
  }
}
