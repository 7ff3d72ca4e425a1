import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEventResponse, AuditQuery, Page } from '@recupera/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/api-error.util';

@Injectable({ providedIn: 'root' })
export class AuditService {
  private readonly http = inject(HttpClient);

  search(query: AuditQuery): Observable<Page<AuditEventResponse>> {
    return this.http.get<Page<AuditEventResponse>>('/api/audit', { params: toHttpParams(query) });
  }
}
