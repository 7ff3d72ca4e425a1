/**
 * What a caller may reach through campaigns (CONVENTIONS.md rule 5): managers and admins every
 * campaign and account; a supervisor the campaigns one of their teams works, and in segment counts
 * only the accounts those teams hold.
 */
export type CampaignScope = { kind: 'all' } | { kind: 'teams'; teamIds: string[] };
