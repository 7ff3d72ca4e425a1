import type { CallControls, CallSwitchRequest, MonitorMode } from '@recupera/shared';
import { controlsOf, type LiveCall } from '../live/campaign-live.store';
import { AgentDeskError } from './agent-moves.util';
import type { CallLifecycleService } from './call-lifecycle.service';
import { liveCallView } from './call-view.util';
import type { DialerContext } from './dialer-context.type';

/** Which teams a supervisor answers for: their own, or every team (managers, admins). */
export type SupervisedTeams = readonly string[] | 'all';

/**
 * The softphone's switches on a connected call — hold, mute, transfer to a supervisor — kept on
 * the live call so every process and a reloaded console agree. Hold acts on the carrier's call
 * (music for the debtor, the talk clock paused on the simulated carrier); mute silences the agent's
 * own microphone (in the browser with Twilio) and is kept so the console shows it after a reload.
 */
export class CallControlsService {
  constructor(
    private readonly ctx: DialerContext,
    private readonly calls: CallLifecycleService,
  ) {}

  async setSwitch(
    agentId: string,
    which: 'held' | 'muted',
    request: CallSwitchRequest,
  ): Promise<CallControls> {
    const call = await this.agentsCall(agentId, request.callId);
    if (which === 'held' && call.held !== request.on)
      await this.ctx.carrier.hold(handleOf(call), agentId, request.on);
    await this.ctx.live.updateCall(call.callId, { [which]: request.on });
    return this.publish(agentId, { ...call, [which]: request.on });
  }

  /** Asks the supervisors of the agent's team to take the call; the agent stays on it meanwhile. */
  async requestTransfer(agentId: string, callId: string): Promise<CallControls> {
    const call = await this.agentsCall(agentId, callId);
    if (!(await this.ctx.live.swapField(callId, 'transfer', 'none', 'requested')))
      throw new AgentDeskError('state_conflict', 'A transfer of this call was already asked for');
    const [view, agentName] = await Promise.all([
      liveCallView(this.ctx, callId),
      this.ctx.store.userName(agentId),
    ]);
    if (view) {
      this.ctx.events.toSupervisors(
        { teamIds: call.teamId ? [call.teamId] : [] },
        'call.transfer-requested',
        {
          agentId,
          agentName,
          teamId: call.teamId,
          call: { ...view, controls: { ...view.controls, transfer: 'requested' } },
          at: this.ctx.clock.now().toISOString(),
        },
      );
    }
    return this.publish(agentId, { ...call, transfer: 'requested' });
  }

  /**
   * A supervisor takes the call: the first to accept wins, the debtor is bridged to the supervisor's
   * line, and the agent leaves the call to wrap it up.
   */
  async acceptTransfer(supervisorId: string, teams: SupervisedTeams, callId: string): Promise<void> {
    const call = await this.ctx.live.getCall(callId);
    if (
      !call ||
      call.stage !== 'connected' ||
      !call.agentId ||
      (teams !== 'all' && !teams.includes(call.teamId ?? ''))
    )
      throw new AgentDeskError('not_your_call', 'There is no transfer of this call for you');
    if (!(await this.ctx.live.swapField(callId, 'transfer', 'requested', 'taken')))
      throw new AgentDeskError('state_conflict', 'This transfer was taken or withdrawn');
    const now = this.ctx.clock.now();
    await this.ctx.live.updateCall(callId, { transferredTo: supervisorId, held: false });
    await this.ctx.carrier.bridgeToAgent(handleOf(call), supervisorId);
    await this.ctx.store.updateAttempt(callId, { transferredTo: supervisorId, transferredAt: now });
    this.publish(call.agentId, { ...call, held: false, transfer: 'taken' });
    await this.calls.agentLeftCall(call, call.agentId, 'transfer', now);
  }

  /**
   * A supervisor of the agent's team listens to, whispers to or barges into a connected call (the
   * Twilio carrier only: conference roles need real audio).
   */
  async monitor(
    supervisorId: string,
    teams: SupervisedTeams,
    callId: string,
    mode: MonitorMode,
  ): Promise<void> {
    if (!this.ctx.carrier.canMonitor)
      throw new AgentDeskError('state_conflict', 'Listening in needs the Twilio carrier');
    const call = await this.ctx.live.getCall(callId);
    if (
      !call ||
      call.stage !== 'connected' ||
      !call.agentId ||
      (teams !== 'all' && !teams.includes(call.teamId ?? ''))
    )
      throw new AgentDeskError('not_your_call', 'There is no call of your team to join');
    if (call.monitoredBy && call.monitoredBy !== supervisorId)
      throw new AgentDeskError('state_conflict', 'Another supervisor is already on this call');
    const monitorLeg = await this.ctx.carrier.monitor(
      { ...handleOf(call), agentLeg: call.agentLeg, monitorLeg: call.monitoredBy ? call.monitorLeg : null },
      call.agentId,
      supervisorId,
      mode,
    );
    await this.ctx.live.updateCall(callId, { monitorLeg, monitoredBy: supervisorId });
  }

  /** The supervisor who took a call ends it. */
  async supervisorHangUp(supervisorId: string, callId: string): Promise<void> {
    const call = await this.ctx.live.getCall(callId);
    if (!call || call.stage !== 'connected' || call.transferredTo !== supervisorId)
      throw new AgentDeskError('not_your_call', 'This call is not on your line');
    await this.ctx.carrier.hangUp(handleOf(call));
  }

  private async agentsCall(agentId: string, callId: string): Promise<LiveCall> {
    const call = await this.ctx.live.getCall(callId);
    if (!call || call.agentId !== agentId || call.stage !== 'connected' || call.transfer === 'taken')
      throw new AgentDeskError('not_your_call', 'This call is not on your line');
    return call;
  }

  private publish(agentId: string, call: LiveCall): CallControls {
    const controls = controlsOf(call);
    this.ctx.events.toAgent(agentId, 'call.controls-changed', { callId: call.callId, ...controls });
    return controls;
  }
}

function handleOf(call: LiveCall) {
  return { callId: call.callId, carrierSid: call.carrierSid ?? '' };
}
