import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../config/env.schema';
import { UploadStore } from './upload-store.service';

describe(UploadStore.name, () => {
  it('sweeps only uploads older than a day', async () => {
    const uploadDir = mkdtempSync(join(tmpdir(), 'uploads-'));
    const store = new UploadStore({ ...loadConfig({}), uploadDir });
    const now = Date.now();
    writeFileSync(join(uploadDir, 'old.json'), '{}');
    writeFileSync(join(uploadDir, 'old-data'), 'x');
    writeFileSync(join(uploadDir, 'fresh.json'), '{}');
    const twoDaysAgo = (now - 48 * 3600_000) / 1000;
    utimesSync(join(uploadDir, 'old.json'), twoDaysAgo, twoDaysAgo);
    utimesSync(join(uploadDir, 'old-data'), twoDaysAgo, twoDaysAgo);
    expect(await store.sweep(now)).toBe(2);
    expect(readdirSync(uploadDir)).toEqual(['fresh.json']);
  });

  it('registers a CSV with its header, delimiter and sample rows, and refuses an unknown upload id', async () => {
    const uploadDir = mkdtempSync(join(tmpdir(), 'uploads-'));
    const store = new UploadStore({ ...loadConfig({}), uploadDir });
    const file = join(uploadDir, 'cartera.csv');
    writeFileSync(file, 'cuenta;saldo\nA-1;10\nA-2;20\n');
    const meta = await store.register(file, 'cartera.csv', '7', true);
    expect(meta).toMatchObject({
      kind: 'csv',
      delimiter: ';',
      header: ['cuenta', 'saldo'],
      sampleRows: [
        ['A-1', '10'],
        ['A-2', '20'],
      ],
    });
    await expect(store.find(meta.uploadId, '8')).rejects.toThrow('Upload not found');
    await expect(store.find('../../etc/passwd', null)).rejects.toThrow('Upload not found');
    expect((await store.find(meta.uploadId, '7')).fileName).toBe('cartera.csv');
  });
});
