import type { AgentState } from '../realtime/agent-events.type';

export interface StateChange {
  state: AgentState;
  at: Date;
}

/** An agent's day in seconds, as the productivity metrics count it (DESIGN.md §3). */
export interface AgentTime {
  /** Everything but offline. */
  loggedSeconds: number;
  /** On a call. */
  talkSeconds: number;
  wrapSeconds: number;
  breakSeconds: number;
  /** Available, reserved for a call about to connect, or looking at a preview. */
  idleSeconds: number;
}

const ZERO: AgentTime = { loggedSeconds: 0, talkSeconds: 0, wrapSeconds: 0, breakSeconds: 0, idleSeconds: 0 };

/**
 * Time in each state between `from` and `to`, from the agent's transitions in order. `before` is
 * the state they were in at `from` (the last change before it), so a shift that began yesterday
 * counts from midnight.
 */
export function agentTime(
  before: AgentState | null,
  changes: readonly StateChange[],
  from: Date,
  to: Date,
): AgentTime {
  const time = { ...ZERO };
  let state: AgentState = before ?? 'offline';
  let since = from.getTime();
  const add = (until: number) => {
    const seconds = Math.max(0, until - since) / 1_000;
    if (state === 'offline') return;
    time.loggedSeconds += seconds;
    if (state === 'on_call') time.talkSeconds += seconds;
    else if (state === 'wrap_up') time.wrapSeconds += seconds;
    else if (state === 'break') time.breakSeconds += seconds;
    else time.idleSeconds += seconds;
  };
  for (const change of changes) {
    const at = Math.min(Math.max(change.at.getTime(), from.getTime()), to.getTime());
    add(at);
    state = change.state;
    since = at;
  }
  add(to.getTime());
  const round = (n: number) => Math.round(n);
  return {
    loggedSeconds: round(time.loggedSeconds),
    talkSeconds: round(time.talkSeconds),
    wrapSeconds: round(time.wrapSeconds),
    breakSeconds: round(time.breakSeconds),
    idleSeconds: round(time.idleSeconds),
  };
}
