import {
  AGREEMENT_FREQUENCIES,
  type AgreementFrequency,
  type CreateAgreementRequest,
} from '@recupera/shared';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const MAX_MINOR = 1e15;

export class CreateAgreementDto implements CreateAgreementRequest {
  @IsInt() @Min(0) @Max(MAX_MINOR) waiverMinor!: number;
  @IsOptional() @IsInt() @Min(1) @Max(MAX_MINOR) totalMinor?: number;
  @IsInt() @Min(0) @Max(MAX_MINOR) downPaymentMinor!: number;
  @IsInt() @Min(1) @Max(120) installments!: number;
  @IsIn(AGREEMENT_FREQUENCIES) frequency!: AgreementFrequency;
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'firstDueDate must be YYYY-MM-DD' }) firstDueDate!: string;
  @IsOptional()
  @Matches(/^[1-9]\d{0,19}$/, { message: 'interactionId must be an id' })
  interactionId?: string;
}

export class AgreementListQueryDto {
  @IsOptional() @IsIn(['pending_approval']) status?: 'pending_approval';
}
