import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) userId!: string;
  @Column({ type: 'char', length: 36 }) familyId!: string;
  @Column({ type: 'char', length: 64 }) tokenHash!: string;
  @Column({ type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ type: 'datetime', precision: 3, nullable: true }) revokedAt!: Date | null;
  @Column({ type: 'char', length: 36, nullable: true }) replacedBy!: string | null;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
}
