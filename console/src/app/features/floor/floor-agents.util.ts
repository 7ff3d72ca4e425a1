import type {
  AgentState,
  AgentStateView,
  CallProgress,
  FloorAgent,
  FloorAgentCall,
  FloorAgentToday,
} from '@recupera/shared';

/** States in which an agent works one account: the snapshot sends that call with them. */
export const ON_AN_ACCOUNT: readonly AgentState[] = ['reserved', 'on_call', 'wrap_up', 'preview'];

/**
 * The account an agent is on. A call the floor only heard of (`call.progressed`) between snapshots
 * has its account but not yet its number or debtor: the next snapshot brings them.
 */
export interface FloorRowCall extends Omit<FloorAgentCall, 'accountNumber' | 'debtorName'> {
  accountNumber: string | null;
  debtorName: string | null;
}

/** One line of the agents table: the snapshot's agent with the newest state the floor heard. */
export interface FloorAgentRow {
  agentId: string;
  name: string;
  teamId: string | null;
  state: AgentStateView;
  call: FloorRowCall | null;
  /** Chats the agent holds now. */
  chats: number;
  today: FloorAgentToday;
}

/** What a `call.progressed` told about a call, kept until a snapshot names its account. */
export interface HeardCall {
  callId: string;
  accountId: string;
  campaignId: string;
  agentId: string | null;
  at: string;
}

/** Calls remembered between snapshots; a snapshot comes every couple of seconds. */
const HEARD_CALLS_MEMORY = 200;

/** The newer of two views of an agent's state (the server stamps every change); a tie keeps the first. */
export function newerState(
  known: AgentStateView | null | undefined,
  heard: AgentStateView | null | undefined,
): AgentStateView | null {
  if (!known) return heard ?? null;
  if (!heard) return known;
  return Date.parse(heard.since) > Date.parse(known.since) ? heard : known;
}

/**
 * Drops the live states a snapshot already covers (it holds the same or a later change); live
 * states of agents the snapshot does not list are kept, for the roster's sake.
 */
export function pruneLiveStates(
  live: ReadonlyMap<string, AgentStateView>,
  agents: readonly FloorAgent[],
): Map<string, AgentStateView> {
  const known = new Map(agents.map((agent) => [agent.agentId, agent.state]));
  const kept = new Map<string, AgentStateView>();
  for (const [agentId, view] of live) {
    const snapshotView = known.get(agentId);
    if (!snapshotView || newerState(snapshotView, view) === view) kept.set(agentId, view);
  }
  return kept;
}

/** Remembers a call's account from its progress; the oldest are forgotten past a few hundred. */
export function rememberCall(
  calls: ReadonlyMap<string, HeardCall>,
  progress: CallProgress,
): Map<string, HeardCall> {
  const next = new Map(calls);
  next.delete(progress.callId);
  next.set(progress.callId, {
    callId: progress.callId,
    accountId: progress.accountId,
    campaignId: progress.campaignId,
    agentId: progress.agentId,
    at: progress.at,
  });
  while (next.size > HEARD_CALLS_MEMORY) next.delete(next.keys().next().value as string);
  return next;
}

/** The account the agent is on in `state`: the snapshot's when it is the same call, else the one heard of. */
function callFor(
  agent: FloorAgent,
  state: AgentStateView,
  calls: ReadonlyMap<string, HeardCall>,
): FloorRowCall | null {
  if (!state.callId || !ON_AN_ACCOUNT.includes(state.state)) return null;
  if (agent.call?.callId === state.callId) return agent.call;
  const heard = calls.get(state.callId);
  return heard
    ? {
        callId: heard.callId,
        accountId: heard.accountId,
        accountNumber: null,
        debtorName: null,
        campaignId: heard.campaignId,
      }
    : null;
}

