import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { GoalMetric, GoalScope, PeriodKind } from '@recupera/shared';
import { bigintNumber } from '../../database/column.util';

@Entity('goals')
export class Goal {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'varchar', length: 8 }) periodKind!: PeriodKind;
  @Column({ type: 'date' }) periodStart!: string;
  @Column({ type: 'varchar', length: 12 }) scope!: GoalScope;
  @Column({ type: 'bigint', unsigned: true }) scopeId!: string;
  @Column({ type: 'varchar', length: 16 }) metric!: GoalMetric;
  /** Minor units for amounts, basis points for rates, a count for promises. */
  @Column({ type: 'bigint', transformer: bigintNumber }) target!: number;
  @Column({ type: 'char', length: 3, nullable: true }) currency!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
