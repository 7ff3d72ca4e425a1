import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AgreementDecision,
  AgreementResponse,
  CampaignResponse,
  UpdateCampaignRequest,
} from '@recupera/shared';
import type { Observable } from 'rxjs';

/** What the floor changes over REST: a campaign's lifecycle and pacing, and agreements to approve. */
@Injectable({ providedIn: 'root' })
export class FloorService {
  private readonly http = inject(HttpClient);

  campaignAction(campaignId: string, action: 'pause' | 'resume'): Observable<CampaignResponse> {
    return this.http.post<CampaignResponse>(`/api/campaigns/${encodeURIComponent(campaignId)}/${action}`, {});
  }

  /** Only the pacing knobs: the server lets them change while the campaign runs. */
  updatePacing(
    campaignId: string,
    changes: Pick<UpdateCampaignRequest, 'abandonCapBp' | 'linesPerAgent'>,
  ): Observable<CampaignResponse> {
    return this.http.patch<CampaignResponse>(`/api/campaigns/${encodeURIComponent(campaignId)}`, changes);
  }

  /** The server scopes it to the supervisor's teams. */
  pendingAgreements(): Observable<AgreementResponse[]> {
    return this.http.get<AgreementResponse[]>('/api/agreements', { params: { status: 'pending_approval' } });
  }

  decide(agreementId: string, decision: AgreementDecision): Observable<AgreementResponse> {
    return this.http.post<AgreementResponse>(
      `/api/agreements/${encodeURIComponent(agreementId)}/${decision}`,
      {},
    );
  }
}
