import { HttpClient, type HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ImportMappingResponse,
  ImportPreviewResponse,
  ImportRejectView,
  ImportResponse,
  StartImportRequest,
} from '@recupera/shared';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ImportsService {
  private readonly http = inject(HttpClient);

  /** Multipart upload with progress events; the server answers with a preview of the file. */
  upload(file: File): Observable<HttpEvent<ImportPreviewResponse>> {
    const body = new FormData();
    body.append('file', file, file.name);
    return this.http.post<ImportPreviewResponse>('/api/imports/uploads', body, {
      reportProgress: true,
      observe: 'events',
    });
  }

  start(request: StartImportRequest): Observable<ImportResponse> {
    return this.http.post<ImportResponse>('/api/imports', request);
  }

  list(): Observable<ImportResponse[]> {
    return this.http.get<ImportResponse[]>('/api/imports');
  }

  get(id: string): Observable<ImportResponse> {
    return this.http.get<ImportResponse>(`/api/imports/${encodeURIComponent(id)}`);
  }

  rejects(id: string): Observable<ImportRejectView[]> {
    return this.http.get<ImportRejectView[]>(`/api/imports/${encodeURIComponent(id)}/rejects`);
  }

  /** Fetched through HttpClient (not a plain link) so the bearer token goes along. */
  rejectsCsv(id: string): Observable<Blob> {
    return this.http.get(this.rejectsCsvUrl(id), { responseType: 'blob' });
  }

  rejectsCsvUrl(id: string): string {
    return `/api/imports/${encodeURIComponent(id)}/rejects.csv`;
  }

  mappings(clientId: string): Observable<ImportMappingResponse[]> {
    return this.http.get<ImportMappingResponse[]>('/api/imports/mappings', { params: { clientId } });
  }
}
