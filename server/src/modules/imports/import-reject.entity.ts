import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RowProblemCode, RowProblemParams } from '@recupera/shared';
import { jsonColumn } from '../../database/column.util';

@Entity('import_rejects')
export class ImportReject {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) importId!: string;
  @Column({ type: 'int' }) line!: number;
  @Column({ type: 'varchar', length: 120 }) columnName!: string;
  @Column({ type: 'varchar', length: 24 }) code!: RowProblemCode;
  @Column({ type: 'json', nullable: true, transformer: jsonColumn }) params!: RowProblemParams | null;
}
