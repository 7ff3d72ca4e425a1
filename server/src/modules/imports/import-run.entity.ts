import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ColumnMapping, ImportStatus } from '@recupera/shared';
import { bigintNumber, jsonColumn } from '../../database/column.util';

@Entity('imports')
export class ImportRun {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) clientId!: string;
  @Column({ type: 'bigint', unsigned: true }) portfolioId!: string;
  @Column({ type: 'json', transformer: jsonColumn }) mapping!: ColumnMapping;
  @Column({ type: 'varchar', length: 255 }) fileName!: string;
  /** The upload the rows come from (see UploadStore). */
  @Column({ type: 'char', length: 36 }) uploadId!: string;
  @Column({ type: 'bigint', transformer: bigintNumber }) sizeBytes!: number;
  @Column({ type: 'varchar', length: 10 }) status!: ImportStatus;
  @Column({ type: 'int' }) processedRows!: number;
  @Column({ type: 'int' }) inserted!: number;
  @Column({ type: 'int' }) updated!: number;
  @Column({ type: 'int' }) unchanged!: number;
  @Column({ type: 'int' }) rejected!: number;
  @Column({ type: 'bigint', transformer: bigintNumber }) bytesRead!: number;
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) startedAt!: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) finishedAt!: Date | null;
}
