import {
  BREAK_REASONS,
  MONITOR_MODES,
  type BreakReason,
  type ForceAgentStateRequest,
  type MonitorMode,
  type MonitorRequest,
} from '@recupera/shared';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class ForceAgentStateDto implements ForceAgentStateRequest {
  @Matches(/^[1-9]\d{0,18}$/, { message: 'agentId must be an id' }) agentId!: string;
  @IsIn(['break', 'offline']) state!: 'break' | 'offline';
  @IsOptional() @IsIn(BREAK_REASONS) breakReason?: BreakReason;
}

export class MonitorDto implements MonitorRequest {
  @Matches(/^[1-9]\d{0,19}$/, { message: 'callId must be a call id' }) callId!: string;
  @IsIn(MONITOR_MODES) mode!: MonitorMode;
}
