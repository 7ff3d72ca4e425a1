import type { ImportMappingResponse, ImportResponse } from '@recupera/shared';
import type { ImportMapping } from './import-mapping.entity';
import type { ImportRun } from './import-run.entity';

export function toImportResponse(run: ImportRun): ImportResponse {
  return {
    id: run.id,
    status: run.status,
    fileName: run.fileName,
    portfolioId: run.portfolioId,
    processedRows: run.processedRows,
    inserted: run.inserted,
    updated: run.updated,
    unchanged: run.unchanged,
    rejected: run.rejected,
    bytesRead: run.bytesRead,
    sizeBytes: run.sizeBytes,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function toImportMappingResponse(mapping: ImportMapping): ImportMappingResponse {
  return { id: mapping.id, clientId: mapping.clientId, name: mapping.name, mapping: mapping.mapping };
}
