import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('debtors')
export class Debtor {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) clientId!: string;
  /** The national id when known, else one debtor per account ('acct:<number>'). */
  @Column({ type: 'varchar', length: 60 }) debtorKey!: string;
  @Column({ type: 'varchar', length: 30, nullable: true }) nationalId!: string | null;
  @Column({ type: 'varchar', length: 120, nullable: true }) fullName!: string | null;
  @Column({ type: 'varchar', length: 40 }) timeZone!: string;
  @Column({ type: 'char', length: 2 }) jurisdiction!: string;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
