import {
  DELINQUENCY_DIMENSIONS,
  DRILL_MEASURES,
  EXPORT_FORMATS,
  MAX_PAGE_SIZE,
  METRIC_SCOPES,
  RECOVERY_EXPORT_TABLES,
  type DelinquencyDimension,
  type DelinquencyQuery,
  type DrillMeasure,
  type DrillQuery,
  type ExportFormat,
  type MetricScope,
  type RecoveryExportTable,
  type RecoveryQuery,
} from '@recupera/shared';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const ID = /^[1-9]\d{0,18}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const CURRENCY = /^[A-Z]{3}$/;

export class RecoveryQueryDto implements RecoveryQuery {
  @Matches(MONTH, { message: 'month must be YYYY-MM' }) month!: string;
  @IsOptional() @Matches(ID, { message: 'clientId must be an id' }) clientId?: string;
  @IsOptional() @Matches(ID, { message: 'portfolioId must be an id' }) portfolioId?: string;
  @IsOptional() @Matches(ID, { message: 'teamId must be an id' }) teamId?: string;
  @IsOptional() @Matches(CURRENCY, { message: 'currency must be an ISO code' }) currency?: string;
}

export class RecoveryExportDto extends RecoveryQueryDto {
  @IsIn(RECOVERY_EXPORT_TABLES) table!: RecoveryExportTable;
  @IsIn(EXPORT_FORMATS) format!: ExportFormat;
}

export class ProductivityReportQueryDto {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @Matches(MONTH, { message: 'month must be YYYY-MM' }) month!: string;
}

export class DelinquencyQueryDto implements DelinquencyQuery {
  @IsIn(DELINQUENCY_DIMENSIONS) by!: DelinquencyDimension;
  @IsOptional() @Matches(ID, { message: 'clientId must be an id' }) clientId?: string;
  @IsOptional() @Matches(ID, { message: 'portfolioId must be an id' }) portfolioId?: string;
  @IsOptional() @Matches(CURRENCY, { message: 'currency must be an ISO code' }) currency?: string;
}

export class DrillQueryDto implements DrillQuery {
  @Matches(MONTH, { message: 'month must be YYYY-MM' }) month!: string;
  @IsIn(METRIC_SCOPES) scope!: MetricScope;
  @Matches(ID, { message: 'scopeId must be an id' }) scopeId!: string;
  @IsIn(DRILL_MEASURES) measure!: DrillMeasure;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE) pageSize?: number;
}
