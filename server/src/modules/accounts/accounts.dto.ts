import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import {
  ACCOUNT_STATUSES,
  AGING_BUCKETS,
  type AccountSearchQuery,
  type AccountStatus,
  type AgingBucket,
  type AssignAccountsRequest,
} from '@recupera/shared';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class AccountSearchDto extends PageQueryDto implements AccountSearchQuery {
  @IsOptional() @IsString() @MaxLength(120) q?: string;
  @IsOptional() @Matches(/^\d+$/) portfolioId?: string;
  @IsOptional() @IsIn(ACCOUNT_STATUSES) status?: AccountStatus;
  @IsOptional() @IsIn(AGING_BUCKETS) agingBucket?: AgingBucket;
}

export class AssignAccountsDto implements AssignAccountsRequest {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(5000) @Matches(/^\d+$/, { each: true }) accountIds!: string[];
  @Matches(/^\d+$/) teamId!: string;
  @ValidateIf((_, v) => v !== null) @Matches(/^\d+$/) agentId!: string | null;
}
