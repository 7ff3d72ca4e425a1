import { parse } from 'csv-parse';
import type { CellValue } from 'exceljs';
import { createReadStream, type ReadStream } from 'node:fs';
import { ErrorCode } from '@recupera/shared';
import { FileRejection, type ImportFileKind } from './file-inspection.util';

export interface SourceRow {
  /** 1-based line (CSV) or row number (XLSX) in the file, as a person opening it would count. */
  line: number;
  cells: string[];
}

export interface RowSource {
  header: string[];
  rows: AsyncIterable<SourceRow>;
  bytesRead(): number;
  close(): void;
}

function countingStream(path: string): { stream: ReadStream; bytesRead: () => number } {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  return { stream, bytesRead: () => stream.bytesRead };
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value);
}

async function* csvRows(
  path: string,
  delimiter: string,
  counter: ReturnType<typeof countingStream>,
): AsyncGenerator<SourceRow> {
  const parser = counter.stream.pipe(
    parse({
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: false,
    }),
  );
  for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: record.info.lines, cells: record.record };
  }
}

async function* xlsxRows(counter: ReturnType<typeof countingStream>): AsyncGenerator<SourceRow> {
  // Loaded on first use: the workbook library is large and most portfolios arrive as CSV.
  const { stream: xlsxStream } = await import('exceljs');
  const reader = new xlsxStream.xlsx.WorkbookReader(counter.stream, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'cache',
  });
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as AsyncIterable<{ number: number; values: CellValue[] }>) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        yield { line: row.number, cells: values.map(cellText) };
      }
      return; // only the first sheet holds the portfolio
    }
  } catch (error) {
    if (error instanceof FileRejection) throw error;
    throw new FileRejection(
      ErrorCode.UnsupportedFile,
      `The workbook cannot be read: ${(error as Error).message}`,
    );
  }
}

/** Opens a CSV or XLSX file as a stream of rows; memory does not grow with the file. */
export async function openRowSource(path: string, kind: ImportFileKind, delimiter = ','): Promise<RowSource> {
  const counter = countingStream(path);
  const iterator = (kind === 'csv' ? csvRows(path, delimiter, counter) : xlsxRows(counter))[
    Symbol.asyncIterator
  ]();
  const first = await iterator.next();
  if (first.done) {
    counter.stream.destroy();
    throw new FileRejection(ErrorCode.MissingColumns, 'The file has no header row');
  }
  const header = first.value.cells.map((cell) => cell.trim());
  if (header.every((cell) => cell === ''))
    throw new FileRejection(ErrorCode.MissingColumns, 'The header row is empty');
  const rows: AsyncIterable<SourceRow> = { [Symbol.asyncIterator]: () => iterator };
  return { header, rows, bytesRead: counter.bytesRead, close: () => counter.stream.destroy() };
}
