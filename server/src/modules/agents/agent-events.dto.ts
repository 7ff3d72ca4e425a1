import {
  BREAK_REASONS,
  REQUESTABLE_AGENT_STATES,
  type AgentStateRequest,
  type BreakReason,
  type CallRef,
  type CallSwitchRequest,
  PREVIEW_SKIP_REASONS,
  type PreviewSkipReason,
  type PreviewSkipRequest,
  CALLBACK_ASSIGNEES,
  WRAP_UP_NOTES_MAX,
  type CallbackAssignee,
  type DialRequest,
  type ReadyInRequest,
  type ScriptStepRecord,
  type WrapUpRequest,
  type RequestableAgentState,
} from '@recupera/shared';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

export class AgentStateRequestDto implements AgentStateRequest {
  @IsIn(REQUESTABLE_AGENT_STATES) state!: RequestableAgentState;
  @IsOptional() @IsIn(BREAK_REASONS) breakReason?: BreakReason;
}

export class CallRefDto implements CallRef {
  @Matches(/^[1-9]\d{0,19}$/, { message: 'callId must be a call id' }) callId!: string;
}

export class CallSwitchDto extends CallRefDto implements CallSwitchRequest {
  @IsBoolean() on!: boolean;
}

export class PreviewSkipDto extends CallRefDto implements PreviewSkipRequest {
  @IsIn(PREVIEW_SKIP_REASONS) reason!: PreviewSkipReason;
}

export class CallbackDto {
  @IsISO8601({ strict: true }, { message: 'callback.at must be an ISO instant' }) at!: string;
  @IsIn(CALLBACK_ASSIGNEES) assignTo!: CallbackAssignee;
}

export class WrapUpDto extends CallRefDto implements WrapUpRequest {
  @IsString() @Length(1, 40) dispositionCode!: string;
  @IsOptional() @IsString() @MaxLength(WRAP_UP_NOTES_MAX) notes?: string;
  @IsOptional() @ValidateNested() @Type(() => CallbackDto) callback?: CallbackDto;
}

export class ScriptStepRecordDto extends CallRefDto implements ScriptStepRecord {
  @IsString() @Length(1, 60) stepId!: string;
  @IsBoolean() completed!: boolean;
  @IsOptional() @IsString() @Length(1, 60) answerId?: string;
}

export class DialRequestDto implements DialRequest {
  @Matches(/^[1-9]\d{0,19}$/, { message: 'accountId must be an id' }) accountId!: string;
  @Matches(/^[1-9]\d{0,19}$/, { message: 'contactPointId must be an id' }) contactPointId!: string;
}

export class ReadyInDto implements ReadyInRequest {
  @IsInt() @Min(0) @Max(600) seconds!: number;
}
