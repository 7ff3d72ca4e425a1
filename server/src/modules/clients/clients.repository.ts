import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';
import { Account } from '../accounts/account.entity';
import { Client } from './client.entity';
import { Portfolio } from './portfolio.entity';

export interface PortfolioRow extends Portfolio {
  clientCode: string;
  accountCount: number;
}

@Injectable()
export class ClientsRepository {
  constructor(
    @InjectRepository(Client) private readonly clients: Repository<Client>,
    @InjectRepository(Portfolio) private readonly portfolios: Repository<Portfolio>,
  ) {}

  listClients(): Promise<Client[]> {
    return this.clients.find({ order: { name: 'ASC' } });
  }

  findClient(id: string): Promise<Client | null> {
    return this.clients.findOne({ where: { id } });
  }

  findClientByCode(code: string): Promise<Client | null> {
    return this.clients.findOne({ where: { code } });
  }

  saveClient(client: Partial<Client>, tx?: Tx): Promise<Client> {
    const repo = tx ? tx.getRepository(Client) : this.clients;
    return repo.save(repo.create(client));
  }

  findPortfolio(id: string): Promise<Portfolio | null> {
    return this.portfolios.findOne({ where: { id } });
  }

  findPortfolioByName(clientId: string, name: string): Promise<Portfolio | null> {
    return this.portfolios.findOne({ where: { clientId, name } });
  }

  savePortfolio(portfolio: Partial<Portfolio>, tx?: Tx): Promise<Portfolio> {
    const repo = tx ? tx.getRepository(Portfolio) : this.portfolios;
    return repo.save(repo.create(portfolio));
  }

  async listPortfolios(): Promise<PortfolioRow[]> {
    const { entities, raw } = await this.portfolios
      .createQueryBuilder('p')
      .innerJoin(Client, 'c', 'c.id = p.client_id')
      .addSelect('c.code', 'client_code')
      .addSelect(
        (sub) => sub.select('COUNT(*)').from(Account, 'a').where('a.portfolio_id = p.id'),
        'account_count',
      )
      .orderBy('c.code', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .getRawAndEntities();
    return entities.map((p, i) => {
      const r = raw[i] as { client_code: string; account_count: string };
      return { ...p, clientCode: r.client_code, accountCount: Number(r.account_count) };
    });
  }
}
