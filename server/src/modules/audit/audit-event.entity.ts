import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonColumn } from '../../database/column.util';

@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) actorRole!: string | null;
  @Column({ type: 'varchar', length: 60 }) action!: string;
  @Column({ type: 'varchar', length: 40 }) entityType!: string;
  @Column({ type: 'varchar', length: 40, nullable: true }) entityId!: string | null;
  @Column({ type: 'json', nullable: true, transformer: jsonColumn }) beforeData!: object | null;
  @Column({ type: 'json', nullable: true, transformer: jsonColumn }) afterData!: object | null;
  @Column({ type: 'varchar', length: 45, nullable: true }) ip!: string | null;
  @Column({ type: 'datetime', precision: 3 }) at!: Date;
}
