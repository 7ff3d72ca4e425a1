import {
  BILLING_PERIODS,
  MAX_STRATUM,
  MIN_STRATUM,
  type BillingPeriod,
  type ImportUtilityBillsRequest,
  type SetCrewRoutesRequest,
  type SetUtilityRulesRequest,
  type UtilityBillInput,
} from '@recupera/shared';
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
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

const ID = /^[1-9]\d{0,18}$/;

export class ClientIdParamDto {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
}

export class SetUtilityRulesDto implements SetUtilityRulesRequest {
  @IsIn(BILLING_PERIODS) billingPeriod!: BillingPeriod;
  @IsInt() @Min(1) @Max(24) unpaidBillsToSuspend!: number;
  @IsInt() @Min(1) @Max(24 * 60) suspensionDueHours!: number;
  @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) reconnectionFeeMinor!: number;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_STRATUM)
  @IsInt({ each: true })
  @Min(MIN_STRATUM, { each: true })
  @Max(MAX_STRATUM, { each: true })
  protectedStrata?: number[] | null;
}

export class UtilityBillDto implements UtilityBillInput {
  @IsString() @MinLength(1) @MaxLength(40) accountNumber!: string;
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month (YYYY-MM)' }) period!: string;
  @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) amountMinor!: number;
  @IsISO8601({ strict: true }, { message: 'dueDate must be a real calendar date' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate must be YYYY-MM-DD' })
  dueDate!: string;
  @IsOptional() @IsInt() @Min(MIN_STRATUM) @Max(MAX_STRATUM) stratum?: number | null;
}

export class ImportUtilityBillsDto implements ImportUtilityBillsRequest {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5_000)
  @ValidateNested({ each: true })
  @Type(() => UtilityBillDto)
  bills!: UtilityBillDto[];
}

export class SetCrewRoutesDto implements SetCrewRoutesRequest {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(120, { each: true })
  routes!: string[];
}
