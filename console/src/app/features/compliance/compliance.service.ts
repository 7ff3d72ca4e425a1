import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ComplianceProfileResponse,
  CreateHolidayRequest,
  HolidayQuery,
  HolidayResponse,
  RefusalSummaryQuery,
  RefusalSummaryResponse,
  UpdateComplianceProfileRequest,
} from '@recupera/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/api-error.util';

@Injectable({ providedIn: 'root' })
export class ComplianceService {
  private readonly http = inject(HttpClient);

  profiles(): Observable<ComplianceProfileResponse[]> {
    return this.http.get<ComplianceProfileResponse[]>('/api/compliance/profiles');
  }

  updateProfile(
    code: string,
    definition: UpdateComplianceProfileRequest,
  ): Observable<ComplianceProfileResponse> {
    return this.http.put<ComplianceProfileResponse>(
      `/api/compliance/profiles/${encodeURIComponent(code)}`,
      definition,
    );
  }

  holidays(query: HolidayQuery): Observable<HolidayResponse[]> {
    return this.http.get<HolidayResponse[]>('/api/compliance/holidays', { params: toHttpParams(query) });
  }

  addHoliday(request: CreateHolidayRequest): Observable<HolidayResponse> {
    return this.http.post<HolidayResponse>('/api/compliance/holidays', request);
  }

  removeHoliday(holiday: HolidayResponse): Observable<void> {
    return this.http.delete<void>(`/api/compliance/holidays/${holiday.country}/${holiday.date}`);
  }

  refusalSummary(query: RefusalSummaryQuery): Observable<RefusalSummaryResponse> {
    return this.http.get<RefusalSummaryResponse>('/api/compliance/refusals/summary', {
      params: toHttpParams(query),
    });
  }
}
