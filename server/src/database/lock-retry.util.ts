const ER_LOCK_DEADLOCK = 1213;
const ER_LOCK_WAIT_TIMEOUT = 1205;

function errnoOf(error: unknown): number | undefined {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return e.driverError?.errno ?? e.errno;
}

/** Did InnoDB give up on this transaction for a lock (a deadlock victim, a lock-wait timeout)? */
export function isLockConflict(error: unknown): boolean {
  const errno = errnoOf(error);
  return errno === ER_LOCK_DEADLOCK || errno === ER_LOCK_WAIT_TIMEOUT;
}

/**
 * Runs an idempotent transaction again when InnoDB rolled it back over a lock conflict with
 * another writer (the rollup turns, a payment), up to `attempts` times, a little later each time.
 */
export async function retryOnLockConflict<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isLockConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }
}
