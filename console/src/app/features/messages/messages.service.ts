import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CannedResponseRequest,
  CannedResponseView,
  MessageCampaignRequest,
  MessageCampaignSendView,
  MessageCampaignView,
  MessageSendOutcome,
  MessageTemplateRequest,
  MessageTemplateView,
  OutboundMessageRequest,
  OutboundMessageResponse,
  Page,
} from '@recupera/shared';
import type { Observable } from 'rxjs';
import { toHttpParams } from '../../core/http/api-error.util';

export interface SendsQuery {
  outcome?: MessageSendOutcome;
  page?: number;
  pageSize?: number;
}

/** Templates, outbound message campaigns and canned responses (supervisors, managers, admins), and one message to a debtor. */
@Injectable({ providedIn: 'root' })
export class MessagesService {
  private readonly http = inject(HttpClient);

  /** One SMS or WhatsApp to a debtor (agents to their accounts, supervisors to their teams'), through the contact gate. */
  send(request: OutboundMessageRequest): Observable<OutboundMessageResponse> {
    return this.http.post<OutboundMessageResponse>('/api/messages', request);
  }

  templates(): Observable<MessageTemplateView[]> {
    return this.http.get<MessageTemplateView[]>('/api/message-templates');
  }

  createTemplate(request: MessageTemplateRequest): Observable<MessageTemplateView> {
    return this.http.post<MessageTemplateView>('/api/message-templates', request);
  }

  updateTemplate(id: string, request: MessageTemplateRequest): Observable<MessageTemplateView> {
    return this.http.patch<MessageTemplateView>(`/api/message-templates/${encodeURIComponent(id)}`, request);
  }

  campaigns(): Observable<MessageCampaignView[]> {
    return this.http.get<MessageCampaignView[]>('/api/message-campaigns');
  }

  campaign(id: string): Observable<MessageCampaignView> {
    return this.http.get<MessageCampaignView>(`/api/message-campaigns/${encodeURIComponent(id)}`);
  }

  createCampaign(request: MessageCampaignRequest): Observable<MessageCampaignView> {
    return this.http.post<MessageCampaignView>('/api/message-campaigns', request);
  }

  actOnCampaign(id: string, action: 'start' | 'cancel'): Observable<MessageCampaignView> {
    return this.http.post<MessageCampaignView>(
      `/api/message-campaigns/${encodeURIComponent(id)}/${action}`,
      {},
    );
  }

  sends(id: string, query: SendsQuery): Observable<Page<MessageCampaignSendView>> {
    return this.http.get<Page<MessageCampaignSendView>>(
      `/api/message-campaigns/${encodeURIComponent(id)}/sends`,
      { params: toHttpParams(query) },
    );
  }

  cannedResponses(): Observable<CannedResponseView[]> {
    return this.http.get<CannedResponseView[]>('/api/canned-responses');
  }

  createCannedResponse(request: CannedResponseRequest): Observable<CannedResponseView> {
    return this.http.post<CannedResponseView>('/api/canned-responses', request);
  }

  updateCannedResponse(id: string, request: CannedResponseRequest): Observable<CannedResponseView> {
    return this.http.patch<CannedResponseView>(`/api/canned-responses/${encodeURIComponent(id)}`, request);
  }

  deleteCannedResponse(id: string): Observable<void> {
    return this.http.delete<void>(`/api/canned-responses/${encodeURIComponent(id)}`);
  }
}
