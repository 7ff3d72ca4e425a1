import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccountChargesResponse,
  ChargeRuleResponse,
  FeeScheduleResponse,
  InterestCapResponse,
  Jurisdiction,
  SaveChargeRuleRequest,
  SaveFeeScheduleRequest,
  SaveInterestCapRequest,
} from '@recupera/shared';
import type { Observable } from 'rxjs';

/** An account's late interest and collection fees, and the rules, caps and schedules behind them. */
@Injectable({ providedIn: 'root' })
export class ChargesService {
  private readonly http = inject(HttpClient);

  /** Scoped by the server like the account itself. */
  accountCharges(accountId: string): Observable<AccountChargesResponse> {
    return this.http.get<AccountChargesResponse>(`/api/accounts/${encodeURIComponent(accountId)}/charges`);
  }

  rules(clientId?: string): Observable<ChargeRuleResponse[]> {
    const params = clientId ? new HttpParams().set('clientId', clientId) : undefined;
    return this.http.get<ChargeRuleResponse[]>('/api/charges/rules', { params });
  }

  saveRule(request: SaveChargeRuleRequest): Observable<ChargeRuleResponse> {
    return this.http.put<ChargeRuleResponse>('/api/charges/rules', request);
  }

  deleteRule(id: string): Observable<void> {
    return this.http.delete<void>(`/api/charges/rules/${encodeURIComponent(id)}`);
  }

  caps(): Observable<InterestCapResponse[]> {
    return this.http.get<InterestCapResponse[]>('/api/charges/caps');
  }

  saveCap(jurisdiction: Jurisdiction, request: SaveInterestCapRequest): Observable<InterestCapResponse> {
    return this.http.put<InterestCapResponse>(`/api/charges/caps/${jurisdiction}`, request);
  }

  feeSchedules(): Observable<FeeScheduleResponse[]> {
    return this.http.get<FeeScheduleResponse[]>('/api/charges/fee-schedules');
  }

  saveFeeSchedule(
    jurisdiction: Jurisdiction,
    currency: string,
    request: SaveFeeScheduleRequest,
  ): Observable<FeeScheduleResponse> {
    return this.http.put<FeeScheduleResponse>(
      `/api/charges/fee-schedules/${jurisdiction}/${encodeURIComponent(currency)}`,
      request,
    );
  }
}
