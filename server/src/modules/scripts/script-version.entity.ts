import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Jurisdiction, Locale, ScriptStep, ScriptVersionStatus } from '@recupera/shared';
import { jsonColumn } from '../../database/column.util';

/** A published row is never updated again (DESIGN.md §7): ScriptsRepository only writes drafts. */
@Entity('script_versions')
export class ScriptVersionRecord {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) scriptId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'varchar', length: 10 }) status!: ScriptVersionStatus;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'char', length: 2 }) language!: Locale;
  @Column({ type: 'varchar', length: 10, nullable: true }) jurisdiction!: Jurisdiction | null;
  @Column({ type: 'varchar', length: 60 }) startStepId!: string;
  @Column({ type: 'json', transformer: jsonColumn }) steps!: ScriptStep[];
  @Column({ type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
}
