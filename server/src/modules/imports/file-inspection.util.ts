import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { ErrorCode } from '@recupera/shared';

export type ImportFileKind = 'csv' | 'xlsx';

export class FileRejection extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

async function head(path: string, bytes: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Decides CSV or XLSX from the content, and refuses a file whose name and content disagree. */
export async function detectKind(path: string, fileName: string): Promise<ImportFileKind> {
  const start = await head(path, 4096);
  if (start.length === 0) throw new FileRejection(ErrorCode.UnsupportedFile, 'The file is empty');
  const isZip = ZIP_MAGIC.every((byte, i) => start[i] === byte);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    if (!isZip)
      throw new FileRejection(
        ErrorCode.UnsupportedFile,
        `${fileName} is not an XLSX workbook (it is not a zip archive)`,
      );
    return 'xlsx';
  }
  if (lower.endsWith('.xls')) {
    throw new FileRejection(
      ErrorCode.UnsupportedFile,
      'Old Excel .xls files are not supported: save it as .xlsx or CSV UTF-8',
    );
  }
  if (isZip) return 'xlsx';
  if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
    throw new FileRejection(ErrorCode.BadEncoding, 'The file is UTF-16; save it as "CSV UTF-8"');
  }
  if (start.includes(0))
    throw new FileRejection(
      ErrorCode.UnsupportedFile,
      `${fileName} is neither CSV text nor an XLSX workbook`,
    );
  return 'csv';
}

/**
 * Streams the whole file through a strict UTF-8 decoder, so a Latin-1 export is refused with the
 * line where it breaks before any row is written, rather than importing names with broken accents.
 * Returns the number of lines.
 */
export async function checkUtf8(path: string): Promise<number> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 0;
  let lastByte = 0x0a;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    try {
      decoder.decode(chunk, { stream: true });
    } catch {
      const lenient = new TextDecoder('utf-8').decode(chunk);
      const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
      const line = lines + before.split('\n').length;
      throw new FileRejection(
        ErrorCode.BadEncoding,
        `The file is not UTF-8 (line ${line}); it looks like a Windows-1252/Latin-1 export: save it as "CSV UTF-8"`,
      );
    }
    let at = chunk.indexOf(0x0a);
    while (at !== -1) {
      lines++;
      at = chunk.indexOf(0x0a, at + 1);
    }
    lastByte = chunk[chunk.length - 1];
  }
  try {
    decoder.decode();
  } catch {
    throw new FileRejection(ErrorCode.BadEncoding, 'The file ends in the middle of a UTF-8 character');
  }
  return lastByte === 0x0a ? lines : lines + 1;
}

/** Picks the delimiter that splits the header line into the most columns (LatAm files often use ';'). */
export function detectDelimiter(headerLine: string): string {
  const candidates = [',', ';', '\t', '|'];
  let best = ',';
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = headerLine.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

export async function firstLine(path: string): Promise<string> {
  const text = (await head(path, 64 * 1024)).toString('utf8').replace(/^\uFEFF/, '');
  const end = text.search(/\r?\n/);
  return end === -1 ? text : text.slice(0, end);
}
