import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { PlannedInstallment } from '@recupera/shared';
import { In, Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { Account } from '../accounts/account.entity';
import { Interaction } from '../interactions/interaction.entity';
import { Agreement } from './agreement.entity';
import { Installment } from './installment.entity';

export interface AgreementWithSchedule {
  agreement: Agreement;
  accountNumber: string;
  installments: Installment[];
}

@Injectable()
export class AgreementsRepository {
  constructor(@InjectRepository(Agreement) private readonly agreements: Repository<Agreement>) {}

  async insert(agreement: Partial<Agreement>, schedule: PlannedInstallment[], tx: Tx): Promise<Agreement> {
    const repo = tx.getRepository(Agreement);
    const saved = await repo.save(repo.create(agreement));
    await tx.getRepository(Installment).insert(
      schedule.map((i) => ({
        agreementId: saved.id,
        seq: i.seq,
        dueDate: i.dueDate,
        amountMinor: i.amountMinor,
        paidMinor: 0,
        status: 'pending' as const,
        paidAt: null,
      })),
    );
    return saved;
  }

  /** Is this interaction one of the account's (an agreement may only cite its own account's call)? */
  async interactionOfAccount(interactionId: string, accountId: string): Promise<boolean> {
    return (
      (await this.agreements.manager
        .getRepository(Interaction)
        .count({ where: { id: interactionId, accountId } })) > 0
    );
  }

  lockById(id: string, tx: Tx): Promise<Agreement | null> {
    return tx
      .getRepository(Agreement)
      .createQueryBuilder('g')
      .setLock('pessimistic_write')
      .where('g.id = :id', { id })
      .getOne();
  }

  async update(id: string, changes: Partial<Agreement>, tx: Tx): Promise<void> {
    await tx.getRepository(Agreement).update({ id }, changes);
  }

  /** Agreements of the teams (all teams for 'all'), with their schedules, newest first. */
  async list(
    teams: string[] | 'all',
    status: Agreement['status'] | undefined,
  ): Promise<AgreementWithSchedule[]> {
    if (teams !== 'all' && teams.length === 0) return [];
    const qb = this.agreements.createQueryBuilder('g').orderBy('g.created_at', 'DESC').limit(200);
    if (teams !== 'all') qb.andWhere('g.team_id IN (:...teams)', { teams });
    if (status) qb.andWhere('g.status = :status', { status });
    return this.withSchedules(await qb.getMany());
  }

  async find(id: string): Promise<AgreementWithSchedule | null> {
    const agreement = await this.agreements.findOne({ where: { id } });
    return agreement ? ((await this.withSchedules([agreement]))[0] ?? null) : null;
  }

  private async withSchedules(agreements: Agreement[]): Promise<AgreementWithSchedule[]> {
    if (agreements.length === 0) return [];
    const manager = this.agreements.manager;
    const [installments, accounts] = await Promise.all([
      manager.getRepository(Installment).find({
        where: { agreementId: In(agreements.map((a) => a.id)) },
        order: { agreementId: 'ASC', seq: 'ASC' },
      }),
      manager.getRepository(Account).find({
        select: { id: true, accountNumber: true },
        where: { id: In([...new Set(agreements.map((a) => a.accountId))]) },
      }),
    ]);
    const numbers = new Map(accounts.map((a) => [a.id, a.accountNumber]));
    return agreements.map((agreement) => ({
      agreement,
      accountNumber: numbers.get(agreement.accountId) ?? '',
      installments: installments.filter((i) => i.agreementId === agreement.id),
    }));
  }
}
