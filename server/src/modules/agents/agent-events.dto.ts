import {
  BREAK_REASONS,
  REQUESTABLE_AGENT_STATES,
  type AgentStateRequest,
  type BreakReason,
  type CallRef,
  type ReadyInRequest,
  type RequestableAgentState,
} from '@recupera/shared';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AgentStateRequestDto implements AgentStateRequest {
  @IsIn(REQUESTABLE_AGENT_STATES) state!: RequestableAgentState;
  @IsOptional() @IsIn(BREAK_REASONS) breakReason?: BreakReason;
}

export class CallRefDto implements CallRef {
  @Matches(/^[1-9]\d{0,19}$/, { message: 'callId must be a call id' }) callId!: string;
}

export class ReadyInDto implements ReadyInRequest {
  @IsInt() @Min(0) @Max(600) seconds!: number;
}
