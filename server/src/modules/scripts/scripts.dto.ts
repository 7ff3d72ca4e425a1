import {
  JURISDICTIONS,
  type Jurisdiction,
  type Locale,
  type ScriptDraftRequest,
  type ScriptPreviewRequest,
  type ScriptStep,
} from '@recupera/shared';
import { IsArray, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';

const SCRIPT_LANGUAGES: readonly Locale[] = ['es', 'en'];

export class ScriptDraftDto implements ScriptDraftRequest {
  @IsString() @Length(1, 120) name!: string;
  @IsIn(SCRIPT_LANGUAGES) language!: Locale;
  @IsOptional() @IsIn(JURISDICTIONS) jurisdiction!: Jurisdiction | null;
  @IsString() @Length(1, 60) startStepId!: string;
  /** Checked field by field by scriptStepsShapeProblems, then for meaning by validateScript. */
  @IsArray() steps!: ScriptStep[];
}

export class ScriptPreviewDto implements ScriptPreviewRequest {
  @Matches(/^[1-9]\d{0,19}$/, { message: 'accountId must be an id' }) accountId!: string;
}
