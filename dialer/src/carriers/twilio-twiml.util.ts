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
 * Joins a leg to the agent's conference. The debtor's leg leaving must not end the conference (the
 * agent stays for the next call); the agent's own leg leaving does, so no debtor is left alone.
 */
export function agentConferenceTwiml(agentId: string, leg: 'debtor' | 'agent' = 'debtor'): string {
  const response = new twiml.VoiceResponse();
  response
    .dial()
    .conference(
      { startConferenceOnEnter: true, endConferenceOnExit: leg === 'agent', beep: 'false' },
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
