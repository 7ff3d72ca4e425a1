import { BREAK_REASONS, type BreakReason, type ForceAgentStateRequest } from '@recupera/shared';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class ForceAgentStateDto implements ForceAgentStateRequest {
  @Matches(/^[1-9]\d{0,18}$/, { message: 'agentId must be an id' }) agentId!: string;
  @IsIn(['break', 'offline']) state!: 'break' | 'offline';
  @IsOptional() @IsIn(BREAK_REASONS) breakReason?: BreakReason;
}
