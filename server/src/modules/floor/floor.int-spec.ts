import type { DialerEngine, SimulatedCarrier } from '@recupera/dialer';
import { ErrorCode, type AckResult, type AgentStateView, type FloorSnapshot } from '@recupera/shared';
import {
  DialerFixtures,
  EVERYONE_ANSWERS,
  WEDNESDAY_MORNING_IN_BOGOTA,
  emitWithAck,
  until,
  type SupervisorClient,
} from '../../testing/dialer-fixtures.util';
import { insertUser, startTestApp, type TestApp } from '../../testing/test-app.util';
import { CARRIER, DIALER_ENGINE } from '../dialer/dialer.constant';

function force(socket: SupervisorClient, payload: unknown): Promise<AckResult> {
  return new Promise((resolve) =>
    (socket.emit as (e: string, p: unknown, ack: (r: AckResult) => void) => void)(
      'agent.force-state',
      payload,
      resolve,
    ),
  );
}

/** The supervisor's floor pushed over /supervisor: snapshot on connect and after, and its actions. */
describe('Supervisor floor', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let supervisor: SupervisorClient;
  const snapshots: FloorSnapshot[] = [];
  const states: AgentStateView[] = [];
  const startedAt = Date.now();
  const now = () => new Date(WEDNESDAY_MORNING_IN_BOGOTA.getTime() + (Date.now() - startedAt));

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get<DialerEngine>(DIALER_ENGINE).ctx.clock.now = now;
    t.app
      .get<SimulatedCarrier>(CARRIER)
      .useScenario({ ...EVERYONE_ANSWERS, talkTime: { kind: 'fixed', ms: 120_000 } });
    f = new DialerFixtures(t);
    await f.seed();
    await f.account('FL-1', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573006660001');
    supervisor = await f.connectSupervisor('sup@dialer.test');
    supervisor.on('floor.snapshot', (s) => snapshots.push(s));
    supervisor.on('agent.state-changed', (s) => states.push(s));
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  it("pushes the floor on connecting: the team's agents with their state and day", async () => {
    const first = await until('a floor snapshot', async () => snapshots[0]);
    expect(first.agents.map((a) => a.name).sort()).toEqual(['a', 'b']);
    expect(first.agents[0].state.state).toBe('offline');
    expect(first.agents[0].today).toMatchObject({ loggedSeconds: 0, calls: 0 });
  });

  it('sends an agent on a break, audited, and refuses another team’s supervisor', async () => {
    const agent = await f.connectAgent('a@dialer.test');
    await emitWithAck(agent, 'agent.state-requested', { state: 'available' });
    expect(
      await force(supervisor, { agentId: f.ids['agentA'], state: 'break', breakReason: 'coaching' }),
    ).toEqual({
      ok: true,
    });
    await until('the break to be heard', async () => states.find((s) => s.state === 'break'));
    const [audit] = await t.db.query("SELECT action FROM audit_events WHERE action = 'agent.state-forced'");
    expect(audit).toEqual([{ action: 'agent.state-forced' }]);

    await insertUser(t.db, { email: 'other@dialer.test', role: 'supervisor' });
    const other = await f.connectSupervisor('other@dialer.test');
    const refused = await force(other, { agentId: f.ids['agentA'], state: 'offline' });
    expect(refused).toMatchObject({ ok: false, code: ErrorCode.Conflict });
    expect(await force(supervisor, { agentId: f.ids['agentA'], state: 'available' })).toMatchObject({
      ok: false,
      code: ErrorCode.ValidationFailed,
    });
    await emitWithAck(agent, 'agent.state-requested', { state: 'available' });
  });

  it('shows the call an agent is on and the campaign it came from', async () => {
    await f.startCampaign('Piso', f.ids['p1'], f.ids['teamA']);
    const seen = await until(
      'a snapshot with the call',
      async () => snapshots.find((s) => s.agents.some((a) => a.call?.accountNumber === 'FL-1')),
      20_000,
    );
    const agent = seen.agents.find((a) => a.agentId === f.ids['agentA'])!;
    expect(agent.state.state).toBe('on_call');
    expect(agent.today.loggedSeconds).toBeGreaterThan(0);
    const campaign = seen.campaigns.find((c) => c.name === 'Piso')!;
    expect(campaign).toMatchObject({ status: 'running', dialMode: 'progressive', abandonCapBp: 300 });
    expect(campaign.linesInFlight).toBeGreaterThanOrEqual(1);
    // An agent on a call is not sent on a break: the call comes first.
    expect(await force(supervisor, { agentId: f.ids['agentA'], state: 'break' })).toMatchObject({
      ok: false,
    });
    // Listening in needs real audio: the simulated carrier says so.
    const listen = await new Promise<AckResult>((resolve) =>
      (supervisor.emit as (e: string, p: unknown, ack: (r: AckResult) => void) => void)(
        'call.monitor-requested',
        { callId: agent.call!.callId, mode: 'listen' },
        resolve,
      ),
    );
    expect(listen).toEqual({
      ok: false,
      code: ErrorCode.Conflict,
      message: 'Listening in needs the Twilio carrier',
    });
  });
});
