import { IsIn, IsString, Length, Matches } from 'class-validator';
import {
  JURISDICTIONS,
  PORTFOLIO_INDUSTRIES,
  PORTFOLIO_STAGES,
  type CreateClientRequest,
  type CreatePortfolioRequest,
  type Jurisdiction,
  type PortfolioIndustry,
  type PortfolioStage,
} from '@recupera/shared';

export class CreateClientDto implements CreateClientRequest {
  @Matches(/^[A-Z0-9-]{2,20}$/, { message: 'code must be 2 to 20 capital letters, digits or dashes' })
  code!: string;
  @IsString() @Length(2, 120) name!: string;
  @IsIn(JURISDICTIONS) country!: Jurisdiction;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' }) currency!: string;
}

export class CreatePortfolioDto implements CreatePortfolioRequest {
  @Matches(/^\d+$/) clientId!: string;
  @IsString() @Length(2, 120) name!: string;
  @IsIn(PORTFOLIO_STAGES) stage!: PortfolioStage;
  @IsIn(PORTFOLIO_INDUSTRIES) industry!: PortfolioIndustry;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' }) currency!: string;
  @IsIn(JURISDICTIONS) jurisdiction!: Jurisdiction;
}
