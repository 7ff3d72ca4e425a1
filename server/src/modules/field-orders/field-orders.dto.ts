import {
  FIELD_ORDER_KINDS,
  FIELD_ORDER_OUTCOMES,
  FIELD_ORDER_STATES,
  type AssignFieldOrdersRequest,
  type CrewOrdersQuery,
  type FieldOrderKind,
  type FieldOrderListQuery,
  type FieldOrderOutcome,
  type FieldOrderState,
  type FieldOrderSummaryQuery,
  type ReportFieldOrderRequest,
} from '@recupera/shared';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/http/page-query.dto';

const ID = /^[1-9]\d{0,18}$/;

export class FieldOrderSummaryQueryDto implements FieldOrderSummaryQuery {
  @IsOptional() @IsString() @MaxLength(120) route?: string;
  @IsOptional() @Matches(ID, { message: 'clientId must be an id' }) clientId?: string;
}

export class FieldOrderListQueryDto extends PageQueryDto implements FieldOrderListQuery {
  @IsOptional() @IsIn(FIELD_ORDER_STATES) state?: FieldOrderState;
  @IsOptional() @IsIn(FIELD_ORDER_KINDS) kind?: FieldOrderKind;
  @IsOptional() @IsString() @MaxLength(120) route?: string;
  @IsOptional() @Matches(ID, { message: 'clientId must be an id' }) clientId?: string;
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

export class CrewOrdersQueryDto implements CrewOrdersQuery {
  @IsOptional() @IsISO8601({ strict: true }, { message: 'since must be an ISO instant' }) since?: string;
}

export class ReportFieldOrderDto implements ReportFieldOrderRequest {
  @IsIn(FIELD_ORDER_OUTCOMES) outcome!: FieldOrderOutcome;
  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO instant' }) occurredAt!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(500) notes?: string;
}

export class AssignFieldOrdersDto implements AssignFieldOrdersRequest {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(ID, { each: true, message: 'orderIds must be ids' })
  orderIds!: string[];
  @Matches(ID, { message: 'crewId must be an id' }) crewId!: string;
}
