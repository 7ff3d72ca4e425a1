import type { AccountScope } from '../accounts/account-scope.type';

/** An account scope as a WHERE fragment on the accounts alias: a case is seen by whoever reaches its account. */
export function accountScopeSql(scope: AccountScope, alias = 'a'): { sql: string; params: unknown[] } {
  switch (scope.kind) {
    case 'all':
      return { sql: '1 = 1', params: [] };
    case 'teams':
      return scope.teamIds.length === 0
        ? { sql: '1 = 0', params: [] }
        : { sql: `${alias}.assigned_team_id IN (?)`, params: [scope.teamIds] };
    case 'agent':
      return { sql: `${alias}.assigned_agent_id = ?`, params: [scope.agentId] };
  }
}
