/**
 * The generator's thread: builds the seeded rows chunk by chunk while the main thread streams the
 * previous chunk into MariaDB, so generating (one core) and loading (the other) overlap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  MetricsGenerator,
  SEED_TABLES,
  type SeedPlan,
  type SeedTable,
  type TeamMonthRecovery,
} from './metrics-generator.util';

export type ToSeedWorker = { type: 'next' };
export type FromSeedWorker =
  | { type: 'ready'; chunks: number; passOneSeconds: number }
  | {
      type: 'chunk';
      index: number;
      firstAccount: number;
      lastAccount: number;
      rows: Record<SeedTable, number>;
      data: Record<SeedTable, Uint8Array>;
    }
  | { type: 'done'; recovery: TeamMonthRecovery }
  | { type: 'failed'; message: string };

const port = parentPort!;
const send = (message: FromSeedWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const started = Date.now();
  const generator = new MetricsGenerator(workerData as SeedPlan);
  let next = 0;
  send({ type: 'ready', chunks: generator.chunkCount, passOneSeconds: (Date.now() - started) / 1000 });
  port.on('message', (message: ToSeedWorker) => {
    if (message.type !== 'next') return;
    try {
      if (next >= generator.chunkCount) {
        send({ type: 'done', recovery: generator.recovery });
        return;
      }
      const chunk = generator.chunk(next);
      const data = chunk.data;
      send(
        {
          type: 'chunk',
          index: next++,
          firstAccount: chunk.firstAccount,
          lastAccount: chunk.lastAccount,
          rows: chunk.rows,
          data,
        },
        SEED_TABLES.map((t) => data[t].buffer as ArrayBuffer),
      );
    } catch (error) {
      send({
        type: 'failed',
        message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
    }
  });
} catch (error) {
  send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
