import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@recupera/shared';
import { checkUtf8, detectDelimiter, detectKind, FileRejection } from './file-inspection.util';

const dir = mkdtempSync(join(tmpdir(), 'inspection-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('file inspection', () => {
  it('picks the delimiter that splits the header most', () => {
    expect(detectDelimiter('cuenta;saldo;nombre')).toBe(';');
    expect(detectDelimiter('a,b,c')).toBe(',');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('a|b')).toBe('|');
  });

  it('tells CSV from XLSX by content and refuses a renamed text file', async () => {
    await expect(detectKind(file('a.csv', 'x,y\n1,2'), 'a.csv')).resolves.toBe('csv');
    await expect(
      detectKind(file('b.bin', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2])), 'b.bin'),
    ).resolves.toBe('xlsx');
    await expect(detectKind(file('c.xlsx', 'x,y'), 'c.xlsx')).rejects.toMatchObject({
      code: ErrorCode.UnsupportedFile,
    });
    await expect(detectKind(file('d.xls', 'x'), 'd.xls')).rejects.toThrow('.xls');
    await expect(
      detectKind(file('e.csv', Buffer.from([0xff, 0xfe, 0x41, 0])), 'e.csv'),
    ).rejects.toMatchObject({ code: ErrorCode.BadEncoding });
  });

  it('counts lines of a UTF-8 file and names the line where Latin-1 breaks it', async () => {
    await expect(checkUtf8(file('ok.csv', 'a,b\nÁngel,Peña\n'))).resolves.toBe(2);
    await expect(checkUtf8(file('no-final-newline.csv', 'a\nb'))).resolves.toBe(2);
    const latin1 = file(
      'latin1.csv',
      Buffer.concat([Buffer.from('a,b\nx,y\n'), Buffer.from('Pe\xf1a,1\n', 'latin1')]),
    );
    const error = (await checkUtf8(latin1).catch((e: unknown) => e)) as FileRejection;
    expect(error.code).toBe(ErrorCode.BadEncoding);
    expect(error.message).toContain('(line 3)');
  });
});
