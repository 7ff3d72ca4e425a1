import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  RenderedScript,
  ScriptDraftRequest,
  ScriptPreviewRequest,
  ScriptResponse,
  ScriptVersionResponse,
} from '@recupera/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ScriptsService {
  private readonly http = inject(HttpClient);

  list(): Observable<ScriptResponse[]> {
    return this.http.get<ScriptResponse[]>('/api/scripts');
  }

  /** A new script with its first draft. */
  create(draft: ScriptDraftRequest): Observable<ScriptResponse> {
    return this.http.post<ScriptResponse>('/api/scripts', draft);
  }

  /** Saves the working draft; when the newest version is published, the server starts the next one. */
  saveDraft(scriptId: string, draft: ScriptDraftRequest): Observable<ScriptResponse> {
    return this.http.put<ScriptResponse>(`/api/scripts/${encodeURIComponent(scriptId)}/draft`, draft);
  }

  publish(scriptId: string): Observable<ScriptVersionResponse> {
    return this.http.post<ScriptVersionResponse>(`/api/scripts/${encodeURIComponent(scriptId)}/publish`, {});
  }

  preview(versionId: string, accountId: string): Observable<RenderedScript> {
    const body: ScriptPreviewRequest = { accountId };
    return this.http.post<RenderedScript>(
      `/api/scripts/versions/${encodeURIComponent(versionId)}/preview`,
      body,
    );
  }
}
