import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AccountSearchQuery, Channel, ChannelConsentView, ConsentStatus } from '@recupera/shared';
import { In, IsNull, Repository, type SelectQueryBuilder } from 'typeorm';
import type { PageWindow } from '../../common/http/page.util';
import type { Tx } from '../../database/unit-of-work.service';
import { Agreement } from '../agreements/agreement.entity';
import { Installment } from '../agreements/installment.entity';
import { Client } from '../clients/client.entity';
import { Portfolio } from '../clients/portfolio.entity';
import { Disposition } from '../dispositions/disposition.entity';
import { Interaction } from '../interactions/interaction.entity';
import { Payment } from '../payments/payment.entity';
import { User } from '../users/user.entity';
import { AccountAssignment } from './account-assignment.entity';
import type { AccountScope } from './account-scope.type';
import { Account } from './account.entity';
import { ContactPoint } from './contact-point.entity';
import { Debtor } from './debtor.entity';

export interface AccountRow extends Account {
  debtorName: string | null;
  clientCode: string;
  portfolioName: string;
  assignedAgentName: string | null;
}

export interface InteractionRow extends Interaction {
  /** The conversation the interaction stands for (web chat, SMS, WhatsApp). */
  conversationId: string | null;
  agentName: string | null;
  dispositionCode: string | null;
  dispositionLabelEs: string | null;
  dispositionLabelEn: string | null;
}

export interface AgreementRow extends Agreement {
  agentName: string | null;
}

const TIMELINE_LIMIT = 100;

@Injectable()
export class AccountsRepository {
  constructor(@InjectRepository(Account) private readonly accounts: Repository<Account>) {}

  private applyScope(qb: SelectQueryBuilder<Account>, scope: AccountScope): void {
    switch (scope.kind) {
      case 'all':
        return;
      case 'agent':
        if (scope.connectedSince)
          qb.andWhere(
            `(a.assigned_agent_id = :scopeAgent OR EXISTS (SELECT 1 FROM interactions si
               WHERE si.account_id = a.id AND si.agent_id = :scopeAgent AND si.connected_at >= :scopeSince))`,
            { scopeAgent: scope.agentId, scopeSince: scope.connectedSince },
          );
        else qb.andWhere('a.assigned_agent_id = :scopeAgent', { scopeAgent: scope.agentId });
        return;
      case 'teams':
        if (scope.teamIds.length === 0) qb.andWhere('1 = 0');
        else qb.andWhere('a.assigned_team_id IN (:...scopeTeams)', { scopeTeams: scope.teamIds });
        return;
    }
  }

  private listQuery(scope: AccountScope): SelectQueryBuilder<Account> {
    const qb = this.accounts
      .createQueryBuilder('a')
      .innerJoin(Debtor, 'd', 'd.id = a.debtor_id')
      .innerJoin(Portfolio, 'p', 'p.id = a.portfolio_id')
      .innerJoin(Client, 'c', 'c.id = a.client_id')
      .leftJoin(User, 'u', 'u.id = a.assigned_agent_id')
      .addSelect([
        'd.full_name AS debtor_name',
        'c.code AS client_code',
        'p.name AS portfolio_name',
        'u.full_name AS agent_name',
      ]);
    this.applyScope(qb, scope);
    return qb;
  }

  private toRows(result: { entities: Account[]; raw: unknown[] }): AccountRow[] {
    return result.entities.map((account, i) => {
      const r = result.raw[i] as {
        debtor_name: string | null;
        client_code: string;
        portfolio_name: string;
        agent_name: string | null;
      };
      return {
        ...account,
        debtorName: r.debtor_name,
        clientCode: r.client_code,
        portfolioName: r.portfolio_name,
        assignedAgentName: r.agent_name,
      };
    });
  }

  async search(
    scope: AccountScope,
    query: AccountSearchQuery,
    window: PageWindow,
  ): Promise<[AccountRow[], number]> {
    const qb = this.listQuery(scope);
    const q = query.q?.trim();
    if (q) {
      qb.andWhere('(a.account_number = :q OR d.national_id = :q OR d.full_name LIKE :prefix)', {
        q,
        prefix: `${q.replace(/[%_\\]/g, '\\$&')}%`,
      });
    }
    if (query.portfolioId) qb.andWhere('a.portfolio_id = :portfolioId', { portfolioId: query.portfolioId });
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.agingBucket) qb.andWhere('a.aging_bucket = :bucket', { bucket: query.agingBucket });
    const total = await qb.getCount();
    const result = await qb
      .orderBy('a.days_past_due', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .offset(window.skip)
      .limit(window.pageSize)
      .getRawAndEntities();
    return [this.toRows(result), total];
  }

  async findInScope(scope: AccountScope, id: string): Promise<AccountRow | null> {
    const result = await this.listQuery(scope).andWhere('a.id = :id', { id }).getRawAndEntities();
    return this.toRows(result)[0] ?? null;
  }

