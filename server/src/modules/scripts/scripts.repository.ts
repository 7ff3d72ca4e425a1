import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ScriptContext, ScriptStepVisit } from '@recupera/shared';
import { Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { ScriptVersionRecord } from './script-version.entity';
import { Script } from './script.entity';

type Raw = Record<string, unknown>;

/** The account, debtor, client and agent behind a call or a preview, as a script's fields read them. */
export interface ScriptContextRow {
  accountId: string;
  fullName: string | null;
  nationalId: string | null;
  timeZone: string;
  accountNumber: string;
  currency: string;
  balanceMinor: number;
  originalAmountMinor: number;
  daysPastDue: number;
  dueDate: string | null;
  product: string | null;
  agingBucket: ScriptContext['account']['agingBucket'];
  clientName: string;
}

@Injectable()
export class ScriptsRepository {
  constructor(
    @InjectRepository(Script) private readonly scripts: Repository<Script>,
    @InjectRepository(ScriptVersionRecord) private readonly versions: Repository<ScriptVersionRecord>,
  ) {}

  listScripts(): Promise<Script[]> {
    return this.scripts.find({ order: { name: 'ASC' } });
  }

  findScript(id: string): Promise<Script | null> {
    return this.scripts.findOne({ where: { id } });
  }

  versionsOf(scriptIds: string[]): Promise<ScriptVersionRecord[]> {
    if (scriptIds.length === 0) return Promise.resolve([]);
    return this.versions
      .createQueryBuilder('v')
      .where('v.script_id IN (:...scriptIds)', { scriptIds })
      .orderBy('v.script_id')
      .addOrderBy('v.version', 'DESC')
      .getMany();
  }

  findVersion(id: string): Promise<ScriptVersionRecord | null> {
    return this.versions.findOne({ where: { id } });
  }

  async insertScript(name: string, createdBy: string, tx: Tx): Promise<Script> {
    const repo = tx.getRepository(Script);
    return repo.save(repo.create({ name, createdBy }));
  }

  async saveVersion(version: Partial<ScriptVersionRecord>, tx: Tx): Promise<ScriptVersionRecord> {
    const repo = tx.getRepository(ScriptVersionRecord);
    return repo.save(repo.create(version));
  }

  /** The newest version, locked: concurrent edits of one script's draft queue up. */
  latestForUpdate(scriptId: string, tx: Tx): Promise<ScriptVersionRecord | null> {
    return tx
      .getRepository(ScriptVersionRecord)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.script_id = :scriptId', { scriptId })
      .orderBy('v.version', 'DESC')
      .getOne();
  }

  async updateDraft(id: string, changes: Partial<ScriptVersionRecord>, tx: Tx): Promise<void> {
    // Only a draft is ever written: the status is in the WHERE, so a published row cannot change.
    await tx.getRepository(ScriptVersionRecord).update({ id, status: 'draft' }, changes);
  }

  async contextOfAccount(accountId: string): Promise<ScriptContextRow | null> {
    const rows = (await this.scripts.manager.query(
      `SELECT a.id, d.full_name, d.national_id, d.time_zone, a.account_number, a.currency, a.balance_minor,
              a.original_amount_minor, a.days_past_due, a.due_date, a.product, a.aging_bucket, c.name AS client_name
         FROM accounts a JOIN debtors d ON d.id = a.debtor_id JOIN clients c ON c.id = a.client_id
        WHERE a.id = ?`,
      [accountId],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return {
      accountId: String(r['id']),
      fullName: text(r['full_name']),
      nationalId: text(r['national_id']),
      timeZone: String(r['time_zone']),
      accountNumber: String(r['account_number']),
      currency: String(r['currency']),
      balanceMinor: Number(r['balance_minor']),
      originalAmountMinor: Number(r['original_amount_minor']),
      daysPastDue: Number(r['days_past_due']),
      dueDate: text(r['due_date']),
      product: text(r['product']),
      agingBucket: r['aging_bucket'] as ScriptContextRow['agingBucket'],
      clientName: String(r['client_name']),
    };
  }

  /** The call's account, agent and the script version its campaign points at. */
  async callScript(callId: string): Promise<{
    accountId: string;
    agentId: string | null;
    versionId: string | null;
    path: ScriptStepVisit[];
  } | null> {
    const rows = (await this.scripts.manager.query(
      `SELECT i.account_id, i.agent_id, COALESCE(i.script_version_id, c.script_version_id) AS version_id, i.script_path
         FROM interactions i LEFT JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = ?`,
      [callId],
    )) as Raw[];
    const r = rows[0];
    if (!r) return null;
    const path = r['script_path'];
    return {
      accountId: String(r['account_id']),
      agentId: r['agent_id'] === null ? null : String(r['agent_id']),
      versionId: r['version_id'] === null ? null : String(r['version_id']),
      path: (typeof path === 'string' ? JSON.parse(path) : (path ?? [])) as ScriptStepVisit[],
    };
  }

  async userName(userId: string): Promise<string> {
    const rows = (await this.scripts.manager.query('SELECT full_name FROM users WHERE id = ?', [
      userId,
    ])) as Raw[];
    return String(rows[0]?.['full_name'] ?? '');
  }

  async attachToCall(callId: string, versionId: string): Promise<void> {
    await this.scripts.manager.query(
      'UPDATE interactions SET script_version_id = ? WHERE id = ? AND script_version_id IS NULL',
      [versionId, callId],
    );
  }

  async savePath(callId: string, path: ScriptStepVisit[], shown: number, completed: number): Promise<void> {
    await this.scripts.manager.query(
      'UPDATE interactions SET script_path = ?, script_required_shown = ?, script_required_completed = ? WHERE id = ?',
      [JSON.stringify(path), shown, completed, callId],
    );
  }
}
