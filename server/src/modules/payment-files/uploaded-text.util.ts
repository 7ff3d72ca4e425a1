import { ErrorCode } from '@recupera/shared';
import { createHash } from 'node:crypto';
import { AppException } from '../../common/errors/app.exception';
import { HttpStatus } from '@nestjs/common';

/** What multer's memory storage hands over for a small file (a bank's response, a withheld file). */
export interface UploadedMemoryFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** A small uploaded text file, decoded strictly as UTF-8 (a Latin-1 export is refused, not misread). */
export function uploadedText(file: UploadedMemoryFile | undefined): {
  text: string;
  sha256: string;
  fileName: string;
} {
  if (!file) throw AppException.invalid('Send the file in the multipart field "file"');
  if (file.buffer.length === 0)
    throw new AppException(ErrorCode.UnsupportedFile, HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'The file is empty');
  if (file.buffer.includes(0))
    throw new AppException(
      ErrorCode.UnsupportedFile,
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'The file is not text',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.buffer);
  } catch {
    throw new AppException(
      ErrorCode.BadEncoding,
      HttpStatus.UNPROCESSABLE_ENTITY,
      'The file is not UTF-8; it looks like a Windows-1252/Latin-1 export: save it as UTF-8',
    );
  }
  return {
    text,
    sha256: createHash('sha256').update(file.buffer).digest('hex'),
    fileName: file.originalname.slice(0, 255),
  };
}
