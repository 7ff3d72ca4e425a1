import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  AGING_BUCKETS,
  CAMPAIGN_CHANNELS,
  CAMPAIGN_LIMITS as L,
  DIAL_MODES,
  JURISDICTIONS,
  MACHINE_ACTIONS,
  WRAP_UP_OVERRUNS,
  type WrapUpOverrun,
  RETRY_OUTCOMES,
  WEEKDAYS,
  type AgingBucket,
  type CampaignChannel,
  type CampaignSchedule,
  type CampaignSegment,
  type CreateCampaignRequest,
  type DialMode,
  type Jurisdiction,
  type MachineAction,
  type RetryOutcome,
  type RetryRule,
  type SegmentPreviewRequest,
  type UpdateCampaignRequest,
  type Weekday,
} from '@recupera/shared';

const ID = /^[1-9]\d{0,18}$/;
const CLOCK = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
/** A window may close at midnight. */
const CLOCK_END = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;
const MAX_TEAMS = 50;
const MAX_RETRY_RULES = RETRY_OUTCOMES.length;

export class CampaignSegmentDto implements CampaignSegment {
  @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) balanceMinMinor?: number;
  @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) balanceMaxMinor?: number;
  @IsOptional() @IsInt() @Min(0) @Max(36_500) daysPastDueMin?: number;
  @IsOptional() @IsInt() @Min(0) @Max(36_500) daysPastDueMax?: number;
  @IsOptional() @IsArray() @IsIn(AGING_BUCKETS, { each: true }) agingBuckets?: AgingBucket[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.segmentListItems)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  sectors?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.segmentListItems)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  zonas?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.segmentListItems)
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  products?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.segmentListItems)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  lastDispositionCodes?: string[];
  @IsOptional() @IsInt() @Min(L.score.min) @Max(L.score.max) scoreMin?: number;
  @IsOptional() @IsInt() @Min(L.score.min) @Max(L.score.max) scoreMax?: number;
}

export class RetryRuleDto implements RetryRule {
  @IsIn(RETRY_OUTCOMES) outcome!: RetryOutcome;
  @IsInt() @Min(L.retryAfterMinutes.min) @Max(L.retryAfterMinutes.max) retryAfterMinutes!: number;
  @IsInt() @Min(L.retryMaxPerDay.min) @Max(L.retryMaxPerDay.max) maxPerDay!: number;
}

export class CampaignScheduleDto implements CampaignSchedule {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(7) @IsIn(WEEKDAYS, { each: true }) days!: Weekday[];
  @Matches(CLOCK, { message: 'schedule.from must be a time HH:MM' }) from!: string;
  @Matches(CLOCK_END, { message: 'schedule.to must be a time HH:MM' }) to!: string;
}

export class CreateCampaignDto implements CreateCampaignRequest {
  @IsString() @Length(2, 120) name!: string;
  @Matches(ID, { message: 'portfolioId must be a positive integer' }) portfolioId!: string;
  @IsOptional() @IsIn(CAMPAIGN_CHANNELS) channel?: CampaignChannel;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignSegmentDto) segment?: CampaignSegmentDto;
  @IsIn(DIAL_MODES) dialMode!: DialMode;
  @IsOptional() @IsInt() @Min(L.linesPerAgent.min) @Max(L.linesPerAgent.max) linesPerAgent?: number;
  @IsOptional()
  @IsInt()
  @Min(L.maxLinesPerAgent.min)
  @Max(L.maxLinesPerAgent.max)
  maxLinesPerAgent?: number;
  @IsOptional() @IsInt() @Min(L.abandonCapBp.min) @Max(L.abandonCapBp.max) abandonCapBp?: number;
  @IsOptional()
  @IsInt()
  @Min(L.ringTimeoutSeconds.min)
  @Max(L.ringTimeoutSeconds.max)
  ringTimeoutSeconds?: number;
  @IsOptional() @IsIn(MACHINE_ACTIONS) machineAction?: MachineAction;
  @IsOptional() @IsString() @MaxLength(L.abandonMessageLength) abandonMessage?: string;
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt()
  @Min(L.wrapUpLimitSeconds.min)
  @Max(L.wrapUpLimitSeconds.max)
  wrapUpLimitSeconds?: number | null;
  @IsOptional() @IsIn(WRAP_UP_OVERRUNS) wrapUpOverrun?: WrapUpOverrun;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RETRY_RULES)
  @ValidateNested({ each: true })
  @Type(() => RetryRuleDto)
  retryRules?: RetryRuleDto[];
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignScheduleDto) schedule?: CampaignScheduleDto;
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(ID, { message: 'dispositionSetId must be a positive integer' })
  dispositionSetId?: string | null;
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(ID, { message: 'scriptVersionId must be a positive integer' })
  scriptVersionId?: string | null;
  @IsOptional() @IsIn(JURISDICTIONS) complianceProfile?: Jurisdiction;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TEAMS)
  @Matches(ID, { each: true, message: 'each value in teamIds must be a positive integer' })
  teamIds!: string[];
}

/** Every field optional; the service decides which ones the campaign's status lets change. */
export class UpdateCampaignDto extends PartialType(CreateCampaignDto) implements UpdateCampaignRequest {}

export class SegmentPreviewDto implements SegmentPreviewRequest {
  @Matches(ID, { message: 'portfolioId must be a positive integer' }) portfolioId!: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignSegmentDto) segment?: CampaignSegmentDto;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TEAMS)
  @Matches(ID, { each: true, message: 'each value in teamIds must be a positive integer' })
  teamIds?: string[];
}
