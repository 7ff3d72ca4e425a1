import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Jurisdiction, PortfolioIndustry, PortfolioStage } from '@recupera/shared';

@Entity('portfolios')
export class Portfolio {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'bigint', unsigned: true }) clientId!: string;
  @Column({ type: 'varchar', length: 120 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) stage!: PortfolioStage;
  @Column({ type: 'varchar', length: 16 }) industry!: PortfolioIndustry;
  @Column({ type: 'char', length: 3 }) currency!: string;
  @Column({ type: 'char', length: 2 }) jurisdiction!: Jurisdiction;
  @CreateDateColumn({ type: 'datetime', precision: 3 }) createdAt!: Date;
  @UpdateDateColumn({ type: 'datetime', precision: 3 }) updatedAt!: Date;
}
