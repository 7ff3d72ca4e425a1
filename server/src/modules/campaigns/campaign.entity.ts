import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  CampaignSchedule,
  CampaignSegment,
  CampaignStatus,
  Channel,
  DialMode,
  Jurisdiction,
  MachineAction,
  WrapUpOverrun,
  RetryRule,
} from '@recupera/shared';
import { jsonColumn } from '../../database/column.util';

/** The pacing knobs kept in the `pacing` JSON column. */
export interface CampaignPacing {
  linesPerAgent: number;
  maxLinesPerAgent: number;
}

/** Teams live in campaign_teams (many to many), read and written by CampaignsRepository. */
@Entity('campaigns')
export class Campaign {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) portfolioId!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 10 }) channel!: Channel;
  @Column({ type: 'varchar', length: 12 }) dialMode!: DialMode;
  @Column({ type: 'varchar', length: 10 }) status!: CampaignStatus;
  @Column({ type: 'json', transformer: jsonColumn }) segment!: CampaignSegment;
  @Column({ type: 'json', transformer: jsonColumn }) pacing!: CampaignPacing;
  @Column({ type: 'json', transformer: jsonColumn }) schedule!: CampaignSchedule;
  /** Abandon cap in basis points (300 = 3 %). */
  @Column({ type: 'int' }) abandonCapBp!: number;
  @Column({ type: 'int' }) ringTimeoutSeconds!: number;
  @Column({ type: 'varchar', length: 16 }) machineAction!: MachineAction;
  @Column({ type: 'varchar', length: 500 }) abandonMessage!: string;
  @Column({ type: 'int', nullable: true }) wrapUpLimitSeconds!: number | null;
  @Column({ type: 'varchar', length: 16 }) wrapUpOverrun!: WrapUpOverrun;
  @Column({ type: 'json', transformer: jsonColumn }) retryRules!: RetryRule[];
  @Column({ type: 'bigint', unsigned: true, nullable: true }) dispositionSetId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) scriptVersionId!: string | null;
  @Column({ type: 'varchar', length: 10 }) complianceProfile!: Jurisdiction;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) startedAt!: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) finishedAt!: Date | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
