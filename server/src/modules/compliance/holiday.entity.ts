import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { IsoDate, Jurisdiction } from '@recupera/shared';

@Entity('holidays')
export class Holiday {
  @PrimaryColumn({ type: 'char', length: 2 }) country!: Jurisdiction;
  /** 'YYYY-MM-DD': DATE columns come back as strings (dateStrings), never shifted by a zone. */
  @PrimaryColumn({ type: 'date' }) date!: IsoDate;
  @Column({ type: 'varchar', length: 120, nullable: true }) name!: string | null;
  /** Set instead of deleting, so start-up seeding does not bring a removed default back. */
  @Column({ type: 'datetime', precision: 3, nullable: true }) removedAt!: Date | null;
}
