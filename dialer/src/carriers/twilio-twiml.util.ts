import { twiml } from 'twilio';

/** The conference an agent's softphone sits in between calls; debtors are bridged into it. */
export function agentConferenceName(agentId: string): string {
  return `agent-${agentId}`;
}

/**
 * What an answered call hears while the dialer looks for an agent: silence that keeps the line
 * open, because the dialer replaces this TwiML (bridge or message) as soon as it decides.
 */
export function answerTwiml(): string {
  const response = new twiml.VoiceResponse();
  response.pause({ length: 60 });
  return response.toString();
}

/**
 * Joins a leg (the debtor's, the agent's softphone) to the agent's conference for one call. Either
 * leaving ends it: no debtor is left alone, and no agent sits in an empty room after a hang-up or
 * a transfer (the debtor then moves to the supervisor's conference).
 */
export function agentConferenceTwiml(agentId: string): string {
  const response = new twiml.VoiceResponse();
  response
    .dial()
    .conference(
      { startConferenceOnEnter: true, endConferenceOnExit: true, beep: 'false' },
      agentConferenceName(agentId),
    );
  return response.toString();
}

/** Reads the campaign's message (Mexican Spanish voice) and hangs up. */
export function messageTwiml(message: string): string {
  const response = new twiml.VoiceResponse();
  response.say({ language: 'es-MX' }, message);
  response.hangup();
  return response.toString();
}
