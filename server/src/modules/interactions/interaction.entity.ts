import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CallOutcome, Channel, Direction, ScriptStepVisit } from '@recupera/shared';
import { jsonColumn } from '../../database/column.util';

@Entity('interactions')
export class Interaction {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) accountId!: string;
  @Column({ type: 'bigint', unsigned: true }) debtorId!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) contactPointId!: string | null;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) campaignId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) agentId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) teamId!: string | null;
  @Column({ type: 'varchar', length: 10 }) channel!: Channel;
  @Column({ type: 'varchar', length: 10 }) direction!: Direction;
  @Column({ type: 'varchar', length: 64, nullable: true }) carrierSid!: string | null;
  @Column({ type: 'varchar', length: 12, nullable: true }) outcome!: CallOutcome | null;
  /** Where a dialer call got to: queued, dialing, ringing, answered, connected, abandoned, ended. */
  @Column({ type: 'varchar', length: 12, nullable: true }) stage!: string | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) endReason!: string | null;
  /** The supervisor who took the call when the agent transferred it. */
  @Column({ type: 'bigint', unsigned: true, nullable: true }) transferredTo!: string | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) transferredAt!: Date | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) dispositionId!: string | null;
  @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) scriptVersionId!: string | null;
  @Column({ type: 'json', nullable: true, transformer: jsonColumn }) scriptPath!: ScriptStepVisit[] | null;
  @Column({ type: 'int', nullable: true }) scriptRequiredShown!: number | null;
  @Column({ type: 'int', nullable: true }) scriptRequiredCompleted!: number | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) queuedAt!: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) dialedAt!: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) ringingAt!: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) answeredAt!: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) connectedAt!: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) endedAt!: Date | null;
  @Column({ type: 'int' }) talkSeconds!: number;
  @Column({ type: 'int' }) wrapSeconds!: number;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
}
