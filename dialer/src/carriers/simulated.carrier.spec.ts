import type { CarrierCallEvent, PlaceCallRequest } from './carrier.type';
import { SimulatedCarrier } from './simulated.carrier';
import { REFERENCE_SCENARIO } from './simulated-scenario.constant';

const request = (callId: string): PlaceCallRequest => ({
  callId,
  campaignId: '1',
  to: '+573001112233',
  from: '+5716015000',
  ringTimeoutSeconds: 25,
  machineAction: 'hang_up',
  voicemailMessage: '',
});

const PERSON = {
  ...REFERENCE_SCENARIO,
  outcomes: { human: 1, machine: 0, busy: 0, noAnswer: 0, failed: 0 },
  answerTime: { kind: 'fixed' as const, ms: 5_000 },
  talkTime: { kind: 'fixed' as const, ms: 60_000 },
};

describe(SimulatedCarrier.name, () => {
  let events: CarrierCallEvent[];

  beforeEach(() => {
    jest.useFakeTimers();
    events = [];
  });
  afterEach(() => jest.useRealTimers());

  function carrier(options: ConstructorParameters<typeof SimulatedCarrier>[0]): SimulatedCarrier {
    const c = new SimulatedCarrier(options);
    c.onEvent(async (event) => {
      events.push(event);
    });
    return c;
  }

  it('rings, answers and, once bridged, ends when the debtor hangs up after the talk time', async () => {
    const c = carrier({ seed: 1, scenario: PERSON });
    const call = await c.placeCall(request('10'));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(events.map((e) => e.kind)).toEqual(['ringing', 'answered']);
    await c.bridgeToAgent(call, '7');
    await jest.advanceTimersByTimeAsync(59_999);
    expect(events).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(events[2]).toMatchObject({ kind: 'ended', callId: '10', reason: 'completed' });
    expect(c.liveCalls).toBe(0);
  });

  it('stops the conversation while the debtor is on hold, and resumes it where it was', async () => {
    const c = carrier({ seed: 1, scenario: PERSON });
    const call = await c.placeCall(request('12'));
    await jest.advanceTimersByTimeAsync(5_000);
    await c.bridgeToAgent(call, '7');
    await jest.advanceTimersByTimeAsync(20_000);
    await c.hold(call, '7', true);
    await jest.advanceTimersByTimeAsync(120_000);
    expect(events.map((e) => e.kind)).toEqual(['ringing', 'answered']);
    await c.hold(call, '7', false);
    await jest.advanceTimersByTimeAsync(39_999);
    expect(events).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(events[2]).toMatchObject({ kind: 'ended', callId: '12', reason: 'completed' });
  });

  it('starts a new conversation when a bridged call is bridged again (a transfer)', async () => {
    const c = carrier({ seed: 1, scenario: PERSON });
    const call = await c.placeCall(request('13'));
    await jest.advanceTimersByTimeAsync(5_000);
    await c.bridgeToAgent(call, '7');
    await jest.advanceTimersByTimeAsync(50_000);
    await c.bridgeToAgent(call, '3');
    await jest.advanceTimersByTimeAsync(59_999);
    expect(events).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(events[2]).toMatchObject({ kind: 'ended', reason: 'completed' });
  });

  it('never lets a line ring past the campaign ring timeout', async () => {
    const c = carrier({ seed: 1, scenario: { ...PERSON, answerTime: { kind: 'fixed', ms: 40_000 } } });
    await c.placeCall({ ...request('11'), ringTimeoutSeconds: 20 });
    await jest.advanceTimersByTimeAsync(20_000);
    expect(events.at(-1)).toMatchObject({ kind: 'ended', reason: 'no_answer' });
  });

  it('ends a call at once when the agent hangs up, cancelling the debtor side', async () => {
    const c = carrier({ seed: 1, scenario: PERSON });
    const call = await c.placeCall(request('12'));
    await jest.advanceTimersByTimeAsync(5_000);
    await c.bridgeToAgent(call, '7');
    await c.hangUp(call);
    await jest.advanceTimersByTimeAsync(0);
    expect(events.filter((e) => e.kind === 'ended')).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(120_000);
    expect(events.filter((e) => e.kind === 'ended')).toHaveLength(1);
  });

  it('draws the same fate for the same seed and call, and the scenario shares over many calls', async () => {
    const fates = async (seed: number) => {
      events = [];
      const c = carrier({ seed, scenario: REFERENCE_SCENARIO });
      for (let i = 0; i < 2_000; i++) await c.placeCall(request(String(i)));
      await jest.advanceTimersByTimeAsync(60_000);
      return events
        .filter((e) => e.kind !== 'ringing')
        .map((e) => (e.kind === 'answered' ? e.answeredBy : e.reason));
    };
    const first = await fates(3);
    expect(await fates(3)).toEqual(first);
    const humans = first.filter((f) => f === 'human').length / 2_000;
    expect(humans).toBeGreaterThan(0.17);
    expect(humans).toBeLessThan(0.23);
  });

  it('sends commands for calls it does not hold over the bus', async () => {
    const sent: unknown[] = [];
    const c = carrier({
      seed: 1,
      bus: {
        publish: async (command) => void sent.push(command),
        subscribe: async () => undefined,
        close: async () => undefined,
      },
    });
    await c.hangUp({ callId: '99', carrierSid: 'SIM-99' });
    expect(sent).toEqual([{ kind: 'hang-up', callId: '99' }]);
  });

  it('plays time faster under a time scale', async () => {
    const c = carrier({ seed: 1, scenario: PERSON, timeScale: 0.1 });
    await c.placeCall(request('13'));
    await jest.advanceTimersByTimeAsync(500);
    expect(events.map((e) => e.kind)).toEqual(['ringing', 'answered']);
  });
});
