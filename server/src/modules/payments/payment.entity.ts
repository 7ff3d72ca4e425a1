import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PaymentChannel, PaymentStatus } from '@recupera/shared';
import { bigintNumber } from '../../database/column.util';

@Entity('payments')
export class Payment {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) accountId!: string;
  @Column({ type: 'bigint', unsigned: true }) clientId!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) teamId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) agentId!: string | null;
  @Column({ type: 'bigint', transformer: bigintNumber }) amountMinor!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'varchar', length: 16 }) channel!: PaymentChannel;
  @Column({ type: 'varchar', length: 10 }) status!: PaymentStatus;
  @Column({ type: 'varchar', length: 80 }) reference!: string;
  @Column({ type: 'datetime', precision: 3 }) paidAt!: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) reversedAt!: Date | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
}
