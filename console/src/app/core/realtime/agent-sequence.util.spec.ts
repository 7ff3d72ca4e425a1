import { ErrorCode, type AgentSnapshot, type AgentStateView, type Sequenced } from '@recupera/shared';
import { AgentEventSequence, type AgentEventName, type SnapshotResult } from './agent-sequence.util';

const STATE: AgentStateView = {
  agentId: 'ag-1',
  teamId: 'tm-1',
  state: 'available',
  since: '2026-03-09T12:00:00.000Z',
  breakReason: null,
  callId: null,
  campaignId: null,
};

function snapshot(seq: number): Sequenced<AgentSnapshot> {
  return { state: STATE, call: null, script: null, preview: null, seq };
}

function event(seq: number): { seq: number } & AgentStateView {
  return { ...STATE, seq };
}

describe(AgentEventSequence.name, () => {
  let delivered: [AgentEventName, number][];
  let asked: ((result: SnapshotResult) => void)[];
  let sequence: AgentEventSequence;

  beforeEach(() => {
    delivered = [];
    asked = [];
    sequence = new AgentEventSequence(
      (name, payload) => delivered.push([name, (payload as { seq: number }).seq]),
      () => new Promise((answer) => asked.push(answer)),
    );
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await Promise.resolve();
  }

  it('passes consecutive events on in order after the snapshot', () => {
    sequence.receive('agent.snapshot', snapshot(10));
    sequence.receive('agent.state-changed', event(11));
    sequence.receive('call.connected', event(12));

    expect(delivered).toEqual([
      ['agent.snapshot', 10],
      ['agent.state-changed', 11],
      ['call.connected', 12],
    ]);
    expect(asked).toHaveLength(0);
    expect(sequence.lastSeq).toBe(12);
  });

  it('drops an event it already passed on, or one the snapshot already covers', () => {
    sequence.receive('agent.snapshot', snapshot(10));
    sequence.receive('agent.state-changed', event(9));
    sequence.receive('agent.state-changed', event(10));
    sequence.receive('agent.state-changed', event(11));
    sequence.receive('agent.state-changed', event(11));

    expect(delivered).toEqual([
      ['agent.snapshot', 10],
      ['agent.state-changed', 11],
    ]);
  });

  it('asks for a snapshot when a number is skipped and hands it to the snapshot listeners', async () => {
    sequence.receive('agent.snapshot', snapshot(10));
    sequence.receive('agent.state-changed', event(12));
    expect(asked).toHaveLength(1);
    // Events keep coming while the snapshot is on its way: they wait for it.
    sequence.receive('call.connected', event(14));
    sequence.receive('call.ended', event(13));
    expect(delivered).toEqual([['agent.snapshot', 10]]);

    asked[0](snapshot(13));
    await settle();

    // The snapshot covers 12 and 13; 14 follows it.
    expect(delivered).toEqual([
      ['agent.snapshot', 10],
      ['agent.snapshot', 13],
      ['call.connected', 14],
    ]);
    expect(sequence.lastSeq).toBe(14);
    expect(asked).toHaveLength(1);
  });

  it('asks again when the events after the snapshot still skip a number', async () => {
    sequence.receive('agent.snapshot', snapshot(1));
    sequence.receive('agent.state-changed', event(3));
    sequence.receive('agent.state-changed', event(6));
    asked[0](snapshot(4));
    await settle();

    expect(asked).toHaveLength(2);
    asked[1](snapshot(6));
    await settle();
    expect(delivered.map(([, seq]) => seq)).toEqual([1, 4, 6]);
  });

  it('passes the events on in order when the snapshot cannot be had', async () => {
    sequence.receive('agent.snapshot', snapshot(1));
    sequence.receive('agent.state-changed', event(4));
    sequence.receive('agent.state-changed', event(3));
    asked[0]({ ok: false, code: ErrorCode.ServiceUnavailable, message: 'The server did not answer in time' });
    await settle();

    expect(delivered.map(([, seq]) => seq)).toEqual([1, 3, 4]);
    // The next gap asks again.
    sequence.receive('agent.state-changed', event(6));
    expect(asked).toHaveLength(2);
  });

  it('starts over with the snapshot of a reconnection, and ignores a catch-up asked before the drop', async () => {
    sequence.receive('agent.snapshot', snapshot(20));
    sequence.receive('agent.state-changed', event(22));
    sequence.reset();
    sequence.receive('agent.snapshot', snapshot(3));
    sequence.receive('agent.state-changed', event(4));
    asked[0](snapshot(22));
    await settle();

    expect(delivered).toEqual([
      ['agent.snapshot', 20],
      ['agent.snapshot', 3],
      ['agent.state-changed', 4],
    ]);
  });

  it('never goes back to an older snapshot', () => {
    sequence.receive('agent.snapshot', snapshot(5));
    sequence.receive('agent.state-changed', event(6));
    sequence.receive('agent.snapshot', snapshot(4));

    expect(delivered.map(([, seq]) => seq)).toEqual([5, 6]);
  });

  it('passes on events that come before the first snapshot', () => {
    sequence.receive('agent.state-changed', event(7));
    sequence.receive('agent.snapshot', snapshot(7));
    sequence.receive('agent.state-changed', event(8));

    expect(delivered.map(([, seq]) => seq)).toEqual([7, 7, 8]);
    expect(asked).toHaveLength(0);
  });
});
