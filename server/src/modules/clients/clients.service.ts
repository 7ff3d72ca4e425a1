import { Injectable } from '@nestjs/common';
import type { ClientResponse, PortfolioResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import type { Client } from './client.entity';
import type { CreateClientDto, CreatePortfolioDto } from './client.dto';
import { ClientsRepository, type PortfolioRow } from './clients.repository';
import type { Portfolio } from './portfolio.entity';

function toClientResponse(c: Client): ClientResponse {
  return { id: c.id, code: c.code, name: c.name, country: c.country, currency: c.currency };
}

function toPortfolioResponse(p: PortfolioRow): PortfolioResponse {
  return {
    id: p.id,
    clientId: p.clientId,
    clientCode: p.clientCode,
    name: p.name,
    stage: p.stage,
    industry: p.industry,
    currency: p.currency,
    jurisdiction: p.jurisdiction,
    accountCount: p.accountCount,
  };
}

@Injectable()
export class ClientsService {
  constructor(
    private readonly repository: ClientsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async listClients(): Promise<ClientResponse[]> {
    return (await this.repository.listClients()).map(toClientResponse);
  }

  async listPortfolios(): Promise<PortfolioResponse[]> {
    return (await this.repository.listPortfolios()).map(toPortfolioResponse);
  }

  async portfolioWithClient(portfolioId: string): Promise<{ portfolio: Portfolio; client: Client }> {
    const portfolio = await this.repository.findPortfolio(portfolioId);
    if (!portfolio) throw AppException.notFound('Portfolio');
    const client = (await this.repository.findClient(portfolio.clientId))!;
    return { portfolio, client };
  }

  findClientByCode(code: string): Promise<Client | null> {
    return this.repository.findClientByCode(code);
  }

  findPortfolioByName(clientId: string, name: string): Promise<Portfolio | null> {
    return this.repository.findPortfolioByName(clientId, name);
  }

  async createClient(
    actor: AuthUser | null,
    dto: CreateClientDto,
    ip: string | null = null,
  ): Promise<ClientResponse> {
    if (await this.repository.findClientByCode(dto.code))
      throw AppException.conflict(`Client code ${dto.code} is taken`);
    const client = await this.uow.run(async (tx) => {
      const saved = await this.repository.saveClient(dto, tx);
      await this.audit.record(
        { actor, action: 'client.created', entityType: 'client', entityId: saved.id, after: saved, ip },
        tx,
      );
      return saved;
    });
    return toClientResponse(client);
  }

  async createPortfolio(
    actor: AuthUser | null,
    dto: CreatePortfolioDto,
    ip: string | null = null,
  ): Promise<PortfolioResponse> {
    const client = await this.repository.findClient(dto.clientId);
    if (!client) throw AppException.invalid(`Client ${dto.clientId} does not exist`);
    if (await this.repository.findPortfolioByName(dto.clientId, dto.name)) {
      throw AppException.conflict(`Client ${client.code} already has a portfolio named "${dto.name}"`);
    }
    const portfolio = await this.uow.run(async (tx) => {
      const saved = await this.repository.savePortfolio(dto, tx);
      await this.audit.record(
        { actor, action: 'portfolio.created', entityType: 'portfolio', entityId: saved.id, after: saved, ip },
        tx,
      );
      return saved;
    });
    return toPortfolioResponse({ ...portfolio, clientCode: client.code, accountCount: 0 });
  }
}
