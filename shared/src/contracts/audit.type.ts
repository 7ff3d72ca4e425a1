import type { PageQuery } from './paging.type';

export interface AuditEventResponse {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  at: string;
}

export interface AuditQuery extends PageQuery {
  actorId?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
}
