import type { CarrierName, MachineAction, MonitorMode } from '@recupera/shared';

/** One outbound call the dialer asks a carrier to place. */
export interface PlaceCallRequest {
  /** Our id for the call (the interaction's id); every event about the call carries it back. */
  callId: string;
  campaignId: string;
  /** E.164 number of the debtor. */
  to: string;
  /** E.164 caller id shown to the debtor; never hidden (CONDUSEF, LODC). */
  from: string;
  ringTimeoutSeconds: number;
  machineAction: MachineAction;
  /** Read to an answering machine when machineAction is leave_message. */
  voicemailMessage: string;
}

/** How a call that never reached an agent ended, or that a connected call ended. */
export type CarrierEndReason = 'no_answer' | 'busy' | 'failed' | 'completed' | 'canceled';

/**
 * What a carrier reports about a call. Events may arrive more than once (a carrier retries its
 * webhooks); the dialer treats each (callId, kind) as idempotent.
 */
export type CarrierCallEvent =
  | { kind: 'ringing'; callId: string; carrierSid: string; at: Date }
  | { kind: 'answered'; callId: string; carrierSid: string; at: Date; answeredBy: 'human' | 'machine' }
  | { kind: 'ended'; callId: string; carrierSid: string; at: Date; reason: CarrierEndReason };

export type CarrierEventSink = (event: CarrierCallEvent) => Promise<void>;

export interface CallHandle {
  callId: string;
  carrierSid: string;
}

/** A call with its agent's leg and, once a supervisor joined, theirs (carrier ids). */
export interface MonitoredCall extends CallHandle {
  agentLeg: string | null;
  monitorLeg: string | null;
}

/**
 * The one way the dialer reaches the telephone network. `simulated` draws outcomes from a seeded
 * scenario; `twilio` drives Twilio's REST API and hears back through signed webhooks.
 */
export interface Carrier {
  readonly name: CarrierName;
  /** Events of calls this carrier placed; set once by the dialer before the first call. */
  onEvent(sink: CarrierEventSink): void;
  /** Starts ringing; resolves with the carrier's id for the call once the carrier accepted it. */
  placeCall(request: PlaceCallRequest): Promise<CallHandle>;
  /**
   * Joins an answered call to the agent's conference and brings the agent's softphone into it;
   * returns the carrier's id of the agent's leg when it placed one.
   */
  bridgeToAgent(call: CallHandle, agentId: string): Promise<{ agentLeg: string | null }>;
  /** Whether supervisors can listen, whisper and barge (conference roles need a real network). */
  readonly canMonitor: boolean;
  /**
   * Brings a supervisor into the agent's conference in `mode`, or changes the mode of one already
   * in it; returns the supervisor's leg.
   */
  monitor(call: MonitoredCall, agentId: string, supervisorId: string, mode: MonitorMode): Promise<string>;
  /** Puts the debtor on hold (music, the agent cannot be heard) or takes them off it. */
  hold(call: CallHandle, agentId: string, on: boolean): Promise<void>;
  /** Plays the campaign's message to a person no agent could take, then hangs up. */
  playMessageAndHangUp(call: CallHandle, message: string): Promise<void>;
  hangUp(call: CallHandle): Promise<void>;
  close(): Promise<void>;
}
