import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
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
  CHANNELS,
  JURISDICTIONS,
  type CallOutcome,
  type Channel,
  type ComplianceCheckRequest,
  type ContactCoolDown,
  type ContactParty,
  type ContactWindow,
  type CreateHolidayRequest,
  type FrequencyCap,
  type FrequencyScope,
  type HolidayQuery,
  type IsoDate,
  type Jurisdiction,
  type RefusalSummaryQuery,
  type UpdateComplianceProfileRequest,
  type WeekMode,
  type WeeklyWindows,
} from '@recupera/shared';

/*
 * The profile DTOs check shape and types only, so nothing malformed reaches the rules; what the
 * values mean (times, overlaps, known channels, whole numbers) is validateComplianceProfile's job,
 * which answers with one readable line per problem.
 */

const nullable = (_: object, value: unknown) => value !== null;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

class ContactWindowDto implements ContactWindow {
  @IsString() @MaxLength(5) from!: string;
  @IsString() @MaxLength(5) to!: string;
}

const DayWindows = () =>
  applyDecorators(
    IsArray(),
    ArrayMaxSize(24),
    ValidateNested({ each: true }),
    Type(() => ContactWindowDto),
  );

class WeeklyWindowsDto implements WeeklyWindows {
  @DayWindows() sun!: ContactWindowDto[];
  @DayWindows() mon!: ContactWindowDto[];
  @DayWindows() tue!: ContactWindowDto[];
  @DayWindows() wed!: ContactWindowDto[];
  @DayWindows() thu!: ContactWindowDto[];
  @DayWindows() fri!: ContactWindowDto[];
  @DayWindows() sat!: ContactWindowDto[];
}

class FrequencyCapDto implements FrequencyCap {
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) channels!: Channel[];
  @ValidateIf(nullable) @IsNumber() maxAttemptsPerDay!: number | null;
  @ValidateIf(nullable) @IsNumber() maxAttemptsPerWeek!: number | null;
  @ValidateIf(nullable) @IsNumber() maxContactsPerDay!: number | null;
  @ValidateIf(nullable) @IsNumber() maxContactsPerWeek!: number | null;
  @ValidateIf(nullable) @IsNumber() minGapMinutes!: number | null;
  @ValidateIf(nullable) @IsNumber() minDaysApart!: number | null;
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) uncountedOutcomes!: CallOutcome[];
}

class ContactCoolDownDto implements ContactCoolDown {
  @IsNumber() days!: number;
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) triggeredBy!: Channel[];
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) blocks!: Channel[];
}

export class ComplianceProfileDto implements UpdateComplianceProfileRequest {
  @IsString() @MaxLength(10) jurisdiction!: Jurisdiction;
  @IsString() @Length(1, 300) source!: string;
  @IsObject() @ValidateNested() @Type(() => WeeklyWindowsDto) windows!: WeeklyWindowsDto;
  @IsBoolean() honourHolidays!: boolean;
  @IsString() week!: WeekMode;
  @IsString() frequencyScope!: FrequencyScope;
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => FrequencyCapDto)
  caps!: FrequencyCapDto[];
  @ValidateIf(nullable)
  @IsObject()
  @ValidateNested()
  @Type(() => ContactCoolDownDto)
  coolDownAfterContact!: ContactCoolDownDto | null;
  @ValidateIf(nullable) @IsNumber() abandonedBlockHours!: number | null;
  @IsBoolean() channelMixAfterContact!: boolean;
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) consentRequired!: Channel[];
  @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) allowedParties!: ContactParty[];
  @IsBoolean() stopAfterLawsuitServed!: boolean;
  @IsBoolean() stopAfterInsolvency!: boolean;
}

export class ProfileCodeParamDto {
  @Matches(/^[A-Z]{2,10}$/, { message: 'code must be 2 to 10 capital letters' }) code!: string;
}

export class HolidayParamDto {
  @IsIn(JURISDICTIONS) country!: Jurisdiction;
  @Matches(ISO_DATE, { message: 'date must be YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'date must be a real calendar date' })
  date!: IsoDate;
}

export class CreateHolidayDto extends HolidayParamDto implements CreateHolidayRequest {
  @IsString() @Length(2, 120) name!: string;
}

export class HolidayQueryDto implements HolidayQuery {
  @IsOptional() @IsIn(JURISDICTIONS) country?: Jurisdiction;
  @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class RefusalSummaryQueryDto implements RefusalSummaryQuery {
  @IsOptional() @IsISO8601() from?: string;
  @IsOptional() @IsISO8601() to?: string;
  @IsOptional() @Matches(/^\d+$/) campaignId?: string;
}

export class ComplianceCheckDto implements ComplianceCheckRequest {
  @Matches(/^\d+$/) accountId!: string;
  @IsOptional() @Matches(/^\d+$/) contactPointId?: string;
  @IsIn(CHANNELS) channel!: Channel;
  @IsOptional() @Matches(/^\d+$/) campaignId?: string;
}
