import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CallbackStatus } from '@recupera/shared';

@Entity('callbacks')
export class Callback {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) accountId!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) agentId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) teamId!: string | null;
  @Column({ type: 'datetime', precision: 3 }) dueAt!: Date;
  @Column({ type: 'varchar', length: 10 }) status!: CallbackStatus;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) interactionId!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
}
