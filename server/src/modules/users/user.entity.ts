import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Locale, Role } from '@recupera/shared';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'varchar', length: 190 }) email!: string;
  @Column({ type: 'varchar', length: 120 }) fullName!: string;
  @Column({ type: 'varchar', length: 255, select: false }) passwordHash!: string;
  @Column({ type: 'varchar', length: 16 }) role!: Role;
  @Column({ type: 'bigint', unsigned: true, nullable: true }) teamId!: string | null;
  @Column({ type: 'char', length: 2 }) locale!: Locale;
  @Column({ type: 'boolean' }) active!: boolean;
  @Column({ type: 'int' }) failedLogins!: number;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lockedUntil!: Date | null;
  @Column({ type: 'datetime', precision: 3, nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