  async setStatus(id: string, status: Account['status'], tx: Tx): Promise<void> {
    await tx.getRepository(Account).update({ id }, { status });
  }

  findDebtor(id: string): Promise<Debtor | null> {
    return this.accounts.manager.getRepository(Debtor).findOne({ where: { id } });
  }

  contactPoints(debtorId: string): Promise<ContactPoint[]> {
    return this.accounts.manager
      .getRepository(ContactPoint)
      .find({ where: { debtorId }, order: { type: 'ASC', id: 'ASC' } });
  }

  /** Consent per channel of a debtor's contact points (a "BAJA" by SMS), by point id. */
  async channelConsents(debtorId: string): Promise<Map<string, ChannelConsentView[]>> {
    const rows = (await this.accounts.manager.query(
      `SELECT cc.contact_point_id, cc.channel, cc.status, cc.changed_at FROM contact_point_consents cc
         JOIN contact_points cp ON cp.id = cc.contact_point_id
        WHERE cp.debtor_id = ? ORDER BY cc.contact_point_id, cc.channel`,
      [debtorId],
    )) as { contact_point_id: string | number; channel: Channel; status: ConsentStatus; changed_at: Date }[];
    const byPoint = new Map<string, ChannelConsentView[]>();
    for (const r of rows) {
      const id = String(r.contact_point_id);
      const list = byPoint.get(id) ?? [];
      list.push({ channel: r.channel, status: r.status, changedAt: r.changed_at.toISOString() });
      byPoint.set(id, list);
    }
    return byPoint;
  }

  async interactions(accountId: string): Promise<InteractionRow[]> {
    const { entities, raw } = await this.accounts.manager
      .getRepository(Interaction)
      .createQueryBuilder('i')
      .leftJoin(User, 'u', 'u.id = i.agent_id')
      .leftJoin(Disposition, 'x', 'x.id = i.disposition_id')
      .addSelect([
        'u.full_name AS agent_name',
        'x.code AS disposition_code',
        'x.label_es AS label_es',
        'x.label_en AS label_en',
        '(SELECT MAX(cv.id) FROM conversations cv WHERE cv.interaction_id = i.id) AS conversation_id',
      ])
      .where('i.account_id = :accountId', { accountId })
      .orderBy('i.created_at', 'DESC')
      .limit(TIMELINE_LIMIT)
      .getRawAndEntities();
    return entities.map((entity, i) => {
      const r = raw[i] as {
        agent_name: string | null;
        disposition_code: string | null;
        label_es: string | null;
        label_en: string | null;
        conversation_id: string | number | null;
      };
      return {
        ...entity,
        conversationId: r.conversation_id === null ? null : String(r.conversation_id),
        agentName: r.agent_name,
        dispositionCode: r.disposition_code,
        dispositionLabelEs: r.label_es,
        dispositionLabelEn: r.label_en,
      };
    });
  }

  async agreements(accountId: string): Promise<{ agreements: AgreementRow[]; installments: Installment[] }> {
    const { entities, raw } = await this.accounts.manager
      .getRepository(Agreement)
      .createQueryBuilder('g')
      .leftJoin(User, 'u', 'u.id = g.agent_id')
      .addSelect('u.full_name', 'agent_name')
      .where('g.account_id = :accountId', { accountId })
      .orderBy('g.created_at', 'DESC')
      .getRawAndEntities();
    const agreements = entities.map((g, i) => ({
      ...g,
      agentName: (raw[i] as { agent_name: string | null }).agent_name,
    }));
    const installments = agreements.length
      ? await this.accounts.manager
          .getRepository(Installment)
          .find({ where: { agreementId: In(agreements.map((g) => g.id)) }, order: { seq: 'ASC' } })
      : [];
    return { agreements, installments };
  }

  payments(accountId: string): Promise<Payment[]> {
    return this.accounts.manager
      .getRepository(Payment)
      .find({ where: { accountId }, order: { paidAt: 'DESC' }, take: TIMELINE_LIMIT });
  }

  findByIds(ids: string[]): Promise<Account[]> {
    return this.accounts.find({ where: { id: In(ids) } });
  }

  findAgent(id: string): Promise<User | null> {
    return this.accounts.manager.getRepository(User).findOne({ where: { id } });
  }

  /** Moves accounts to a team/agent and keeps the assignment history that metrics attribute by. */
  async assign(
    ids: string[],
    teamId: string,
    agentId: string | null,
    by: string,
    at: Date,
    tx: Tx,
  ): Promise<void> {
    await tx
      .getRepository(AccountAssignment)
      .update({ accountId: In(ids), unassignedAt: IsNull() }, { unassignedAt: at });
    await tx.getRepository(AccountAssignment).insert(
      ids.map((accountId) => ({
        accountId,
        teamId,
        agentId,
        assignedAt: at,
        unassignedAt: null,
        assignedBy: by,
      })),
    );
    await tx
      .getRepository(Account)
      .update({ id: In(ids) }, { assignedTeamId: teamId, assignedAgentId: agentId });
  }
}
