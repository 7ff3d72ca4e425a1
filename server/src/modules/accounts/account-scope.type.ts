/** Which accounts a caller may reach; every account query takes one (CONVENTIONS.md rule 5). */
export type AccountScope =
  | { kind: 'all' }
  | { kind: 'teams'; teamIds: string[] }
  | { kind: 'agent'; agentId: string };
