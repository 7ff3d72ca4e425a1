import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ConversationDetail, RenderedCannedResponse, TeamRoster } from '@recupera/shared';
import type { Observable } from 'rxjs';

/** A conversation's thread and what the agent's chat tools read over REST (the rest is on the socket). */
@Injectable({ providedIn: 'root' })
export class ChatsService {
  private readonly http = inject(HttpClient);

  conversation(id: string): Observable<ConversationDetail> {
    return this.http.get<ConversationDetail>(`/api/conversations/${encodeURIComponent(id)}`);
  }

  /** The canned responses with the conversation's debtor and account filled in. */
  cannedResponses(conversationId: string): Observable<RenderedCannedResponse[]> {
    return this.http.get<RenderedCannedResponse[]>(
      `/api/conversations/${encodeURIComponent(conversationId)}/canned-responses`,
    );
  }

  /** The agent's team, for a transfer to a teammate. */
  roster(teamId: string): Observable<TeamRoster> {
    return this.http.get<TeamRoster>(`/api/teams/${encodeURIComponent(teamId)}/roster`);
  }
}
