import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AccountDetail, AccountListItem, AccountSearchQuery, Page } from '@recupera/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/api-error.util';

@Injectable({ providedIn: 'root' })
export class AccountsService {
  private readonly http = inject(HttpClient);

  /** The server scopes the result: an agent gets their accounts, a supervisor their team's. */
  search(query: AccountSearchQuery): Observable<Page<AccountListItem>> {
    return this.http.get<Page<AccountListItem>>('/api/accounts', { params: toHttpParams(query) });
  }

  get(id: string): Observable<AccountDetail> {
    return this.http.get<AccountDetail>(`/api/accounts/${encodeURIComponent(id)}`);
  }
}
