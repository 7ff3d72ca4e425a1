import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateDebitMandateRequest,
  DebitBatchItemResponse,
  DebitBatchResponse,
  DebitMandateResponse,
  DebitResponseResult,
  DeductionFileResponse,
  EmployeeLinkResponse,
  EmployerRequest,
  EmployerResponse,
  GenerateDebitBatchRequest,
  LinkEmployeeRequest,
  PaymentFileClientOption,
  PaymentFileLayoutResponse,
  PaymentFilePreviewResponse,
  PaymentFileRejectView,
  PaymentFileResponse,
  ReconciliationResponse,
  SavePaymentFileLayoutRequest,
  StartPaymentFileRequest,
} from '@recupera/shared';
import type { Observable } from 'rxjs';

const id = (value: string) => encodeURIComponent(value);

function withFile(file: File, fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append('file', file, file.name);
  return body;
}

/** Payment files, direct debits and payroll deductions over HTTP; downloads as blobs (the token goes along). */
@Injectable({ providedIn: 'root' })
export class DebitsService {
  private readonly http = inject(HttpClient);

  clients(): Observable<PaymentFileClientOption[]> {
    return this.http.get<PaymentFileClientOption[]>('/api/payment-files/clients');
  }

  layouts(clientId: string): Observable<PaymentFileLayoutResponse[]> {
    return this.http.get<PaymentFileLayoutResponse[]>('/api/payment-files/layouts', { params: { clientId } });
  }

  saveLayout(request: SavePaymentFileLayoutRequest): Observable<PaymentFileLayoutResponse> {
    return this.http.put<PaymentFileLayoutResponse>('/api/payment-files/layouts', request);
  }

  preview(file: File): Observable<PaymentFilePreviewResponse> {
    return this.http.post<PaymentFilePreviewResponse>('/api/payment-files/preview', withFile(file));
  }

  startFile(file: File, request: StartPaymentFileRequest): Observable<PaymentFileResponse> {
    return this.http.post<PaymentFileResponse>('/api/payment-files', withFile(file, { ...request }));
  }

  files(): Observable<PaymentFileResponse[]> {
    return this.http.get<PaymentFileResponse[]>('/api/payment-files');
  }

  file(fileId: string): Observable<PaymentFileResponse> {
    return this.http.get<PaymentFileResponse>(`/api/payment-files/${id(fileId)}`);
  }

  fileRejects(fileId: string): Observable<PaymentFileRejectView[]> {
    return this.http.get<PaymentFileRejectView[]>(`/api/payment-files/${id(fileId)}/rejects`);
  }

  fileRejectReport(fileId: string): Observable<Blob> {
    return this.http.get(`/api/payment-files/${id(fileId)}/rejects.csv`, { responseType: 'blob' });
  }

  mandates(): Observable<DebitMandateResponse[]> {
    return this.http.get<DebitMandateResponse[]>('/api/debit-mandates');
  }

  createMandate(request: CreateDebitMandateRequest): Observable<DebitMandateResponse> {
    return this.http.post<DebitMandateResponse>('/api/debit-mandates', request);
  }

  revokeMandate(mandateId: string, reason: string): Observable<DebitMandateResponse> {
    return this.http.post<DebitMandateResponse>(`/api/debit-mandates/${id(mandateId)}/revoke`, { reason });
  }

  batches(): Observable<DebitBatchResponse[]> {
    return this.http.get<DebitBatchResponse[]>('/api/debit-batches');
  }

  generateBatch(request: GenerateDebitBatchRequest): Observable<DebitBatchResponse> {
    return this.http.post<DebitBatchResponse>('/api/debit-batches', request);
  }

  batchItems(batchId: string): Observable<DebitBatchItemResponse[]> {
    return this.http.get<DebitBatchItemResponse[]>(`/api/debit-batches/${id(batchId)}/items`);
  }

  batchFile(batchId: string): Observable<Blob> {
    return this.http.get(`/api/debit-batches/${id(batchId)}/file`, { responseType: 'blob' });
  }

  uploadResponse(batchId: string, file: File): Observable<DebitResponseResult> {
    return this.http.post<DebitResponseResult>(`/api/debit-batches/${id(batchId)}/response`, withFile(file));
  }

  employers(): Observable<EmployerResponse[]> {
    return this.http.get<EmployerResponse[]>('/api/employers');
  }

  createEmployer(request: EmployerRequest): Observable<EmployerResponse> {
    return this.http.post<EmployerResponse>('/api/employers', request);
  }

  employees(employerId: string): Observable<EmployeeLinkResponse[]> {
    return this.http.get<EmployeeLinkResponse[]>(`/api/employers/${id(employerId)}/employees`);
  }

  linkEmployee(employerId: string, request: LinkEmployeeRequest): Observable<EmployeeLinkResponse> {
    return this.http.post<EmployeeLinkResponse>(`/api/employers/${id(employerId)}/employees`, request);
  }

  unlinkEmployee(employerId: string, linkId: string): Observable<void> {
    return this.http.delete<void>(`/api/employers/${id(employerId)}/employees/${id(linkId)}`);
  }

  deductionFiles(employerId: string): Observable<DeductionFileResponse[]> {
    return this.http.get<DeductionFileResponse[]>(`/api/employers/${id(employerId)}/deduction-files`);
  }

  generateDeductionFile(employerId: string, period: string): Observable<DeductionFileResponse> {
    return this.http.post<DeductionFileResponse>(`/api/employers/${id(employerId)}/deduction-files`, {
      period,
    });
  }

  deductionFile(fileId: string): Observable<Blob> {
    return this.http.get(`/api/deduction-files/${id(fileId)}/file`, { responseType: 'blob' });
  }

  uploadWithheld(fileId: string, file: File): Observable<ReconciliationResponse> {
    return this.http.post<ReconciliationResponse>(
      `/api/deduction-files/${id(fileId)}/withheld`,
      withFile(file),
    );
  }

  reconciliation(fileId: string): Observable<ReconciliationResponse> {
    return this.http.get<ReconciliationResponse>(`/api/deduction-files/${id(fileId)}/reconciliation`);
  }
}
