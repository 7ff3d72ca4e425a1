import { Injectable } from '@nestjs/common';
import {
  describePaymentRowProblem,
  parsePaymentLayout,
  type Locale,
  type PaymentFileClientOption,
  type PaymentFileLayoutResponse,
  type PaymentFilePreviewResponse,
  type PaymentFileRejectView,
  type PaymentFileResponse,
} from '@recupera/shared';
import { rm } from 'node:fs/promises';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { csvCell } from '../../common/export/table-export.util';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import {
  checkUtf8,
  detectDelimiter,
  detectKind,
  FileRejection,
  firstLine,
} from '../imports/file-inspection.util';
import { openRowSource } from '../imports/row-source.util';
import { toHttpError } from '../imports/upload-store.service';
import { toLayoutResponse, toPaymentFileResponse } from './payment-file.mapper';
import { headLines, inspectPaymentFile } from './payment-file-source.util';
import type { SavePaymentFileLayoutDto, StartPaymentFileDto } from './payment-files.dto';
import { PaymentFilesProducer } from './payment-files.producer';
import { PaymentFilesRepository } from './payment-files.repository';

/** What multer's disk storage hands over. */
export interface UploadedDiskFile {
  path: string;
  originalname: string;
  size: number;
}

const PREVIEW_LINES = 10;

/** Bank and cashier payment files: layouts per client, uploads checked and queued, results and rejects. */
@Injectable()
export class PaymentFilesService {
  constructor(
    private readonly files: PaymentFilesRepository,
    private readonly producer: PaymentFilesProducer,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async clients(): Promise<PaymentFileClientOption[]> {
    return this.files.clients();
  }

  async layouts(clientId?: string): Promise<PaymentFileLayoutResponse[]> {
    return (await this.files.layouts(clientId)).map(toLayoutResponse);
  }

  async saveLayout(
    user: AuthUser,
    dto: SavePaymentFileLayoutDto,
    ip: string | null,
  ): Promise<PaymentFileLayoutResponse> {
    const parsed = parsePaymentLayout(dto.layout);
    if (!parsed.ok)
      throw AppException.invalid(`The layout cannot read a file: ${parsed.problems.join('; ')}`, {
        problems: parsed.problems,
      });
    if (!(await this.files.clients()).some((c) => c.id === dto.clientId))
      throw AppException.notFound('Client');
    const name = dto.name.trim();
    const id = await this.uow.run(async (tx) => {
      const before = await this.files.layoutByName(tx, dto.clientId, name);
      const saved = await this.files.saveLayout(tx, {
        clientId: dto.clientId,
        name,
        layout: parsed.layout,
        createdBy: user.id,
      });
      await this.audit.record(
        {
          actor: user,
          action: before ? 'payment-file-layout.updated' : 'payment-file-layout.created',
          entityType: 'payment_file_layout',
          entityId: saved,
          before: before ? { name: before.name, layout: before.layout } : null,
          after: { clientId: dto.clientId, name, layout: parsed.layout },
          ip,
        },
        tx,
      );
      return saved;
    });
    return toLayoutResponse((await this.files.layout(id))!);
  }

  async deleteLayout(user: AuthUser, id: string, ip: string | null): Promise<void> {
    await this.uow.run(async (tx) => {
      const layout = await this.files.layout(id, tx);
      if (!layout) throw AppException.notFound('Layout');
      await this.files.deleteLayout(tx, id);
      await this.audit.record(
        {
          actor: user,
          action: 'payment-file-layout.deleted',
          entityType: 'payment_file_layout',
          entityId: id,
          before: { clientId: layout.clientId, name: layout.name, layout: layout.layout },
          ip,
        },
        tx,
      );
    });
  }

  /** The first lines of a file, split as CSV too; the file is not kept. */
  async preview(file: UploadedDiskFile): Promise<PaymentFilePreviewResponse> {
    try {
      const kind = await detectKind(file.path, file.originalname);
      if (kind === 'csv') await checkUtf8(file.path);
      const delimiter = kind === 'csv' ? detectDelimiter(await firstLine(file.path)) : ';';
      const source = await openRowSource(file.path, kind, delimiter).catch(() => null);
      const header = source?.header ?? [];
      let lines: string[];
      if (kind === 'csv') lines = await headLines(file.path, PREVIEW_LINES);
      else {
        lines = [header.join(delimiter)];
        for await (const row of source!.rows) {
          lines.push(row.cells.join(delimiter));
          if (lines.length >= PREVIEW_LINES) break;
        }
      }
      source?.close();
      return { fileName: file.originalname, sizeBytes: file.size, delimiter, header, lines };
    } catch (error) {
      if (error instanceof FileRejection) throw toHttpError(error);
      throw error;
    } finally {
      await rm(file.path, { force: true });
    }
  }

  /** Checks the file against its layout, records it and queues it; the worker posts the payments. */
  async start(
    user: AuthUser,
    file: UploadedDiskFile,
    dto: StartPaymentFileDto,
    ip: string | null,
  ): Promise<PaymentFileResponse> {
    let id: string;
    try {
      const layout = await this.files.layout(dto.layoutId);
      if (!layout || layout.clientId !== dto.clientId) throw AppException.notFound('Layout');
      const inspected = await inspectPaymentFile(file.path, file.originalname, layout.layout);
      id = await this.uow.run(async (tx) => {
        const created = await this.files.createFile(tx, {
          clientId: dto.clientId,
          layoutName: layout.name,
          layout: layout.layout,
          channel: dto.channel,
          fileName: file.originalname.slice(0, 255),
          storedPath: file.path,
          sizeBytes: file.size,
          sha256: inspected.sha256,
          createdBy: user.id,
        });
        await this.audit.record(
          {
            actor: user,
            action: 'payment-file.uploaded',
            entityType: 'payment_file',
            entityId: created,
            after: {
              clientId: dto.clientId,
              layout: layout.name,
              channel: dto.channel,
              fileName: file.originalname,
              sizeBytes: file.size,
              sha256: inspected.sha256,
            },
            ip,
          },
          tx,
        );
        return created;
      });
    } catch (error) {
      await rm(file.path, { force: true });
      if (error instanceof FileRejection) throw toHttpError(error);
      throw error;
    }
    await this.producer.enqueue('payment-file.run', { fileId: id });
    return this.get(id);
  }

  async list(): Promise<PaymentFileResponse[]> {
    const files = await this.files.recentFiles();
    const totals = await this.files.appliedTotals(files.map((f) => f.id));
    return files.map((f) => toPaymentFileResponse(f, totals.get(f.id)));
  }

  async get(id: string): Promise<PaymentFileResponse> {
    const file = await this.files.file(id);
    if (!file) throw AppException.notFound('Payment file');
    return toPaymentFileResponse(file, (await this.files.appliedTotals([id])).get(id));
  }

  async rejects(id: string, locale: Locale, limit = 500): Promise<PaymentFileRejectView[]> {
    await this.get(id);
    const views: PaymentFileRejectView[] = [];
    for await (const page of this.files.rejects(id, limit)) {
      for (const r of page) {
        views.push({
          line: r.line,
          column: r.columnName,
          code: r.code,
          reason: describePaymentRowProblem(r, locale),
        });
      }
      break;
    }
    return views;
  }

  async *rejectReport(id: string, locale: Locale): AsyncGenerator<string> {
    yield 'line,column,code,reason\n';
    for await (const page of this.files.rejects(id))
      yield page
        .map(
          (r) =>
            `${r.line},${csvCell(r.columnName)},${r.code},${csvCell(describePaymentRowProblem(r, locale))}\n`,
        )
        .join('');
  }
}
