/**
 * Floor roles (agent, supervisor, manager, admin) plus two with narrow duties: a cashier posts and
 * reverses payments, a field crew member works utility suspension / reconnection orders.
 */
export const ROLES = ['agent', 'supervisor', 'manager', 'admin', 'cashier', 'field'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
