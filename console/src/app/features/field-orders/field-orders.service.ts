import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AssignFieldOrdersRequest,
  AssignFieldOrdersResponse,
  FieldCrewResponse,
  FieldOrderListQuery,
  FieldOrderResponse,
  FieldOrderSummary,
  FieldOrderSummaryQuery,
  Page,
  ReportFieldOrderRequest,
} from '@recupera/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/api-error.util';

@Injectable({ providedIn: 'root' })
export class FieldOrdersService {
  private readonly http = inject(HttpClient);

  mine(since: string): Observable<FieldOrderResponse[]> {
    return this.http.get<FieldOrderResponse[]>('/api/field-orders/mine', { params: { since } });
  }

  report(id: string, request: ReportFieldOrderRequest): Observable<FieldOrderResponse> {
    return this.http.post<FieldOrderResponse>(`/api/field-orders/${id}/outcome`, request);
  }

  list(query: FieldOrderListQuery): Observable<Page<FieldOrderResponse>> {
    return this.http.get<Page<FieldOrderResponse>>('/api/field-orders', { params: toHttpParams(query) });
  }

  summary(query: FieldOrderSummaryQuery): Observable<FieldOrderSummary> {
    return this.http.get<FieldOrderSummary>('/api/field-orders/summary', { params: toHttpParams(query) });
  }

  crews(): Observable<FieldCrewResponse[]> {
    return this.http.get<FieldCrewResponse[]>('/api/field-crews');
  }

  assign(request: AssignFieldOrdersRequest): Observable<AssignFieldOrdersResponse> {
    return this.http.post<AssignFieldOrdersResponse>('/api/field-orders/assignments', request);
  }
}
