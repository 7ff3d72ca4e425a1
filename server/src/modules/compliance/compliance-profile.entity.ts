import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ComplianceProfile as ProfileDefinition } from '@recupera/shared';
import { jsonColumn } from '../../database/column.util';

@Entity('compliance_profiles')
export class ComplianceProfileRecord {
  @PrimaryColumn({ type: 'varchar', length: 10 }) code!: string;
  @Column({ type: 'json', transformer: jsonColumn }) definition!: ProfileDefinition;
  /** Null while the row is the shipped default. */
  @Column({ type: 'bigint', unsigned: true, nullable: true }) updatedBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
