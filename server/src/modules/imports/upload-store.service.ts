import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode } from '@recupera/shared';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import {
  checkUtf8,
  detectDelimiter,
  detectKind,
  FileRejection,
  firstLine,
  type ImportFileKind,
} from './file-inspection.util';
import { openRowSource } from './row-source.util';

export interface UploadMeta {
  uploadId: string;
  ownerId: string | null;
  fileName: string;
  dataPath: string;
  /** False for a file the CLI imports in place: it is not ours to delete. */
  ownsData: boolean;
  sizeBytes: number;
  kind: ImportFileKind;
  delimiter: string;
  header: string[];
  sampleRows: string[][];
}

const SAMPLE_ROWS = 5;
const STATUS_BY_CODE: Partial<Record<ErrorCode, HttpStatus>> = {
  [ErrorCode.UnsupportedFile]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [ErrorCode.FileTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
};

export function toHttpError(error: FileRejection): AppException {
  return new AppException(
    error.code,
    STATUS_BY_CODE[error.code] ?? HttpStatus.UNPROCESSABLE_ENTITY,
    error.message,
  );
}

/** Keeps uploaded files until they are imported, with what inspecting them found out. */
@Injectable()
export class UploadStore {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async directory(): Promise<string> {
    await mkdir(this.config.uploadDir, { recursive: true });
    return this.config.uploadDir;
  }

  /** Inspects a file and records it; a file that cannot be imported is refused (and deleted if ours). */
  async register(
    dataPath: string,
    fileName: string,
    ownerId: string | null,
    ownsData: boolean,
  ): Promise<UploadMeta> {
    try {
      const { size } = await stat(dataPath);
      if (size > this.config.importMaxBytes) {
        throw new FileRejection(
          ErrorCode.FileTooLarge,
          `The file is ${size} bytes; the limit is ${this.config.importMaxBytes}`,
        );
      }
      const kind = await detectKind(dataPath, fileName);
      let delimiter = ',';
      if (kind === 'csv') {
        await checkUtf8(dataPath);
        delimiter = detectDelimiter(await firstLine(dataPath));
      }
      const source = await openRowSource(dataPath, kind, delimiter);
      const sampleRows: string[][] = [];
      try {
        for await (const row of source.rows) {
          sampleRows.push(row.cells);
          if (sampleRows.length >= SAMPLE_ROWS) break;
        }
      } finally {
        source.close();
      }
      const duplicate = source.header.find((name, i) => name !== '' && source.header.indexOf(name) !== i);
      if (duplicate)
        throw new FileRejection(ErrorCode.MissingColumns, `The header has the column "${duplicate}" twice`);
      const meta: UploadMeta = {
        uploadId: randomUUID(),
        ownerId,
        fileName,
        dataPath,
        ownsData,
        sizeBytes: size,
        kind,
        delimiter,
        header: source.header,
        sampleRows,
      };
      await writeFile(this.metaPath(await this.directory(), meta.uploadId), JSON.stringify(meta));
      return meta;
    } catch (error) {
      if (ownsData) await rm(dataPath, { force: true });
      throw error;
    }
  }

  metaPath(directory: string, uploadId: string): string {
    return join(directory, `${uploadId}.json`);
  }

  /** An upload is only visible to whoever uploaded it. */
  async find(uploadId: string, ownerId: string | null): Promise<UploadMeta> {
    if (!/^[0-9a-f-]{36}$/.test(uploadId)) throw AppException.notFound('Upload');
    try {
      const meta = JSON.parse(
        await readFile(this.metaPath(await this.directory(), uploadId), 'utf8'),
      ) as UploadMeta;
      if (ownerId !== null && meta.ownerId !== ownerId) throw AppException.notFound('Upload');
      return meta;
    } catch (error) {
      if (error instanceof AppException) throw error;
      throw AppException.notFound('Upload');
    }
  }

  /** Deletes uploads nobody imported (a preview abandoned in the console) once they are a day old. */
  async sweep(now = Date.now(), maxAgeMs = 24 * 3600_000): Promise<number> {
    const directory = await this.directory();
    let removed = 0;
    for (const name of await readdir(directory)) {
      const path = join(directory, name);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || now - info.mtimeMs < maxAgeMs) continue;
      await rm(path, { force: true });
      removed++;
    }
    return removed;
  }

  async remove(meta: UploadMeta): Promise<void> {
    if (meta.ownsData) await rm(meta.dataPath, { force: true });
    await rm(this.metaPath(await this.directory(), meta.uploadId), { force: true });
  }
}
