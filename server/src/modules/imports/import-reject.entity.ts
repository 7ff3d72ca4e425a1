import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('import_rejects')
export class ImportReject {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) importId!: string;
  @Column({ type: 'int' }) line!: number;
  @Column({ type: 'varchar', length: 120 }) columnName!: string;
  @Column({ type: 'varchar', length: 500 }) reason!: string;
}
