import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { AgreementStatus } from '@recupera/shared';
import { bigintNumber } from '../../database/column.util';

@Entity('agreements')
export class Agreement {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) accountId!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) agentId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) teamId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) interactionId!: string | null;
  @Column({ type: 'varchar', length: 20 }) status!: AgreementStatus;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) totalMinor!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) downPaymentMinor!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) waiverMinor!: number;
  @Column({ type: 'int' }) installmentsCount!: number;
  @Column({ type: 'boolean' }) settlesInFull!: boolean;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) approvedBy!: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) approvedAt!: Date | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
