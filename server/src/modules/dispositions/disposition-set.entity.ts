import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('disposition_sets')
export class DispositionSet {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
}
