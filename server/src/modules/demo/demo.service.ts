import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  addMonths,
  monthStart,
  toIsoDate,
  UCI_CREDIT_CARD_PRESET,
  type ColumnMapping,
} from '@recupera/shared';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { ClientsService } from '../clients/clients.service';
import { DEFAULT_MESSAGE_TEMPLATES } from '../message-campaigns/default-message-templates.constant';
import { ImportRunner } from '../imports/import-runner.service';
import { ImportsService } from '../imports/imports.service';
import { UploadStore } from '../imports/upload-store.service';
import { TeamsRepository } from '../teams/teams.repository';
import { hashPassword } from '../users/password.util';
import { UsersRepository } from '../users/users.repository';
import { writeEnrichedUciFile, writeUtilityFile } from './demo-files.util';
import { generateHistory } from './demo-history.util';
import { DemoRepository } from './demo.repository';
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS } from './demo-users.constant';

const SEED = 20_261_123;
const HISTORY_DAYS = 100;

const UCI_DEMO_MAPPING: ColumnMapping = {
  ...UCI_CREDIT_CARD_PRESET.mapping,
  fullName: 'NOMBRE',
  nationalId: 'CURP',
  phone1: 'TELEFONO',
  email: 'EMAIL',
};

const UTILITY_MAPPING: ColumnMapping = {
  accountNumber: 'CUENTA',
  nationalId: 'CEDULA',
  fullName: 'NOMBRE',
  phone1: 'TELEFONO',
  balance: 'SALDO',
  originalAmount: 'VALOR_ORIGINAL',
  dueDate: 'FECHA_VENCIMIENTO',
  sector: 'SECTOR',
  red: 'RED',
  zona: 'ZONA',
  product: 'SERVICIO',
};

