import type { AgingBucket } from '../domain/aging.util';
import type { AgentSummaryState } from './floor.type';

export interface CurrencyAmount {
  currency: string;
  amountMinor: number;
}

export interface ClientRecovery {
  clientId: string;
  clientCode: string;
  clientName: string;
  currency: string;
  accounts: number;
  balanceMinor: number;
  recoveredThisMonthMinor: number;
  recoveredPreviousMonthMinor: number;
}

export interface TeamGoalAttainment {
  teamId: string;
  teamName: string;
  supervisorName: string;
  currency: string;
  goalMinor: number | null;
  recoveredMinor: number;
  /** recovered ÷ goal, null without a goal. */
  attainment: number | null;
}

export interface AgingRow {
  bucket: AgingBucket;
  accounts: number;
  balanceMinor: number;
  currency: string;
}

export interface ManagerSummary {
  month: string;
  clients: ClientRecovery[];
  teams: TeamGoalAttainment[];
  aging: AgingRow[];
}

export interface TeamRoster {
  teamId: string;
  teamName: string;
  agents: AgentSummaryState[];
  accounts: number;
  balance: CurrencyAmount[];
}
