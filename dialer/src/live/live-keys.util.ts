/** The live dialer's name for agents' own dials, which belong to no campaign. */
export const MANUAL_CALLS = 'manual';

/** Every Redis key the live dialer uses, under one prefix (the deployment's queue prefix). */
export class LiveKeys {
  constructor(private readonly prefix: string) {}

  private key(...parts: string[]): string {
    return `${this.prefix}:dialer:${parts.join(':')}`;
  }

  agent(agentId: string): string {
    return this.key('agent', agentId);
  }
  /** Free agents of a team, scored by the instant they became free (longest idle = lowest). */
  teamFree(teamId: string): string {
    return this.key('team', teamId, 'free');
  }
  /** Talking and wrapping-up agents of a team: agentId → "state:sinceMs[:readyAtMs]". */
  teamBusy(teamId: string): string {
    return this.key('team', teamId, 'busy');
  }
  /** Callbacks due that were kept for this agent: callbackId → due instant (ms). */
  agentCallbacks(agentId: string): string {
    return this.key('agent', agentId, 'callbacks');
  }
  call(callId: string): string {
    return this.key('call', callId);
  }
  hopper(campaignId: string): string {
    return this.key('campaign', campaignId, 'hopper');
  }
  hopperSequence(campaignId: string): string {
    return this.key('campaign', campaignId, 'hopper-seq');
  }
  /** Calls not answered yet: callId → dialled at (ms). */
  inFlight(campaignId: string): string {
    return this.key('campaign', campaignId, 'in-flight');
  }
  /** People answered and waiting for an agent: callId → answered at (ms). */
  waiting(campaignId: string): string {
    return this.key('campaign', campaignId, 'waiting');
  }
  /** Every line the campaign holds (ringing, waiting, bridged, playing the message). */
  lines(campaignId: string): string {
    return this.key('campaign', campaignId, 'lines');
  }
  stat(campaignId: string, name: 'outcome' | 'answer' | 'talk' | 'wrap' | 'abandon'): string {
    return this.key('campaign', campaignId, 'stat', name);
  }
  /** Person-answered calls of the last hour (member "callId:0|1", 1 = abandoned), scored by instant. */
  guard(campaignId: string): string {
    return this.key('campaign', campaignId, 'guard');
  }
  controller(campaignId: string): string {
    return this.key('campaign', campaignId, 'controller');
  }
  lastDecision(campaignId: string): string {
    return this.key('campaign', campaignId, 'last-decision');
  }
  paceLock(campaignId: string): string {
    return this.key('campaign', campaignId, 'pace-lock');
  }
  refillLock(campaignId: string): string {
    return this.key('campaign', campaignId, 'refill-lock');
  }
  /** Set while a refill found no account left to add, so ticks stop asking for a while. */
  refillIdle(campaignId: string): string {
    return this.key('campaign', campaignId, 'refill-idle');
  }
  tries(campaignId: string, accountId: string, day: string): string {
    return this.key('campaign', campaignId, 'tries', accountId, day);
  }
  accountLock(accountId: string): string {
    return this.key('lock', 'account', accountId);
  }
  phoneLock(phone: string): string {
    return this.key('lock', 'phone', phone);
  }
  /** A number whose call was abandoned: never redialled within 72 h (DESIGN.md §4). */
  phoneBlock(phone: string): string {
    return this.key('block', 'phone', phone);
  }
  /** Dials placed on the carrier account, scored by instant: the calls-per-second window. */
  carrierDials(): string {
    return this.key('carrier', 'dials');
  }
  /** Every line in use on the carrier account, across campaigns. */
  carrierLines(): string {
    return this.key('carrier', 'lines');
  }
}