/** The snapshot's agents with the states heard since (whichever is newer) and the calls they are on. */
export function floorRows(
  agents: readonly FloorAgent[],
  live: ReadonlyMap<string, AgentStateView>,
  calls: ReadonlyMap<string, HeardCall>,
): FloorAgentRow[] {
  return agents.map((agent) => {
    const state = newerState(agent.state, live.get(agent.agentId)) ?? agent.state;
    return {
      agentId: agent.agentId,
      name: agent.name,
      teamId: agent.teamId,
      state,
      call: callFor(agent, state, calls),
      chats: agent.chats,
      today: agent.today,
    };
  });
}

export interface AgentFilter {
  /** Matches the agent's name, or the account number or debtor they are on; accents and case aside. */
  text: string;
  state: AgentState | null;
}

export const NO_AGENT_FILTER: AgentFilter = { text: '', state: null };

function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

export function filterAgents(rows: readonly FloorAgentRow[], filter: AgentFilter): FloorAgentRow[] {
  const text = folded(filter.text);
  return rows.filter(
    (row) =>
      (filter.state === null || row.state.state === filter.state) &&
      (text === '' ||
        [row.name, row.call?.accountNumber, row.call?.debtorName].some(
          (value) => !!value && folded(value).includes(text),
        )),
  );
}

export const AGENT_SORT_KEYS = [
  'name',
  'state',
  'timeInState',
  'account',
  'chats',
  'talk',
  'wrap',
  'idle',
  'break',
  'calls',
  'contacts',
  'promises',
  'promised',
] as const;
export type AgentSortKey = (typeof AGENT_SORT_KEYS)[number];

export interface AgentSort {
  key: AgentSortKey;
  direction: 'asc' | 'desc';
}

export function isAgentSortKey(value: string): value is AgentSortKey {
  return (AGENT_SORT_KEYS as readonly string[]).includes(value);
}

/** Ascending by state puts the busiest first: who is talking, then wrapping up, …, then who is away. */
const STATE_ORDER: Readonly<Record<AgentState, number>> = {
  on_call: 0,
  wrap_up: 1,
  reserved: 2,
  preview: 3,
  available: 4,
  break: 5,
  offline: 6,
};

function sortValue(row: FloorAgentRow, key: AgentSortKey): number | string | null {
  switch (key) {
    case 'name':
      return row.name;
    case 'state':
      return STATE_ORDER[row.state.state];
    case 'timeInState': {
      // The earlier the state began, the longer the agent has been in it; the clock is not needed.
      // An agent never seen signing in (offline since the epoch) has no time to sort by.
      const since = Date.parse(row.state.since);
      return since > 0 ? -since : null;
    }
    case 'account':
      return row.call?.accountNumber ?? null;
    case 'chats':
      return row.chats;
    case 'talk':
      return row.today.talkSeconds;
    case 'wrap':
      return row.today.wrapSeconds;
    case 'idle':
      return row.today.idleSeconds;
    case 'break':
      return row.today.breakSeconds;
    case 'calls':
      return row.today.calls;
    case 'contacts':
      return row.today.contacts;
    case 'promises':
      return row.today.promises;
    case 'promised':
      return row.today.promisedMinor;
  }
}

/**
 * Sorts the rows by a column (by name when none is chosen); blanks (no account) go last either way,
 * and ties fall back to the name so rows do not jump between snapshots.
 */
export function sortAgents(
  rows: readonly FloorAgentRow[],
  sort: AgentSort | null,
  locale: string,
): FloorAgentRow[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byName = (a: FloorAgentRow, b: FloorAgentRow) =>
    collator.compare(a.name, b.name) || a.agentId.localeCompare(b.agentId);
  if (!sort || sort.key === 'name') {
    const sign = sort?.direction === 'desc' ? -1 : 1;
    return [...rows].sort((a, b) => sign * byName(a, b));
  }
  const sign = sort.direction === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order =
      typeof x === 'string' && typeof y === 'string' ? collator.compare(x, y) : Number(x) - Number(y);
    return sign * order || byName(a, b);
  });
}

/** The day's time in a state as the floor reads it: "0:05", "7:42" (hours and minutes). */
export function formatHoursMinutes(totalSeconds: number): string {
  const minutes = Math.floor(Math.max(0, totalSeconds) / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
