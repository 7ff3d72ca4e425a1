import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ACCOUNT_STATUSES,
  AGING_BUCKETS,
  LEGAL_ACTION_KINDS,
  LEGAL_CASE_STATUSES,
  LEGAL_STAGES,
  MAX_TRANSFER_ACCOUNTS,
  TEAM_KINDS,
  type AccountStatus,
  type AgingBucket,
  type LegalActionKind,
  type LegalCaseQuery,
  type LegalCaseStatus,
  type LegalStage,
  type RecordLegalActionRequest,
  type SetTeamKindRequest,
  type StageTransferFilter,
  type StageTransferRequest,
  type TeamKind,
} from '@recupera/shared';
import { PageQueryDto } from '../../common/http/page-query.dto';

const ID = /^[1-9]\d{0,18}$/;
const ID_MESSAGE = { message: 'must be an id' };

export class StageTransferFilterDto implements StageTransferFilter {
  @IsOptional() @Matches(ID, ID_MESSAGE) portfolioId?: string;
  @IsOptional() @Matches(ID, ID_MESSAGE) fromTeamId?: string;
  @IsOptional() @IsIn(ACCOUNT_STATUSES) status?: AccountStatus;
  @IsOptional() @IsIn(AGING_BUCKETS) agingBucket?: AgingBucket;
  @IsOptional() @IsInt() @Min(0) minDaysPastDue?: number;
}

export class StageTransferDto implements StageTransferRequest {
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_TRANSFER_ACCOUNTS)
  @Matches(ID, { each: true, message: 'accountIds must be ids' })
  accountIds?: string[];

  @IsOptional() @ValidateNested() @Type(() => StageTransferFilterDto) filter?: StageTransferFilterDto;
  @Matches(ID, ID_MESSAGE) toTeamId!: string;
  @IsOptional() @Matches(ID, ID_MESSAGE) toAgentId?: string;
  @IsOptional() @IsIn(LEGAL_STAGES) legalStage?: LegalStage;
  @IsOptional() @IsString() @MaxLength(500) note?: string;
}

export class LegalCaseQueryDto extends PageQueryDto implements LegalCaseQuery {
  @IsOptional() @IsIn(LEGAL_CASE_STATUSES) status?: LegalCaseStatus;
  @IsOptional() @IsIn(LEGAL_STAGES) stage?: LegalStage;
  @IsOptional() @Matches(ID, ID_MESSAGE) firmTeamId?: string;
  @IsOptional() @IsString() @MaxLength(120) q?: string;
}

export class RecordLegalActionDto implements RecordLegalActionRequest {
  @IsIn(LEGAL_ACTION_KINDS) kind!: LegalActionKind;
  @IsISO8601({ strict: true }) at!: string;
  @IsOptional() @IsString() @MaxLength(1000) notes?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(160) court?: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(60) caseNumber?: string;
}

export class SetTeamKindDto implements SetTeamKindRequest {
  @IsIn(TEAM_KINDS) kind!: TeamKind;
}
