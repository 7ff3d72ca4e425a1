import type { PaymentFileLayoutResponse, PaymentFileResponse } from '@recupera/shared';
import type { LayoutRow, PaymentFileRow } from './payment-files.repository';

export function toPaymentFileResponse(
  file: PaymentFileRow,
  appliedTotals: PaymentFileResponse['appliedTotals'] = [],
): PaymentFileResponse {
  return {
    id: file.id,
    clientId: file.clientId,
    clientCode: file.clientCode,
    layoutName: file.layoutName,
    fileName: file.fileName,
    channel: file.channel,
    status: file.status,
    processedRows: file.processedRows,
    applied: file.applied,
    duplicates: file.duplicates,
    rejected: file.rejected,
    appliedTotals,
    bytesRead: file.bytesRead,
    sizeBytes: file.sizeBytes,
    error: file.error,
    createdAt: file.createdAt.toISOString(),
    finishedAt: file.finishedAt?.toISOString() ?? null,
  };
}

export function toLayoutResponse(layout: LayoutRow): PaymentFileLayoutResponse {
  return {
    id: layout.id,
    clientId: layout.clientId,
    clientCode: layout.clientCode,
    name: layout.name,
    layout: layout.layout,
    updatedAt: layout.updatedAt.toISOString(),
  };
}
