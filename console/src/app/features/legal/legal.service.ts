import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  LegalActionResponse,
  LegalCaseDetail,
  LegalCaseListItem,
  LegalCaseQuery,
  LegalTeamResponse,
  Page,
  RecordLegalActionRequest,
  StageTransferRequest,
  StageTransferResponse,
  TeamKind,
} from '@recupera/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/api-error.util';

@Injectable({ providedIn: 'root' })
export class LegalService {
  private readonly http = inject(HttpClient);

  cases(query: LegalCaseQuery): Observable<Page<LegalCaseListItem>> {
    return this.http.get<Page<LegalCaseListItem>>('/api/legal/cases', { params: toHttpParams(query) });
  }

  detail(id: string): Observable<LegalCaseDetail> {
    return this.http.get<LegalCaseDetail>(`/api/legal/cases/${encodeURIComponent(id)}`);
  }

  recordAction(id: string, request: RecordLegalActionRequest): Observable<LegalActionResponse> {
    return this.http.post<LegalActionResponse>(`/api/legal/cases/${encodeURIComponent(id)}/actions`, request);
  }

  /** Fetched through HttpClient (not a plain link) so the bearer token and the language go along. */
  determination(id: string): Observable<Blob> {
    return this.http.get(`/api/legal/cases/${encodeURIComponent(id)}/determination.pdf`, {
      responseType: 'blob',
    });
  }

  teams(): Observable<LegalTeamResponse[]> {
    return this.http.get<LegalTeamResponse[]>('/api/legal/teams');
  }

  setTeamKind(id: string, kind: TeamKind): Observable<LegalTeamResponse> {
    return this.http.patch<LegalTeamResponse>(`/api/legal/teams/${encodeURIComponent(id)}`, { kind });
  }

  transfer(request: StageTransferRequest): Observable<StageTransferResponse> {
    return this.http.post<StageTransferResponse>('/api/legal/transfers', request);
  }
}
