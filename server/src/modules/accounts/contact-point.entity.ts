import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ConsentStatus, ContactPointType } from '@recupera/shared';

@Entity('contact_points')
export class ContactPoint {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) debtorId!: string;
  @Column({ type: 'varchar', length: 12 }) type!: ContactPointType;
  /** E.164 for phones. */
  @Column({ type: 'varchar', length: 190 }) value!: string;
  @Column({ type: 'boolean' }) valid!: boolean;
  @Column({ type: 'varchar', length: 10 }) consent!: ConsentStatus;
  @Column({ type: 'boolean' }) doNotContact!: boolean;
  @Column({ type: 'varchar', length: 20 }) source!: string;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
