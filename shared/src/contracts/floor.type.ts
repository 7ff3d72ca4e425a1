export interface AgentSummaryState {
  id: string;
  fullName: string;
  email: string;
  active: boolean;
  assignedAccounts: number;
  lastLoginAt: string | null;
}
