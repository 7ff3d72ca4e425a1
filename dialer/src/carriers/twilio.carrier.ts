import twilio, { RequestClient, type Twilio } from 'twilio';
import type SdkRequestClient from 'twilio/lib/base/RequestClient';
import type SdkResponse from 'twilio/lib/http/response';
import { voiceIdentity, type MonitorMode } from '@recupera/shared';
import type { CallHandle, Carrier, CarrierEventSink, MonitoredCall, PlaceCallRequest } from './carrier.type';
import { twilioCallEvent, type TwilioWebhookKind } from './twilio-events.util';
import { agentConferenceName, agentConferenceTwiml, messageTwiml } from './twilio-twiml.util';

export interface TwilioCarrierOptions {
  accountSid: string;
  authToken: string;
  /** Public origin Twilio calls the webhooks on; the server mounts them under /api/telephony/twilio. */
  webhookBaseUrl: string;
  /** Where REST calls go instead of https://api.twilio.com (a proxy, or a test double); null for Twilio. */
  apiBaseUrl: string | null;
  /** The agency's number, shown on the agent's own leg when their browser softphone is rung. */
  callerId: string;
}

const TWILIO_API_ORIGIN = 'https://api.twilio.com';

/** Sends the SDK's requests for api.twilio.com to another origin, keeping path and query. */
export class RedirectingRequestClient extends RequestClient {
  private readonly target: string;

  constructor(apiBaseUrl: string) {
    super();
    this.target = apiBaseUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: SdkRequestClient.RequestOptions<TData>): Promise<SdkResponse<TData>> {
    const uri = opts.uri.startsWith(TWILIO_API_ORIGIN)
      ? this.target + opts.uri.slice(TWILIO_API_ORIGIN.length)
      : opts.uri;
    return super.request({ ...opts, uri });
  }
}

/**
 * Places calls through Twilio's REST API and hears back through the signed webhooks the server
 * exposes; answering-machine detection runs asynchronously so a human is bridged without waiting.
 */
export class TwilioCarrier implements Carrier {
  readonly name = 'twilio' as const;
  private readonly client: Twilio;
  private readonly webhookBase: string;
  private readonly callerId: string;
  private sink: CarrierEventSink | null = null;

  constructor(options: TwilioCarrierOptions) {
    this.client = twilio(options.accountSid, options.authToken, {
      httpClient: options.apiBaseUrl ? new RedirectingRequestClient(options.apiBaseUrl) : undefined,
    });
    this.webhookBase = `${options.webhookBaseUrl.replace(/\/+$/, '')}/api/telephony/twilio/voice`;
    this.callerId = options.callerId;
  }

  onEvent(sink: CarrierEventSink): void {
    this.sink = sink;
  }

  async placeCall(request: PlaceCallRequest): Promise<CallHandle> {
    const call = await this.client.calls.create({
      to: request.to,
      from: request.from,
      url: this.webhookUrl('answer', request.callId),
      statusCallback: this.webhookUrl('status', request.callId),
      statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      statusCallbackMethod: 'POST',
      timeout: request.ringTimeoutSeconds,
      // Leaving a message needs the beep, so detection waits for the greeting to end.
      machineDetection: request.machineAction === 'leave_message' ? 'DetectMessageEnd' : 'Enable',
      asyncAmd: 'true',
      asyncAmdStatusCallback: this.webhookUrl('amd', request.callId),
      asyncAmdStatusCallbackMethod: 'POST',
    });
    return { callId: request.callId, carrierSid: call.sid };
  }

  /**
   * Moves the debtor into the agent's conference and rings the agent's browser softphone
   * (`@twilio/voice-sdk`, identity `user-<id>`) into it; either leg leaving ends the conference.
   */
  async bridgeToAgent(call: CallHandle, agentId: string): Promise<{ agentLeg: string | null }> {
    const [, agentLeg] = await Promise.all([
      this.client.calls(call.carrierSid).update({ twiml: agentConferenceTwiml(agentId) }),
      this.client.calls.create({
        to: `client:${voiceIdentity(agentId)}`,
        from: this.callerId,
        twiml: agentConferenceTwiml(agentId),
      }),
    ]);
    return { agentLeg: agentLeg.sid };
  }

  readonly canMonitor = true;

  /**
   * The supervisor's softphone joins the agent's conference: muted to listen, as a coach of the
   * agent's leg to whisper, or as a full participant to barge. Leaving does not end the call.
   */
  async monitor(
    call: MonitoredCall,
    agentId: string,
    supervisorId: string,
    mode: MonitorMode,
  ): Promise<string> {
    const conference = await this.conferenceOf(agentId);
    const role = {
      muted: mode === 'listen',
      coaching: mode === 'whisper',
      ...(mode === 'whisper' && call.agentLeg ? { callSidToCoach: call.agentLeg } : {}),
    };
    if (call.monitorLeg) {
      await this.client.conferences(conference).participants(call.monitorLeg).update(role);
      return call.monitorLeg;
    }
    const leg = await this.client.conferences(conference).participants.create({
      from: this.callerId,
      to: `client:${voiceIdentity(supervisorId)}`,
      beep: 'false',
      endConferenceOnExit: false,
      ...role,
    });
    return leg.callSid;
  }

  private async conferenceOf(agentId: string): Promise<string> {
    const [conference] = await this.client.conferences.list({
      friendlyName: agentConferenceName(agentId),
      status: 'in-progress',
      limit: 1,
    });
    if (!conference) throw new Error(`No conference in progress for agent ${agentId}`);
    return conference.sid;
  }

  /** The debtor's leg in the agent's conference is held (Twilio plays its hold music) or released. */
  async hold(call: CallHandle, agentId: string, on: boolean): Promise<void> {
    await this.client
      .conferences(await this.conferenceOf(agentId))
      .participants(call.carrierSid)
      .update({ hold: on });
  }

  async playMessageAndHangUp(call: CallHandle, message: string): Promise<void> {
    await this.client.calls(call.carrierSid).update({ twiml: messageTwiml(message) });
  }

  async hangUp(call: CallHandle): Promise<void> {
    await this.client.calls(call.carrierSid).update({ status: 'completed' });
  }

  async close(): Promise<void> {
    // Nothing to release: the SDK holds no connection beyond its keep-alive agent.
  }

  /**
   * Delivers one verified webhook to the dialer. Rejects when no sink is registered yet, so the
   * server answers an error and Twilio's retry is not swallowed.
   */
  async handleWebhook(
    kind: TwilioWebhookKind,
    callId: string,
    params: Record<string, string>,
  ): Promise<void> {
    const event = twilioCallEvent(kind, callId, params, new Date());
    if (!event) return;
    if (!this.sink) throw new Error('TwilioCarrier received a webhook before the dialer registered its sink');
    await this.sink(event);
  }

  private webhookUrl(kind: 'answer' | TwilioWebhookKind, callId: string): string {
    return `${this.webhookBase}/${kind}?callId=${encodeURIComponent(callId)}`;
  }
}
