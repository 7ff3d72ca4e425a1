import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ContactPointType } from '@recupera/shared';
import { DataSource } from 'typeorm';

type Raw = Record<string, unknown>;

/** Whose accounts a person may write to: an agent their assigned ones, a supervisor their teams'. */
export type DirectMessageScope =
  | { kind: 'all' }
  | { kind: 'teams'; teamIds: string[] }
  | { kind: 'agent'; agentId: string };

export interface DirectTarget {
  accountId: string;
  clientId: string;
  /** Null when the contact point is not one of the account's debtor's. */
  point: { id: string; type: ContactPointType; value: string } | null;
}

@Injectable()
export class DirectMessagesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The account (within scope) and the contact point of its debtor; null for an account out of reach. */
  async target(
    scope: DirectMessageScope,
    accountId: string,
    contactPointId: string,
  ): Promise<DirectTarget | null> {
    const params: unknown[] = [contactPointId, accountId];
    let where = '';
    if (scope.kind === 'agent') {
      where = ' AND a.assigned_agent_id = ?';
      params.push(scope.agentId);
    } else if (scope.kind === 'teams') {
      if (scope.teamIds.length === 0) return null;
      where = ' AND a.assigned_team_id IN (?)';
      params.push(scope.teamIds);
    }
    const rows = (await this.dataSource.query(
      `SELECT a.id, a.client_id, cp.id AS cp_id, cp.type AS cp_type, cp.value AS cp_value
         FROM accounts a LEFT JOIN contact_points cp ON cp.id = ? AND cp.debtor_id = a.debtor_id
        WHERE a.id = ?${where}`,
      params,
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    return {
      accountId: String(r['id']),
      clientId: String(r['client_id']),
      point:
        r['cp_id'] === null
          ? null
          : { id: String(r['cp_id']), type: r['cp_type'] as ContactPointType, value: String(r['cp_value']) },
    };
  }
}
