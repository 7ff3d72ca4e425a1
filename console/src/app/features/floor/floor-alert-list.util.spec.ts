import type { AgentStateView } from '@recupera/shared';
import { alertKey, liveDismissals, mergeAlerts, type AlertSources } from './floor-alert-list.util';
import { agentStateView, wrapUpOverdue } from './fake-supervisor-socket.factory';
import { floorAlert } from './floor-snapshot.factory';

const WRAP_SINCE = '2026-03-09T15:55:00.000Z';
const BREAK_SINCE = '2026-03-09T15:30:00.000Z';

function sources(patch: Partial<AlertSources> = {}): AlertSources {
  const states = new Map<string, AgentStateView>([
    ['ag-1', agentStateView({ state: 'wrap_up', since: WRAP_SINCE })],
    ['ag-2', agentStateView({ agentId: 'ag-2', state: 'break', since: BREAK_SINCE, callId: null })],
  ]);
  return {
    snapshot: [],
    overdue: [],
    stateOf: (agentId) => states.get(agentId) ?? null,
    dismissed: new Set(),
    decided: new Set(),
    ...patch,
  };
}

const wrapLong = floorAlert({
  kind: 'wrap_up_long',
  subjectId: 'ag-1',
  subject: 'Ana Pérez',
  since: WRAP_SINCE,
  value: 300,
});
const breakLong = floorAlert({
  kind: 'break_long',
  subjectId: 'ag-2',
  subject: 'Luis Gómez',
  since: BREAK_SINCE,
  value: 1_800,
});
const nearCap = floorAlert({
  kind: 'abandon_near_cap',
  subjectId: 'cmp-1',
  subject: 'Tarjetas',
  since: null,
  value: 0.026,
});
const hopper = floorAlert({
  kind: 'hopper_empty',
  subjectId: 'cmp-2',
  subject: 'Vencidas',
  since: null,
  value: 0,
});
const pending = floorAlert({ kind: 'agreement_pending', subjectId: 'agr-1', subject: '100234' });

describe('floor alert list', () => {
  it('lists the snapshot’s alerts, compliance first and then by how long they have stood', () => {
    const items = mergeAlerts(sources({ snapshot: [pending, hopper, breakLong, wrapLong, nearCap] }));
    expect(items.map((item) => item.kind)).toEqual([
      'abandon_near_cap',
      'wrap_up_long',
      'break_long',
      'hopper_empty',
      'agreement_pending',
    ]);
    expect(items[1]).toMatchObject({ subjectId: 'ag-1', subject: 'Ana Pérez', value: 300, overdue: null });
  });

  it('shows an agent’s wrap-up once: the live overdue alert wins over the snapshot’s', () => {
    const overdue = wrapUpOverdue({ since: WRAP_SINCE, limitSeconds: 120 });
    const items = mergeAlerts(sources({ snapshot: [wrapLong], overdue: [overdue] }));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'wrap_up_overdue', subjectId: 'ag-1', overdue });
    expect(items[0].key).toBe(alertKey('wrap_up_long', 'ag-1', WRAP_SINCE));
  });

  it('drops an agent’s snapshot alert once the floor saw the agent leave that state', () => {
    const back = new Map([
      ['ag-2', agentStateView({ agentId: 'ag-2', state: 'available', since: '2026-03-09T16:00:01.000Z' })],
    ]);
    const items = mergeAlerts(
      sources({ snapshot: [breakLong], stateOf: (agentId) => back.get(agentId) ?? null }),
    );
    expect(items).toEqual([]);
    // A new break after the one alerted about is a different situation, too.
    const again = new Map([
      ['ag-2', agentStateView({ agentId: 'ag-2', state: 'break', since: '2026-03-09T16:00:01.000Z' })],
    ]);
    expect(mergeAlerts(sources({ snapshot: [breakLong], stateOf: (id) => again.get(id) ?? null }))).toEqual(
      [],
    );
  });

  it('leaves out agreements decided here and alerts the supervisor dismissed', () => {
    expect(mergeAlerts(sources({ snapshot: [pending], decided: new Set(['agr-1']) }))).toEqual([]);
    const dismissed = new Set([alertKey('abandon_near_cap', 'cmp-1', null)]);
    expect(mergeAlerts(sources({ snapshot: [nearCap, hopper], dismissed })).map((item) => item.kind)).toEqual(
      ['hopper_empty'],
    );
  });

  it('forgets dismissals of alerts that went away, so the same situation alerts again later', () => {
    const dismissed = new Set([
      alertKey('abandon_near_cap', 'cmp-1', null),
      alertKey('hopper_empty', 'cmp-2', null),
      alertKey('wrap_up_overdue', 'ag-1', WRAP_SINCE),
    ]);
    const kept = liveDismissals(dismissed, [hopper], [wrapUpOverdue({ since: WRAP_SINCE })]);
    expect([...kept].sort()).toEqual(
      [alertKey('hopper_empty', 'cmp-2', null), alertKey('wrap_up_long', 'ag-1', WRAP_SINCE)].sort(),
    );
  });
});
