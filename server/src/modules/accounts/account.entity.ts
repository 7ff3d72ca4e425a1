import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AccountStatus, AgingBucket } from '@recupera/shared';
import { bigintNumber } from '../../database/column.util';

@Entity('accounts')
export class Account {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) clientId!: string;
  @Column({ type: 'bigint', unsigned: true }) portfolioId!: string;
  @Column({ type: 'bigint', unsigned: true }) debtorId!: string;
  @Column({ type: 'varchar', length: 40 }) accountNumber!: string;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) originalAmountMinor!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) balanceMinor!: number;
  @Column({ type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ type: 'int' }) daysPastDue!: number;
  @Column({ type: 'varchar', length: 8 }) agingBucket!: AgingBucket;
  @Column({ type: 'varchar', length: 120, nullable: true }) product!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) sector!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) red!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) zona!: string | null;
  @Column({ type: 'smallint', nullable: true }) score!: number | null;
  @Column({ type: 'varchar', length: 16 }) status!: AccountStatus;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) assignedTeamId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) assignedAgentId!: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lastAttemptAt!: Date | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) lastDispositionCode!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) lastImportId!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
