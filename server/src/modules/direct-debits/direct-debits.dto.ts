import {
  DEBIT_ADAPTER_NAMES,
  DEBIT_MANDATE_STATUSES,
  MAX_DEBIT_ATTEMPTS,
  type CreateDebitMandateRequest,
  type DebitMandateStatus,
  type GenerateDebitBatchRequest,
  type RevokeDebitMandateRequest,
} from '@recupera/shared';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const ID = /^[1-9]\d{0,18}$/;

export class CreateDebitMandateDto implements CreateDebitMandateRequest {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @IsString() @Length(1, 40) accountNumber!: string;
  @Matches(/^[A-Za-z0-9-]{1,20}$/, { message: 'bankCode must be 1–20 letters, digits or -' })
  bankCode!: string;
  @Matches(/^[0-9A-Za-z][0-9A-Za-z -]{4,38}[0-9A-Za-z]$/, {
    message: 'bankAccount must be 6–40 letters or digits (spaces and - allowed inside)',
  })
  bankAccount!: string;
  @IsInt() @Min(1) @Max(1e15) limitMinor!: number;
}

export class RevokeDebitMandateDto implements RevokeDebitMandateRequest {
  @IsString() @Length(3, 160) reason!: string;
}

export class MandatesQueryDto {
  @IsOptional() @Matches(ID, { message: 'clientId must be an id' }) clientId?: string;
  @IsOptional() @IsIn(DEBIT_MANDATE_STATUSES) status?: DebitMandateStatus;
}

export class GenerateDebitBatchDto implements GenerateDebitBatchRequest {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'collectionDate must be YYYY-MM-DD' }) collectionDate!: string;
  @IsIn(DEBIT_ADAPTER_NAMES) adapter!: string;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_DEBIT_ATTEMPTS) maxAttempts?: number;
}

export class BatchesQueryDto {
  @IsOptional() @Matches(ID, { message: 'clientId must be an id' }) clientId?: string;
}
