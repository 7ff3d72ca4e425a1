import type { MappedRow } from '@recupera/shared';
import type { BatchOutcome, BatchReject } from './import-write.repository';

export type BatchWriter = (rows: MappedRow[], rejects: BatchReject[]) => Promise<BatchOutcome>;

/**
 * Collects accepted rows and rejects into batches and keeps up to `concurrency` batch writes in
 * flight, so the database writes while the parser reads on: the two share the machine's cores.
 */
export class ImportBatches {
  readonly totals: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0 };
  private rows: MappedRow[] = [];
  private rejects: BatchReject[] = [];
  private readonly pending: Promise<BatchOutcome>[] = [];

  constructor(
    private readonly write: BatchWriter,
    private readonly batchSize: number,
    private readonly concurrency: number,
  ) {}

  accept(row: MappedRow): void {
    this.rows.push(row);
  }

  reject(reject: BatchReject): void {
    this.rejects.push(reject);
  }

  async flushIfFull(): Promise<void> {
    if (this.rows.length >= this.batchSize || this.rejects.length >= this.batchSize) await this.flush();
  }

  /** Writes what is left and waits for every write. */
  async finish(): Promise<void> {
    await this.flush();
    await this.settle(0);
  }

  /** After a failure: lets writes in flight end (their outcome no longer matters) before closing up. */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.pending);
  }

  private async flush(): Promise<void> {
    if (this.rows.length === 0 && this.rejects.length === 0) return;
    await this.settle(this.concurrency - 1);
    const write = this.write(this.rows, this.rejects);
    write.catch(() => undefined);
    this.pending.push(write);
    this.rows = [];
    this.rejects = [];
  }

  private async settle(keep: number): Promise<void> {
    while (this.pending.length > keep) {
      const outcome = await this.pending.shift()!;
      this.totals.inserted += outcome.inserted;
      this.totals.updated += outcome.updated;
      this.totals.unchanged += outcome.unchanged;
    }
  }
}
