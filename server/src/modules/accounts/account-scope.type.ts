/** Which accounts a caller may reach; every account query takes one (CONVENTIONS.md rule 5). */
export type AccountScope =
  | { kind: 'all' }
  | { kind: 'teams'; teamIds: string[] }
  | {
      kind: 'agent';
      agentId: string;
      /**
       * Also the accounts of calls the dialer put through to this agent since then: the dialer calls
       * the team's accounts, and the agent must see the one they are talking about.
       */
      connectedSince?: Date;
    };