/**
 * Seeds the demo agency on an empty database: two clients, three portfolios loaded through the
 * real import path, two teams of eight agents, and a hundred days of calls, promises and payments.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly demo: DemoRepository,
    private readonly users: UsersRepository,
    private readonly teams: TeamsRepository,
    private readonly clients: ClientsService,
    private readonly uploads: UploadStore,
    private readonly imports: ImportsService,
    private readonly runner: ImportRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async seedIfEmpty(now = new Date()): Promise<boolean> {
    if (!(await this.demo.isEmpty())) return false;
    this.logger.log('Empty database: seeding the demo agency (takes a few seconds)…');
    try {
      await this.seed(now);
    } catch (error) {
      this.logger.error(
        `The demo seed failed and left the database half seeded: drop it and start again (${(error as Error).message})`,
      );
      throw error;
    }
    return true;
  }

  printLogins(): void {
    const lines = DEMO_USERS.filter(
      (u) => u.role !== 'agent' || u.email === 'agente1@recupera.demo' || u.email === 'agente9@recupera.demo',
    ).map((u) => `  ${u.role.padEnd(10)} ${u.email}`);
    this.logger.log(
      `Demo log-ins (password "${DEMO_PASSWORD}"):\n${lines.join('\n')}\n  (agents: agente1 … agente16@recupera.demo)`,
    );
  }

  private async seed(now: Date): Promise<void> {
    const ids = await this.seedPeople();
    const dispositions = await this.demo.createDispositions();
    await this.demo.createMessageTemplates(DEFAULT_MESSAGE_TEMPLATES);
    const bank = await this.clients.createClient(null, {
      code: 'BCORD',
      name: 'Banco Cordillera',
      country: 'MX',
      currency: 'MXN',
    });
    const water = await this.clients.createClient(null, {
      code: 'AGVALLE',
      name: 'Aguas del Valle EP',
      country: 'EC',
      currency: 'USD',
    });
    const cards = await this.clients.createPortfolio(null, {
      clientId: bank.id,
      name: 'Tarjetas de crédito — mora temprana y tardía',
      stage: 'tardia',
      industry: 'banking',
      currency: 'MXN',
      jurisdiction: 'MX',
    });
    const homes = await this.clients.createPortfolio(null, {
      clientId: water.id,
      name: 'Consumo residencial',
      stage: 'temprana',
      industry: 'utility',
      currency: 'USD',
      jurisdiction: 'EC',
    });
    const business = await this.clients.createPortfolio(null, {
      clientId: water.id,
      name: 'Comercial e industrial',
      stage: 'tardia',
      industry: 'utility',
      currency: 'USD',
      jurisdiction: 'EC',
    });

    const dir = await this.uploads.directory();
    if (existsSync(this.config.demoUciFile)) {
      const file = join(dir, `demo-uci-${process.pid}.csv`);
      await writeEnrichedUciFile(this.config.demoUciFile, file, SEED);
      await this.importFile(file, 'uci-credit-card-demo.csv', cards.id, UCI_DEMO_MAPPING, 'uci-demo');
    } else {
      this.logger.warn(`${this.config.demoUciFile} not found: the demo bank portfolio stays empty`);
    }
    for (const [portfolio, count, prefix, seed] of [
      [homes, 4000, 'R', SEED + 1],
      [business, 1500, 'C', SEED + 2],
    ] as const) {
      const file = join(dir, `demo-${prefix}-${process.pid}.csv`);
      await writeUtilityFile(file, count, seed, prefix, now);
      await this.importFile(
        file,
        `aguas-del-valle-${prefix}.csv`,
        portfolio.id,
        UTILITY_MAPPING,
        'cartera-agua',
      );
    }

    const assigned =
      (await this.demo.assignPortfolio(
        cards.id,
        ids.norte,
        ids.agents.norte,
        addDaysUtc(now, -HISTORY_DAYS),
      )) +
      (await this.demo.assignPortfolio(homes.id, ids.sur, ids.agents.sur, addDaysUtc(now, -HISTORY_DAYS))) +
      (await this.demo.assignPortfolio(business.id, ids.sur, ids.agents.sur, addDaysUtc(now, -HISTORY_DAYS)));
    this.logger.log(`Assigned ${assigned} accounts to the two teams`);

    let seed = SEED + 10;
    for (const [portfolioId, everyNth] of [
      [cards.id, 4],
      [homes.id, 3],
      [business.id, 3],
    ] as const) {
      const accounts = await this.demo.sampleAssigned(portfolioId, everyNth);
      const history = generateHistory(accounts, now, HISTORY_DAYS, seed++);
      await this.demo.writeHistory(history, dispositions, `DEMO-${portfolioId}`);
      this.logger.log(
        `History for portfolio ${portfolioId}: ${history.interactions.length} calls, ${history.agreements.length} agreements, ${history.payments.length} payments`,
      );
    }
    await this.seedGoals(now);
    this.logger.log('Demo agency ready');
  }

  private async seedPeople() {
    const hash = await hashPassword(DEMO_PASSWORD);
    const byEmail = new Map<string, string>();
    for (const user of DEMO_USERS.filter((u) => u.role !== 'agent')) {
      const saved = await this.users.save({
        email: user.email,
        fullName: user.fullName,
        role: user.role,
        passwordHash: hash,
        locale: 'es',
        active: true,
        failedLogins: 0,
      });
      byEmail.set(user.email, saved.id);
    }
    const norte = await this.teams.save({
      name: DEMO_TEAMS.norte.name,
      supervisorId: byEmail.get(DEMO_TEAMS.norte.supervisor)!,
    });
    const sur = await this.teams.save({
      name: DEMO_TEAMS.sur.name,
      supervisorId: byEmail.get(DEMO_TEAMS.sur.supervisor)!,
    });
    await this.users.save({ id: byEmail.get(DEMO_TEAMS.norte.supervisor)!, teamId: norte.id });
    await this.users.save({ id: byEmail.get(DEMO_TEAMS.sur.supervisor)!, teamId: sur.id });
    const agents = { norte: [] as string[], sur: [] as string[] };
    for (const user of DEMO_USERS.filter((u) => u.role === 'agent')) {
      const team = user.team === 'norte' ? norte.id : sur.id;
      const saved = await this.users.save({
        email: user.email,
        fullName: user.fullName,
        role: 'agent',
        teamId: team,
        passwordHash: hash,
        locale: 'es',
        active: true,
        failedLogins: 0,
      });
      agents[user.team ?? 'norte'].push(saved.id);
    }
    this.logger.log(`Created ${DEMO_USERS.length} users in 2 teams`);
    return { norte: norte.id, sur: sur.id, agents };
  }

  private async importFile(
    path: string,
    name: string,
    portfolioId: string,
    mapping: ColumnMapping,
    saveAs: string,
  ): Promise<void> {
    const upload = await this.uploads.register(path, name, null, true);
    const created = await this.imports.create(null, {
      uploadId: upload.uploadId,
      portfolioId,
      mapping,
      saveMappingAs: saveAs,
    });
    let lastPercent = -1;
    const run = await this.runner.run(created.id, {
      progressed: (p) => {
        const percent = Math.floor((100 * p.bytesRead) / Math.max(1, p.sizeBytes));
        if (percent >= lastPercent + 25) {
          lastPercent = percent;
          this.logger.log(`Importing ${name}: ${percent}% (${p.processedRows} rows)`);
        }
      },
    });
    this.logger.log(
      `Imported ${name}: ${run.inserted} accounts, ${run.rejected} rejected rows (see the import's reject report)`,
    );
  }

  /** Goals a little above what each team actually recovered, so attainment hovers near 100 %. */
  private async seedGoals(now: Date): Promise<void> {
    const thisMonth = monthStart(toIsoDate(now));
    const recovered = await this.demo.monthlyRecoveredByTeam();
    const teams = [...new Set(recovered.map((r) => r.teamId))];
    const goals = teams.flatMap((teamId) => {
      const rows = recovered.filter((r) => r.teamId === teamId);
      const currency = rows[0].currency;
      const past = rows.filter((r) => r.month < thisMonth && r.currency === currency);
      const average = past.length ? past.reduce((s, r) => s + r.amount, 0) / past.length : rows[0].amount;
      return [-3, -2, -1, 0].map((offset) => ({
        periodStart: addMonths(thisMonth, offset),
        teamId,
        currency,
        target: Math.round((average * 1.1) / 100) * 100,
      }));
    });
    await this.demo.insertGoals(goals);
  }
}

function addDaysUtc(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
