import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { bigintNumber } from '../../database/column.util';

export type AllocationKind = 'installment' | 'interest' | 'fees' | 'principal';

@Entity('payment_allocations')
export class PaymentAllocation {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) paymentId!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) installmentId!: string | null;
  @Column({ type: 'varchar', length: 12 }) kind!: AllocationKind;
  @Column({ type: 'bigint', transformer: bigintNumber }) amountMinor!: number;
}
