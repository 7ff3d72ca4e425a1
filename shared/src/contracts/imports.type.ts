import type { ImportStatus } from '../domain/enums.constant';
import type { ColumnMapping, ImportMappingPreset } from '../imports/import-fields.constant';
import type { RowProblemCode } from '../imports/row-problem.type';

export interface ImportPreviewResponse {
  uploadId: string;
  fileName: string;
  sizeBytes: number;
  header: string[];
  sampleRows: string[][];
  presets: ImportMappingPreset[];
  savedMappings: ImportMappingResponse[];
}

export interface StartImportRequest {
  uploadId: string;
  portfolioId: string;
  mapping: ColumnMapping;
  /** Saves this mapping under a name for the portfolio's client. */
  saveMappingAs?: string;
}

export interface ImportResponse {
  id: string;
  status: ImportStatus;
  fileName: string;
  portfolioId: string;
  processedRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  bytesRead: number;
  sizeBytes: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportMappingResponse {
  id: string;
  clientId: string;
  name: string;
  mapping: ColumnMapping;
}

export interface ImportRejectView {
  line: number;
  column: string;
  code: RowProblemCode;
  /** The problem worded in the caller's language (Accept-Language, Spanish by default). */
  reason: string;
}
