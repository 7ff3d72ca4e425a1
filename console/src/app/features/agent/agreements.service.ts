import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AgreementResponse, CreateAgreementRequest } from '@recupera/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AgreementsService {
  private readonly http = inject(HttpClient);

  /** The server plans it again with the same `planAgreement` and the account's balance of the moment. */
  create(accountId: string, request: CreateAgreementRequest): Observable<AgreementResponse> {
    return this.http.post<AgreementResponse>(
      `/api/accounts/${encodeURIComponent(accountId)}/agreements`,
      request,
    );
  }
}
