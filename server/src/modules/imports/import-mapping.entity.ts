import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ColumnMapping } from '@recupera/shared';
import { jsonColumn } from '../../database/column.util';

@Entity('import_mappings')
export class ImportMapping {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) clientId!: string;
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @Column({ type: 'json', transformer: jsonColumn }) mapping!: ColumnMapping;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
