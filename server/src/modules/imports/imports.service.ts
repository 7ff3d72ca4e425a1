import { Injectable } from '@nestjs/common';
import {
  checkMapping,
  describeRowProblem,
  type Locale,
  IMPORT_MAPPING_PRESETS,
  type ImportMappingResponse,
  type ImportPreviewResponse,
  type ImportRejectView,
  type ImportResponse,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { ClientsService } from '../clients/clients.service';
import { FileRejection } from './file-inspection.util';
import { toImportMappingResponse, toImportResponse } from './import.mapper';
import { ImportRunsRepository } from './import-runs.repository';
import { csvCell } from '../../common/export/table-export.util';
import type { StartImportDto } from './imports.dto';
import { toHttpError, UploadStore, type UploadMeta } from './upload-store.service';

@Injectable()
export class ImportsService {
  constructor(
    private readonly runs: ImportRunsRepository,
    private readonly uploads: UploadStore,
    private readonly clients: ClientsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async preview(
    user: AuthUser,
    file: { path: string; originalname: string },
  ): Promise<ImportPreviewResponse> {
    let meta: UploadMeta;
    try {
      meta = await this.uploads.register(file.path, file.originalname, user.id, true);
    } catch (error) {
      if (error instanceof FileRejection) throw toHttpError(error);
      throw error;
    }
    return {
      uploadId: meta.uploadId,
      fileName: meta.fileName,
      sizeBytes: meta.sizeBytes,
      header: meta.header,
      sampleRows: meta.sampleRows,
      presets: [...IMPORT_MAPPING_PRESETS],
      savedMappings: (await this.runs.allMappings()).map(toImportMappingResponse),
    };
  }

  /** Checks everything that can be checked before a row is read and records the import, not yet run. */
  async create(
    user: AuthUser | null,
    dto: StartImportDto,
    ip: string | null = null,
  ): Promise<ImportResponse> {
    const meta = await this.uploads.find(dto.uploadId, user?.id ?? null);
    const { portfolio, client } = await this.clients.portfolioWithClient(dto.portfolioId);
    const problems = checkMapping(dto.mapping, meta.header);
    if (problems.length > 0)
      throw AppException.invalid(`The mapping does not fit the file: ${problems.join('; ')}`, { problems });
    const run = await this.uow.run(async (tx) => {
      if (dto.saveMappingAs) {
        const existing = await this.runs.findMapping(client.id, dto.saveMappingAs);
        const saved = await this.runs.saveMapping(
          {
            ...existing,
            clientId: client.id,
            name: dto.saveMappingAs,
            mapping: dto.mapping,
            createdBy: user?.id ?? null,
          },
          tx,
        );
        await this.audit.record(
          {
            actor: user,
            action: existing ? 'import-mapping.updated' : 'import-mapping.created',
            entityType: 'import_mapping',
            entityId: saved.id,
            before: existing,
            after: saved,
            ip,
          },
          tx,
        );
      }
      const created = await this.runs.create(
        {
          clientId: client.id,
          portfolioId: portfolio.id,
          mapping: dto.mapping,
          fileName: meta.fileName,
          uploadId: meta.uploadId,
          sizeBytes: meta.sizeBytes,
          createdBy: user?.id ?? null,
        },
        tx,
      );
      await this.audit.record(
        {
          actor: user,
          action: 'import.started',
          entityType: 'import',
          entityId: created.id,
          after: created,
          ip,
        },
        tx,
      );
      return created;
    });
    return toImportResponse(run);
  }

  async list(): Promise<ImportResponse[]> {
    return (await this.runs.recent()).map(toImportResponse);
  }

  async get(id: string): Promise<ImportResponse> {
    const run = await this.runs.findById(id);
    if (!run) throw AppException.notFound('Import');
    return toImportResponse(run);
  }

  async rejects(id: string, locale: Locale, limit = 500): Promise<ImportRejectView[]> {
    await this.get(id);
    return (await this.runs.listRejects(id, limit)).map((r) => ({
      line: r.line,
      column: r.columnName,
      code: r.code,
      reason: describeRowProblem({ code: r.code, params: r.params ?? {} }, locale),
    }));
  }

  async *rejectReport(id: string, locale: Locale): AsyncGenerator<string> {
    await this.get(id);
    yield 'line,column,reason\n';
    for await (const page of this.runs.iterateRejects(id)) {
      yield page
        .map(
          (r) =>
            `${r.line},${csvCell(r.columnName)},${csvCell(describeRowProblem({ code: r.code, params: r.params ?? {} }, locale))}\n`,
        )
        .join('');
    }
  }

  async mappings(clientId: string): Promise<ImportMappingResponse[]> {
    return (await this.runs.mappingsOf(clientId)).map(toImportMappingResponse);
  }
}
