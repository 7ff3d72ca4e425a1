import type { CallProgress } from '@recupera/shared';
import {
  filterAgents,
  floorRows,
  formatHoursMinutes,
  newerState,
  pruneLiveStates,
  rememberCall,
  sortAgents,
  type FloorAgentRow,
} from './floor-agents.util';
import { agentStateView } from './fake-supervisor-socket.factory';
import { floorAgent } from './floor-snapshot.factory';

const T0 = '2026-03-09T16:00:00.000Z';
const T1 = '2026-03-09T16:00:05.000Z';

function progress(patch: Partial<CallProgress> = {}): CallProgress {
  return {
    callId: 'call-2',
    campaignId: 'cmp-1',
    accountId: 'acc-2',
    stage: 'connected',
    outcome: 'human',
    agentId: 'ag-1',
    at: T1,
    ...patch,
  };
}

describe('floor agents logic', () => {
  it('keeps the newer of the snapshot’s state and the one heard live', () => {
    const known = agentStateView({ since: T0, state: 'on_call' });
    const heard = agentStateView({ since: T1, state: 'wrap_up' });
    expect(newerState(known, heard)).toBe(heard);
    expect(newerState(heard, known)).toBe(heard);
    // The snapshot computed after the change carries the same instant: either is right; keep it.
    expect(newerState(known, { ...known })).toBe(known);
    expect(newerState(null, heard)).toBe(heard);
    expect(newerState(known, undefined)).toBe(known);
  });

  it('applies a state change heard after the snapshot, and drops the call the agent left', () => {
    const agents = [floorAgent()];
    const live = new Map([['ag-1', agentStateView({ state: 'available', callId: null, since: T1 })]]);
    const [row] = floorRows(agents, live, new Map());
    expect(row.state.state).toBe('available');
    expect(row.call).toBeNull();
    expect(row.today.calls).toBe(42);
  });

  it('keeps the account while the agent wraps up the same call', () => {
    const live = new Map([['ag-1', agentStateView({ state: 'wrap_up', since: T1 })]]);
    const [row] = floorRows([floorAgent()], live, new Map());
    expect(row.state.state).toBe('wrap_up');
    expect(row.call).toMatchObject({ accountId: 'acc-1', accountNumber: '100234' });
  });

  it('links a new call’s account as soon as its progress is heard; its number comes with the next snapshot', () => {
    const live = new Map([['ag-1', agentStateView({ state: 'on_call', callId: 'call-2', since: T1 })]]);
    expect(floorRows([floorAgent()], live, new Map())[0].call).toBeNull();
    const calls = rememberCall(new Map(), progress());
    expect(floorRows([floorAgent()], live, calls)[0].call).toEqual({
      callId: 'call-2',
      accountId: 'acc-2',
      accountNumber: null,
      debtorName: null,
      campaignId: 'cmp-1',
    });
  });

  it('ignores a live state older than the snapshot', () => {
    const live = new Map([
      ['ag-1', agentStateView({ state: 'break', since: '2026-03-09T15:59:00.000Z', callId: null })],
    ]);
    expect(floorRows([floorAgent()], live, new Map())[0].state.state).toBe('on_call');
  });

  it('forgets the live states a snapshot covers, and keeps those of agents it does not list', () => {
    const live = new Map([
      ['ag-1', agentStateView({ since: T0 })],
      ['ag-2', agentStateView({ agentId: 'ag-2', since: T1 })],
      ['ag-9', agentStateView({ agentId: 'ag-9', since: T0 })],
    ]);
    const agents = [floorAgent(), floorAgent({ agentId: 'ag-2', state: { since: T0 } })];
    expect([...pruneLiveStates(live, agents).keys()]).toEqual(['ag-2', 'ag-9']);
  });

  it('remembers a bounded number of calls, the latest progress of each', () => {
    let calls = rememberCall(new Map(), progress({ stage: 'ringing' }));
    calls = rememberCall(calls, progress({ stage: 'connected', at: T1 }));
    expect(calls.size).toBe(1);
    for (let i = 0; i < 250; i++) calls = rememberCall(calls, progress({ callId: `c-${i}` }));
    expect(calls.size).toBe(200);
    expect(calls.has('call-2')).toBe(false);
    expect(calls.has('c-249')).toBe(true);
  });

  describe('filter and sort', () => {
    const rows: FloorAgentRow[] = floorRows(
      [
        floorAgent({ agentId: 'ag-1', name: 'Ana Pérez', today: { talkSeconds: 600, promisedMinor: 5 } }),
        floorAgent({
          agentId: 'ag-2',
          name: 'Luis Gómez',
          call: null,
          state: { state: 'available', callId: null, since: '2026-03-09T15:50:00.000Z' },
          today: { talkSeconds: 1200, promisedMinor: 0 },
        }),
        floorAgent({
          agentId: 'ag-3',
          name: 'Ángela Ruiz',
          state: { state: 'break', callId: null, breakReason: 'lunch', since: '2026-03-09T15:40:00.000Z' },
          call: null,
          today: { talkSeconds: 300, promisedMinor: 90 },
        }),
      ],
      new Map(),
      new Map(),
    );
    const names = (list: FloorAgentRow[]) => list.map((row) => row.name);

    it('filters by name (accents and case aside), account, and state', () => {
      expect(names(filterAgents(rows, { text: 'angela', state: null }))).toEqual(['Ángela Ruiz']);
      expect(names(filterAgents(rows, { text: ' PÉREZ ', state: null }))).toEqual(['Ana Pérez']);
      expect(names(filterAgents(rows, { text: '1002', state: null }))).toEqual(['Ana Pérez']);
      expect(names(filterAgents(rows, { text: '', state: 'break' }))).toEqual(['Ángela Ruiz']);
      expect(names(filterAgents(rows, { text: 'luis', state: 'break' }))).toEqual([]);
      expect(filterAgents(rows, { text: '', state: null })).toHaveLength(3);
    });

    it('sorts by name by default, in the language’s order', () => {
      expect(names(sortAgents(rows, null, 'es'))).toEqual(['Ana Pérez', 'Ángela Ruiz', 'Luis Gómez']);
      expect(names(sortAgents(rows, { key: 'name', direction: 'desc' }, 'es'))).toEqual([
        'Luis Gómez',
        'Ángela Ruiz',
        'Ana Pérez',
      ]);
    });

    it('sorts by state (busiest first), time in state, and the day’s figures', () => {
      expect(names(sortAgents(rows, { key: 'state', direction: 'asc' }, 'es'))).toEqual([
        'Ana Pérez',
        'Luis Gómez',
        'Ángela Ruiz',
      ]);
      expect(names(sortAgents(rows, { key: 'timeInState', direction: 'desc' }, 'es'))).toEqual([
        'Ángela Ruiz',
        'Luis Gómez',
        'Ana Pérez',
      ]);
      expect(names(sortAgents(rows, { key: 'talk', direction: 'desc' }, 'es'))).toEqual([
        'Luis Gómez',
        'Ana Pérez',
        'Ángela Ruiz',
      ]);
      expect(names(sortAgents(rows, { key: 'promised', direction: 'asc' }, 'es'))).toEqual([
        'Luis Gómez',
        'Ana Pérez',
        'Ángela Ruiz',
      ]);
    });

    it('puts an agent never seen signing in last by time in state', () => {
      const never = floorRows(
        [
          floorAgent({
            agentId: 'ag-4',
            name: 'Zoe',
            call: null,
            state: { state: 'offline', since: new Date(0).toISOString() },
          }),
        ],
        new Map(),
        new Map(),
      );
      expect(names(sortAgents([...never, ...rows], { key: 'timeInState', direction: 'desc' }, 'es'))).toEqual(
        ['Ángela Ruiz', 'Luis Gómez', 'Ana Pérez', 'Zoe'],
      );
    });

    it('puts agents without an account last whichever way the account column sorts', () => {
      expect(names(sortAgents(rows, { key: 'account', direction: 'asc' }, 'es'))[0]).toBe('Ana Pérez');
      expect(names(sortAgents(rows, { key: 'account', direction: 'desc' }, 'es'))[0]).toBe('Ana Pérez');
    });
  });

  it('reads the day’s time as hours and minutes', () => {
    expect(formatHoursMinutes(0)).toBe('0:00');
    expect(formatHoursMinutes(59)).toBe('0:00');
    expect(formatHoursMinutes(5 * 60 + 30)).toBe('0:05');
    expect(formatHoursMinutes(2 * 3600 + 5 * 60)).toBe('2:05');
    expect(formatHoursMinutes(11 * 3600 + 59 * 60 + 59)).toBe('11:59');
    expect(formatHoursMinutes(-10)).toBe('0:00');
  });
});
