import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('scripts')
export class Script {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
