import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { RefreshToken } from './refresh-token.entity';

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectRepository(RefreshToken) private readonly tokens: Repository<RefreshToken>) {}

  private repo(tx?: Tx): Repository<RefreshToken> {
    return tx ? tx.getRepository(RefreshToken) : this.tokens;
  }

  /** Locks the row so two concurrent refreshes with the same token cannot both rotate it. */
  findForUpdate(id: string, tx: Tx): Promise<RefreshToken | null> {
    return tx
      .getRepository(RefreshToken)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :id', { id })
      .getOne();
  }

  findById(id: string): Promise<RefreshToken | null> {
    return this.tokens.findOne({ where: { id } });
  }

  async insert(token: Omit<RefreshToken, 'createdAt'>, tx?: Tx): Promise<void> {
    await this.repo(tx).insert(token);
  }

  async revoke(id: string, at: Date, replacedBy: string | null, tx?: Tx): Promise<void> {
    await this.repo(tx).update({ id, revokedAt: IsNull() }, { revokedAt: at, replacedBy });
  }

  async revokeFamily(familyId: string, at: Date, tx?: Tx): Promise<void> {
    await this.repo(tx).update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
