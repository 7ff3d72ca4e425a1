import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DispositionCategory } from '@recupera/shared';

@Entity('dispositions')
export class Disposition {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) setId!: string;
  @Column({ type: 'varchar', length: 40 }) code!: string;
  @Column({ type: 'varchar', length: 80 }) labelEs!: string;
  @Column({ type: 'varchar', length: 80 }) labelEn!: string;
  @Column({ type: 'varchar', length: 16 }) category!: DispositionCategory;
  @Column({ type: 'boolean' }) isContact!: boolean;
  @Column({ type: 'boolean' }) isRpc!: boolean;
  @Column({ type: 'boolean' }) isPromise!: boolean;
  @Column({ type: 'boolean' }) active!: boolean;
}
