import {
  isSequenceGap,
  type AckResult,
  type AgentServerToClientEvents,
  type AgentSnapshot,
  type Sequenced,
} from '@recupera/shared';

export type AgentEventName = keyof AgentServerToClientEvents;
export type SnapshotResult = AckResult | Sequenced<AgentSnapshot>;

interface Numbered {
  event: AgentEventName;
  payload: unknown;
  seq: number;
}

const SNAPSHOT: AgentEventName = 'agent.snapshot';

function seqOf(payload: unknown): number | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const seq = (payload as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isInteger(seq) ? seq : null;
}

function isSnapshot(result: SnapshotResult): result is Sequenced<AgentSnapshot> {
  return !('ok' in result) && seqOf(result) !== null;
}

/**
 * Keeps the agent's events in the server's numbering. Each event is passed on once, in order: a
 * repeat (a number already seen) is dropped, and a skipped number means an event was lost, so a
 * fresh snapshot is asked for and handed to the snapshot listeners like the one sent at connection.
 * Events arriving while that snapshot is on its way wait for it, and those it already covers are
 * dropped.
 */
export class AgentEventSequence {
  /** The last number passed on; null before the first snapshot and after the line dropped. */
  private last: number | null = null;
  private catchingUp = false;
  private held: Numbered[] = [];
  /** Bumped when the line drops, so a catch-up asked on the old connection is not applied. */
  private generation = 0;

  constructor(
    private readonly dispatch: (event: AgentEventName, payload: unknown) => void,
    private readonly requestSnapshot: () => Promise<SnapshotResult>,
  ) {}

  /** The last number passed on, for tests and diagnostics. */
  get lastSeq(): number | null {
    return this.last;
  }

  receive(event: AgentEventName, payload: unknown): void {
    const seq = seqOf(payload);
    // Unnumbered events cannot be put in order; pass them on rather than lose them.
    if (seq === null) return this.dispatch(event, payload);
    if (event === SNAPSHOT) return this.adoptSnapshot(payload, seq);
    if (this.catchingUp) {
      this.held.push({ event, payload, seq });
      return;
    }
    if (this.last !== null && seq <= this.last) return;
    if (this.last !== null && isSequenceGap(this.last, seq)) {
      this.held.push({ event, payload, seq });
      void this.catchUp();
      return;
    }
    this.last = seq;
    this.dispatch(event, payload);
  }

  /** The line dropped: the reconnection's snapshot starts the numbering again. */
  reset(): void {
    this.generation += 1;
    this.last = null;
    this.catchingUp = false;
    this.held = [];
  }

  private adoptSnapshot(snapshot: unknown, seq: number): void {
    // A snapshot older than what was already passed on would take the console back in time.
    if (this.last !== null && seq < this.last) return;
    this.last = seq;
    this.dispatch(SNAPSHOT, snapshot);
  }

  private async catchUp(): Promise<void> {
    const generation = this.generation;
    this.catchingUp = true;
    let result: SnapshotResult | null;
    try {
      result = await this.requestSnapshot();
    } catch {
      result = null;
    }
    if (generation !== this.generation) return;
    this.catchingUp = false;
    const held = this.held.sort((a, b) => a.seq - b.seq);
    this.held = [];
    if (result && isSnapshot(result)) {
      if (this.last === null || result.seq >= this.last) {
        this.last = result.seq;
        this.dispatch(SNAPSHOT, result);
      }
      for (const item of held) this.receive(item.event, item.payload);
      return;
    }
    // No snapshot (the line is down, the server did not answer): the events still go out in order,
    // and the next gap asks again; a reconnection sends a snapshot anyway.
    for (const item of held) {
      if (this.last !== null && item.seq <= this.last) continue;
      this.last = item.seq;
      this.dispatch(item.event, item.payload);
    }
  }
}
