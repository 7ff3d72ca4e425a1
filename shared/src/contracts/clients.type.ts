import type { PortfolioIndustry, PortfolioStage } from '../domain/enums.constant';
import type { Jurisdiction } from '../domain/jurisdictions.constant';

export interface ClientResponse {
  id: string;
  code: string;
  name: string;
  country: Jurisdiction;
  currency: string;
}

export interface CreateClientRequest {
  code: string;
  name: string;
  country: Jurisdiction;
  currency: string;
}

export interface PortfolioResponse {
  id: string;
  clientId: string;
  clientCode: string;
  name: string;
  stage: PortfolioStage;
  industry: PortfolioIndustry;
  currency: string;
  jurisdiction: Jurisdiction;
  accountCount: number;
}

export interface CreatePortfolioRequest {
  clientId: string;
  name: string;
  stage: PortfolioStage;
  industry: PortfolioIndustry;
  currency: string;
  jurisdiction: Jurisdiction;
}
