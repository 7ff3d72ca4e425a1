import {
  addOverdue,
  addTransfer,
  formatClock,
  overdueStillStands,
  secondsOverdue,
  secondsSince,
  transferStillWaiting,
} from './floor-alerts.util';
import { agentStateView, transferRequested, wrapUpOverdue } from './fake-supervisor-socket.factory';

describe('floor alerts logic', () => {
  it('keeps transfer requests newest first, one per call', () => {
    const first = transferRequested({ at: '2026-03-09T16:00:00.000Z' });
    const second = transferRequested({
      agentId: 'ag-2',
      at: '2026-03-09T16:00:30.000Z',
      call: { callId: 'call-2' },
    });
    const list = addTransfer(addTransfer([], first), second);
    expect(list.map((request) => request.call.callId)).toEqual(['call-2', 'call-1']);
    const again = addTransfer(list, { ...first, at: '2026-03-09T16:01:00.000Z' });
    expect(again.map((request) => request.call.callId)).toEqual(['call-1', 'call-2']);
  });

  it('keeps a transfer waiting only while its agent is still on that call', () => {
    const request = transferRequested();
    expect(transferStillWaiting(request, agentStateView())).toBe(true);
    expect(transferStillWaiting(request, agentStateView({ state: 'wrap_up' }))).toBe(false);
    expect(transferStillWaiting(request, agentStateView({ callId: 'call-9' }))).toBe(false);
    expect(transferStillWaiting(request, agentStateView({ agentId: 'ag-2', state: 'available' }))).toBe(true);
  });

  it('keeps one overdue alert per agent, the longest-running first', () => {
    const late = wrapUpOverdue({ agentId: 'ag-2', since: '2026-03-09T16:05:00.000Z' });
    const early = wrapUpOverdue({ since: '2026-03-09T16:00:00.000Z' });
    const alerts = addOverdue(addOverdue([], late), early);
    expect(alerts.map((alert) => alert.agentId)).toEqual(['ag-1', 'ag-2']);
    const replaced = addOverdue(
      alerts,
      wrapUpOverdue({ callId: 'call-7', since: '2026-03-09T16:06:00.000Z' }),
    );
    expect(replaced.map((alert) => alert.callId)).toEqual(['call-1', 'call-7']);
  });

  it('lets an overdue alert stand only while the agent wraps up that call', () => {
    const alert = wrapUpOverdue();
    expect(overdueStillStands(alert, agentStateView({ state: 'wrap_up' }))).toBe(true);
    expect(overdueStillStands(alert, agentStateView({ state: 'available', callId: null }))).toBe(false);
    expect(overdueStillStands(alert, agentStateView({ state: 'wrap_up', callId: 'call-2' }))).toBe(false);
    expect(overdueStillStands(alert, agentStateView({ agentId: 'ag-2', state: 'break' }))).toBe(true);
  });

  it('counts on the server clock, never below zero', () => {
    const start = Date.parse('2026-03-09T16:00:00.000Z');
    expect(secondsSince('2026-03-09T16:00:00.000Z', start + 65_900, 0)).toBe(65);
    // The browser runs 5 s ahead of the server.
    expect(secondsSince('2026-03-09T16:00:00.000Z', start + 65_000, 5_000)).toBe(60);
    expect(secondsSince('2026-03-09T16:00:00.000Z', start - 3_000, 0)).toBe(0);
    expect(secondsSince(null, start, 0)).toBe(0);
    expect(secondsSince('not a date', start, 0)).toBe(0);
  });

  it('says how far past the limit a wrap-up is', () => {
    const start = Date.parse('2026-03-09T16:00:00.000Z');
    const alert = wrapUpOverdue({ limitSeconds: 120 });
    expect(secondsOverdue(alert, start + 150_000, 0)).toBe(30);
    expect(secondsOverdue(alert, start + 100_000, 0)).toBe(0);
  });

  it('reads timers as agents do', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(247.9)).toBe('04:07');
    expect(formatClock(3_729)).toBe('1:02:09');
    expect(formatClock(-4)).toBe('00:00');
  });
});
