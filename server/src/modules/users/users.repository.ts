import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Role } from '@recupera/shared';
import { In, Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  private repo(tx?: Tx): Repository<User> {
    return tx ? tx.getRepository(User) : this.users;
  }

  findById(id: string, tx?: Tx): Promise<User | null> {
    return this.repo(tx).findOne({ where: { id } });
  }

  findByEmailWithHash(email: string): Promise<User | null> {
    return this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOne({ where: { email: email.toLowerCase() } });
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { role: 'ASC', fullName: 'ASC' } });
  }

  listByTeam(teamId: string, role?: Role): Promise<User[]> {
    return this.users.find({ where: { teamId, ...(role ? { role } : {}) }, order: { fullName: 'ASC' } });
  }

  findByIds(ids: string[]): Promise<User[]> {
    return ids.length ? this.users.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  count(): Promise<number> {
    return this.users.count();
  }

  async save(user: Partial<User>, tx?: Tx): Promise<User> {
    return this.repo(tx).save(this.repo(tx).create(user));
  }

  async recordFailedLogin(id: string, failedLogins: number, lockedUntil: Date | null): Promise<void> {
    await this.users.update({ id }, { failedLogins, lockedUntil });
  }

  async recordLogin(id: string, at: Date): Promise<void> {
    await this.users.update({ id }, { failedLogins: 0, lockedUntil: null, lastLoginAt: at });
  }
}
