import type { MappedRow } from '@recupera/shared';
import { ImportBatches } from './import-batches.util';
import type { BatchOutcome, BatchReject } from './import-write.repository';

const row = (n: number) => ({ accountNumber: String(n) }) as MappedRow;

describe(ImportBatches.name, () => {
  it('writes full batches with at most `concurrency` in flight and adds up their outcomes', async () => {
    let inFlight = 0;
    let most = 0;
    const sizes: number[] = [];
    const write = async (rows: MappedRow[], rejects: BatchReject[]): Promise<BatchOutcome> => {
      inFlight++;
      most = Math.max(most, inFlight);
      sizes.push(rows.length + rejects.length);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { inserted: rows.length, updated: 0, unchanged: 0 };
    };
    const batches = new ImportBatches(write, 3, 2);
    for (let i = 0; i < 10; i++) {
      batches.accept(row(i));
      await batches.flushIfFull();
    }
    batches.reject({ line: 12, column: 'x', code: 'required', params: {} });
    await batches.finish();
    expect(sizes).toEqual([3, 3, 3, 2]);
    expect(most).toBe(2);
    expect(batches.totals).toEqual({ inserted: 10, updated: 0, unchanged: 0 });
  });

  it('surfaces a failed write when the import finishes', async () => {
    const batches = new ImportBatches(() => Promise.reject(new Error('deadlock')), 1, 2);
    batches.accept(row(1));
    await batches.flushIfFull();
    await expect(batches.finish()).rejects.toThrow('deadlock');
  });
});
