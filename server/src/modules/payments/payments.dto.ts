import {
  PAYMENT_CHANNELS,
  type GatewayPaymentNotification,
  type PaymentChannel,
  type PostPaymentRequest,
  type ReversePaymentRequest,
} from '@recupera/shared';
import {
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
} from 'class-validator';

const MAX_MINOR = 1e15;
const REFERENCE = /^[\w.:/#-]{1,80}$/;

export class PostPaymentDto implements PostPaymentRequest {
  @Matches(/^[1-9]\d{0,19}$/, { message: 'accountId must be an id' }) accountId!: string;
  @IsInt() @Min(1) @Max(MAX_MINOR) amountMinor!: number;
  @IsIn(PAYMENT_CHANNELS) channel!: PaymentChannel;
  @Matches(REFERENCE, { message: 'reference must be 1–80 letters, digits or . : / # - _' })
  reference!: string;
  @IsOptional() @IsISO8601({ strict: true }) paidAt?: string;
  @IsOptional() @IsString() @MaxLength(255) note?: string;
}

export class ReversePaymentDto implements ReversePaymentRequest {
  @IsString() @Length(3, 120) reason!: string;
}

export class AccountLookupQueryDto {
  @IsOptional() @Matches(/^[1-9]\d{0,19}$/, { message: 'clientId must be an id' }) clientId?: string;
  @IsString() @Length(1, 40) accountNumber!: string;
}

export class DailyBalanceQueryDto {
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' }) date!: string;
}

export class GatewayPaymentDto implements GatewayPaymentNotification {
  @IsString() @Length(1, 40) accountNumber!: string;
  @IsInt() @Min(1) @Max(MAX_MINOR) amountMinor!: number;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' }) currency!: string;
  @Matches(REFERENCE, { message: 'reference must be 1–80 letters, digits or . : / # - _' })
  reference!: string;
  @IsISO8601({ strict: true }) paidAt!: string;
  @IsIn(['paid', 'reversed']) event!: 'paid' | 'reversed';
  @IsOptional() @IsString() @Length(3, 120) reason?: string;
}
