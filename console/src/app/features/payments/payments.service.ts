import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  DailyBalanceResponse,
  PaymentAccountLookup,
  PaymentResponse,
  PostPaymentRequest,
} from '@recupera/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PaymentsService {
  private readonly http = inject(HttpClient);

  lookup(accountNumber: string): Observable<PaymentAccountLookup[]> {
    return this.http.get<PaymentAccountLookup[]>('/api/payments/account-lookup', {
      params: { accountNumber },
    });
  }

  post(request: PostPaymentRequest): Observable<PaymentResponse> {
    return this.http.post<PaymentResponse>('/api/payments', request);
  }

  reverse(paymentId: string, reason: string): Observable<PaymentResponse> {
    return this.http.post<PaymentResponse>(`/api/payments/${paymentId}/reverse`, { reason });
  }

  forAccount(accountId: string): Observable<PaymentResponse[]> {
    return this.http.get<PaymentResponse[]>(`/api/accounts/${accountId}/payments`);
  }

  dailyBalance(date: string): Observable<DailyBalanceResponse> {
    return this.http.get<DailyBalanceResponse>('/api/payments/daily-balance', { params: { date } });
  }

  signOff(date: string): Observable<DailyBalanceResponse> {
    return this.http.post<DailyBalanceResponse>('/api/payments/daily-balance/sign-off', { date });
  }
}
