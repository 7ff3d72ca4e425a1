import { ErrorCode, missingCsvColumns, type PaymentFileLayout } from '@recupera/shared';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  checkUtf8,
  detectDelimiter,
  detectKind,
  FileRejection,
  firstLine,
  type ImportFileKind,
} from '../imports/file-inspection.util';
import { openRowSource } from '../imports/row-source.util';

export interface InspectedFile {
  kind: ImportFileKind;
  delimiter: string;
  header: string[];
  sha256: string;
}

/**
 * Checks an uploaded payment file against its layout before anything is queued, with the portfolio
 * import's file checks: content matching the name, UTF-8 text, and for CSV the layout's columns in
 * the header. Fixed-width layouts read text only.
 */
export async function inspectPaymentFile(
  path: string,
  fileName: string,
  layout: PaymentFileLayout,
): Promise<InspectedFile> {
  const kind = await detectKind(path, fileName);
  if (kind === 'xlsx' && layout.format === 'fixed')
    throw new FileRejection(
      ErrorCode.UnsupportedFile,
      'A fixed-width layout reads text files, not workbooks',
    );
  if (kind === 'csv') await checkUtf8(path);
  let delimiter = ',';
  let header: string[] = [];
  if (layout.format === 'csv') {
    if (kind === 'csv') delimiter = detectDelimiter(await firstLine(path));
    const source = await openRowSource(path, kind, delimiter);
    source.close();
    header = source.header;
    const missing = missingCsvColumns(layout, header);
    if (missing.length > 0)
      throw new FileRejection(
        ErrorCode.MissingColumns,
        `The file does not fit the layout: ${missing.join('; ')}`,
      );
  }
  return { kind, delimiter, header, sha256: await sha256Of(path) };
}

export async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** The first lines of a text file as they are, for building a fixed-width layout against. */
export async function headLines(path: string, count: number): Promise<string[]> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    return lines.slice(0, count);
  } finally {
    await handle.close();
  }
}

export interface LineSource {
  lines: AsyncIterable<{ line: number; text: string }>;
  bytesRead(): number;
  close(): void;
}

/** A fixed-width file line by line (1-based numbers), streamed. */
export function openLineSource(path: string): LineSource {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  async function* lines(): AsyncGenerator<{ line: number; text: string }> {
    let line = 0;
    for await (const text of reader) {
      line++;
      yield { line, text: line === 1 ? text.replace(/^\uFEFF/, '') : text };
    }
  }
  return { lines: lines(), bytesRead: () => stream.bytesRead, close: () => stream.destroy() };
}
