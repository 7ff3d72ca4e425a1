import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CampaignAction,
  CampaignResponse,
  CreateCampaignRequest,
  DispositionSetResponse,
  SegmentCountResponse,
  SegmentPreviewRequest,
  UpdateCampaignRequest,
} from '@recupera/shared';
import type { Observable } from 'rxjs';

/** The server scopes every answer: a supervisor gets the campaigns their teams work. */
@Injectable({ providedIn: 'root' })
export class CampaignsService {
  private readonly http = inject(HttpClient);

  list(): Observable<CampaignResponse[]> {
    return this.http.get<CampaignResponse[]>('/api/campaigns');
  }

  get(id: string): Observable<CampaignResponse> {
    return this.http.get<CampaignResponse>(`/api/campaigns/${encodeURIComponent(id)}`);
  }

  create(request: CreateCampaignRequest): Observable<CampaignResponse> {
    return this.http.post<CampaignResponse>('/api/campaigns', request);
  }

  update(id: string, request: UpdateCampaignRequest): Observable<CampaignResponse> {
    return this.http.patch<CampaignResponse>(`/api/campaigns/${encodeURIComponent(id)}`, request);
  }

  act(id: string, action: CampaignAction): Observable<CampaignResponse> {
    return this.http.post<CampaignResponse>(`/api/campaigns/${encodeURIComponent(id)}/${action}`, {});
  }

  segmentCount(id: string): Observable<SegmentCountResponse> {
    return this.http.get<SegmentCountResponse>(`/api/campaigns/${encodeURIComponent(id)}/segment/count`);
  }

  previewSegment(request: SegmentPreviewRequest): Observable<SegmentCountResponse> {
    return this.http.post<SegmentCountResponse>('/api/campaigns/segment/count', request);
  }

  dispositionSets(): Observable<DispositionSetResponse[]> {
    return this.http.get<DispositionSetResponse[]>('/api/dispositions/sets');
  }
}
