import type { AgentSummaryState } from './floor.type';

export interface CurrencyAmount {
  currency: string;
  amountMinor: number;
}

export interface TeamRoster {
  teamId: string;
  teamName: string;
  agents: AgentSummaryState[];
  accounts: number;
  balance: CurrencyAmount[];
}
