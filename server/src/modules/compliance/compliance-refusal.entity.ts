import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Channel, ComplianceError } from '@recupera/shared';

@Entity('compliance_refusals')
export class ComplianceRefusal {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) accountId!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) contactPointId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) campaignId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) teamId!: string | null;
  @Column({ type: 'varchar', length: 10 }) channel!: Channel;
  @Column({ type: 'varchar', length: 40 }) reason!: ComplianceError;
  @Column({ type: 'datetime', precision: 3, nullable: true }) retryAt!: Date | null;
  @Column({ type: 'datetime', precision: 3 }) at!: Date;
}
