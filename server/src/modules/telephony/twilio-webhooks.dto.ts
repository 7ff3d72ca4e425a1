import { IsOptional, Matches } from 'class-validator';

/** The call a webhook is about: our interaction id, put in the URL when the call was placed. */
export class TwilioCallQueryDto {
  @Matches(/^[1-9]\d{0,18}$/, { message: 'callId must be a positive integer' }) callId!: string;
}

/**
 * The agent whose softphone leg is joining its own conference: named in the URL, or (a browser
 * softphone dialling the TwiML app) taken from the signed request's client identity.
 */
export class TwilioAgentQueryDto {
  @IsOptional()
  @Matches(/^[1-9]\d{0,18}$/, { message: 'agentId must be a positive integer' })
  agentId?: string;
}
