import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CampaignStatus, Channel, DialMode } from '@recupera/shared';
import { jsonColumn } from '../../database/column.util';

@Entity('campaigns')
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) portfolioId!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 10 }) channel!: Channel;
  @Column({ type: 'varchar', length: 12 }) dialMode!: DialMode;
  @Column({ type: 'varchar', length: 10 }) status!: CampaignStatus;
  @Column({ type: 'json', transformer: jsonColumn }) segment!: Record<string, unknown>;
  @Column({ type: 'json', transformer: jsonColumn }) pacing!: Record<string, unknown>;
  @Column({ type: 'json', transformer: jsonColumn }) schedule!: Record<string, unknown>;
  /** Abandon cap in basis points (300 = 3 %). */
  @Column({ type: 'int' }) abandonCapBp!: number;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) dispositionSetId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) scriptVersionId!: string | null;
  @Column({ type: 'varchar', length: 10 }) complianceProfile!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
