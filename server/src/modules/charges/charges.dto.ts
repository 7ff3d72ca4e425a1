import {
  CAP_BASES,
  FEE_PERIODS,
  INTEREST_PERIODS,
  JURISDICTIONS,
  MAX_RATE_PPM,
  type CapBasis,
  type FeePeriod,
  type FeeTranche,
  type InterestPeriod,
  type Jurisdiction,
  type SaveChargeRuleRequest,
  type SaveFeeScheduleRequest,
  type SaveInterestCapRequest,
} from '@recupera/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ID = /^[1-9]\d{0,18}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Ten years past due is as far as any fee rule needs to look. */
const MAX_FEE_DAYS = 3_650;

export class ChargeRuleListQueryDto {
  @IsOptional() @Matches(ID, { message: 'clientId must be an id' }) clientId?: string;
}

export class SaveChargeRuleDto implements SaveChargeRuleRequest {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @IsOptional() @Matches(ID, { message: 'portfolioId must be an id' }) portfolioId?: string | null;
  @IsInt() @Min(0) @Max(MAX_RATE_PPM) interestRatePpm!: number;
  @IsIn(INTEREST_PERIODS) interestPeriod!: InterestPeriod;
  @Matches(DATE, { message: 'accrueFrom must be a date (YYYY-MM-DD)' }) accrueFrom!: string;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_FEE_DAYS) feeAfterDays?: number | null;
  @IsIn(FEE_PERIODS) feePeriod!: FeePeriod;
}

export class JurisdictionParamDto {
  @IsIn(JURISDICTIONS) jurisdiction!: Jurisdiction;
}

export class FeeScheduleParamDto extends JurisdictionParamDto {
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO code' }) currency!: string;
}

export class SaveInterestCapDto implements SaveInterestCapRequest {
  @IsOptional() @IsIn(CAP_BASES) basis?: CapBasis | null;
  @IsOptional() @IsInt() @Min(0) @Max(MAX_RATE_PPM) ratePpm?: number | null;
  @IsOptional() @IsString() @MaxLength(255) source?: string | null;
}

export class FeeTrancheDto implements FeeTranche {
  @IsInt() @Min(0) lowerMinor!: number;
  @IsOptional() @IsInt() @Min(1) upperMinor!: number | null;
  @IsInt() @Min(0) @Max(MAX_RATE_PPM) ratePpm!: number;
}

export class SaveFeeScheduleDto implements SaveFeeScheduleRequest {
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FeeTrancheDto)
  tranches!: FeeTrancheDto[];
}
