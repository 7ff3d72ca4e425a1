import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('account_assignments')
export class AccountAssignment {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) accountId!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) teamId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) agentId!: string | null;
  @Column({ type: 'datetime', precision: 3 }) assignedAt!: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) unassignedAt!: Date | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) assignedBy!: string | null;
}
