import { Inject, Injectable } from '@nestjs/common';
import { maskBankAccount, type DebitMandateResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { openSecret, sealSecret } from '../../common/crypto/secret-box.util';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { UnitOfWork, type Tx } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { toMandateResponse } from './direct-debits.mapper';
import type { CreateDebitMandateDto, MandatesQueryDto } from './direct-debits.dto';
import { DebitMandatesRepository } from './debit-mandates.repository';

const ER_DUP_ENTRY = 1062;

/**
 * Debit mandates: the holder's authorization to debit a bank account, up to a limit per debit. The
 * bank account is sealed with the data key and shown masked everywhere, the audit trail included.
 */
@Injectable()
export class DebitMandatesService {
  constructor(
    private readonly mandates: DebitMandatesRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: AuthUser, dto: CreateDebitMandateDto, ip: string | null): Promise<DebitMandateResponse> {
    const account = await this.mandates.account(dto.clientId, dto.accountNumber.trim());
    if (!account) throw AppException.notFound('Account');
    const bankAccount = dto.bankAccount.replace(/[\s-]/g, '');
    let id: string;
    try {
      id = await this.uow.run(async (tx) => {
        const created = await this.mandates.insert(tx, {
          accountId: account.id,
          clientId: dto.clientId,
          bankCode: dto.bankCode.toUpperCase(),
          bankAccountSealed: sealSecret(this.config.dataKey, bankAccount),
          bankAccountLast4: bankAccount.slice(-4),
          bankAccountLength: bankAccount.length,
          limitMinor: dto.limitMinor,
          currency: account.currency,
          createdBy: user.id,
        });
        await this.audit.record(
          {
            actor: user,
            action: 'debit-mandate.created',
            entityType: 'debit_mandate',
            entityId: created,
            after: {
              accountId: account.id,
              bankCode: dto.bankCode.toUpperCase(),
              bankAccount: maskBankAccount(bankAccount),
              limitMinor: dto.limitMinor,
              currency: account.currency,
            },
            ip,
          },
          tx,
        );
        return created;
      });
    } catch (error) {
      if (errnoOf(error) === ER_DUP_ENTRY)
        throw AppException.conflict('The account already has an active debit mandate; revoke it first');
      throw error;
    }
    return toMandateResponse((await this.mandates.find(id))!);
  }

  async list(query: MandatesQueryDto): Promise<DebitMandateResponse[]> {
    return (await this.mandates.list({ ...query, limit: 500 })).map(toMandateResponse);
  }

  async revoke(
    user: AuthUser | null,
    id: string,
    reason: string,
    ip: string | null,
  ): Promise<DebitMandateResponse> {
    await this.uow.run(async (tx) => {
      const revoked = await this.revokeIn(tx, user, id, reason, ip);
      if (!revoked) throw AppException.conflict('The mandate is already revoked');
    });
    return toMandateResponse((await this.mandates.find(id))!);
  }

  /** Revokes inside a caller's transaction (a bank's reject); false when it was not active. */
  async revokeIn(
    tx: Tx,
    user: AuthUser | null,
    id: string,
    reason: string,
    ip: string | null,
  ): Promise<boolean> {
    const mandate = await this.mandates.find(id, tx, true);
    if (!mandate) throw AppException.notFound('Mandate');
    if (mandate.status !== 'active') return false;
    await this.mandates.revoke(tx, id, reason, new Date());
    await this.audit.record(
      {
        actor: user,
        action: 'debit-mandate.revoked',
        entityType: 'debit_mandate',
        entityId: id,
        before: { status: 'active' },
        after: { status: 'revoked', reason },
        ip,
      },
      tx,
    );
    return true;
  }

  /** The full bank accounts of some mandates, for the file the bank receives. */
  async bankAccounts(ids: readonly string[]): Promise<Map<string, string>> {
    const sealed = await this.mandates.sealedAccounts(ids);
    const open = new Map<string, string>();
    for (const [id, value] of sealed) {
      const account = openSecret(this.config.dataKey, value);
      if (account === null)
        throw new Error(`Mandate ${id}'s bank account cannot be opened with the data key`);
      open.set(id, account);
    }
    return open;
  }
}

function errnoOf(error: unknown): number | undefined {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return e.driverError?.errno ?? e.errno;
}
