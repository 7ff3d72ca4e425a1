import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { ImportMapping } from './import-mapping.entity';
import { ImportReject } from './import-reject.entity';
import { ImportRun } from './import-run.entity';

export type RunProgress = Pick<
  ImportRun,
  'processedRows' | 'inserted' | 'updated' | 'unchanged' | 'rejected' | 'bytesRead'
>;

@Injectable()
export class ImportRunsRepository {
  constructor(
    @InjectRepository(ImportRun) private readonly runs: Repository<ImportRun>,
    @InjectRepository(ImportMapping) private readonly mappings: Repository<ImportMapping>,
    @InjectRepository(ImportReject) private readonly rejects: Repository<ImportReject>,
  ) {}

  async create(run: Partial<ImportRun>, tx?: Tx): Promise<ImportRun> {
    const repo = tx ? tx.getRepository(ImportRun) : this.runs;
    const saved = await repo.save(
      repo.create({
        status: 'queued',
        processedRows: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        rejected: 0,
        bytesRead: 0,
        ...run,
      }),
    );
    return (await repo.findOne({ where: { id: saved.id } }))!;
  }

  findById(id: string): Promise<ImportRun | null> {
    return this.runs.findOne({ where: { id } });
  }

  recent(limit = 50): Promise<ImportRun[]> {
    return this.runs.find({ order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async markRunning(id: string, at: Date): Promise<void> {
    await this.runs.update({ id }, { status: 'running', startedAt: at, error: null });
  }

  async saveProgress(id: string, progress: RunProgress): Promise<void> {
    await this.runs.update({ id }, progress);
  }

  async finish(id: string, progress: RunProgress, at: Date): Promise<void> {
    await this.runs.update({ id }, { ...progress, status: 'completed', finishedAt: at });
  }

  async fail(id: string, error: string, at: Date): Promise<void> {
    await this.runs.update({ id }, { status: 'failed', error: error.slice(0, 4000), finishedAt: at });
  }

  /** A retried run starts from scratch; its earlier rejects would otherwise be listed twice. */
  async clearRejects(importId: string): Promise<void> {
    await this.rejects.delete({ importId });
  }

  listRejects(importId: string, limit?: number): Promise<ImportReject[]> {
    return this.rejects.find({
      where: { importId },
      order: { line: 'ASC', id: 'ASC' },
      ...(limit ? { take: limit } : {}),
    });
  }

  /** Streams rejects in pages so a report of a million bad rows never sits in memory at once. */
  /** The rejects in file order (a resumed run may have written later lines first), a page at a time. */
  async *iterateRejects(importId: string, pageSize = 5000): AsyncGenerator<ImportReject[]> {
    let after = { line: 0, id: '0' };
    for (;;) {
      const page = await this.rejects
        .createQueryBuilder('r')
        .where('r.import_id = :importId', { importId })
        .andWhere('(r.line > :line OR (r.line = :line AND r.id > :id))', after)
        .orderBy('r.line', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .limit(pageSize)
        .getMany();
      if (page.length === 0) return;
      yield page;
      const last = page[page.length - 1];
      after = { line: last.line, id: last.id };
    }
  }

  mappingsOf(clientId: string): Promise<ImportMapping[]> {
    return this.mappings.find({ where: { clientId }, order: { name: 'ASC' } });
  }

  allMappings(): Promise<ImportMapping[]> {
    return this.mappings.find({ order: { clientId: 'ASC', name: 'ASC' } });
  }

  findMapping(clientId: string, name: string): Promise<ImportMapping | null> {
    return this.mappings.findOne({ where: { clientId, name } });
  }

  async saveMapping(mapping: Partial<ImportMapping>, tx?: Tx): Promise<ImportMapping> {
    const repo = tx ? tx.getRepository(ImportMapping) : this.mappings;
    return repo.save(repo.create(mapping));
  }
}
