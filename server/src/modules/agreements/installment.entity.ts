import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { InstallmentStatus } from '@recupera/shared';
import { bigintNumber } from '../../database/column.util';

@Entity('installments')
export class Installment {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) agreementId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'date' }) dueDate!: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) amountMinor!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) paidMinor!: number;
  @Column({ type: 'varchar', length: 10 }) status!: InstallmentStatus;
  @Column({ type: 'datetime', precision: 3, nullable: true }) paidAt!: Date | null;
}
