import { Inject, Injectable } from '@nestjs/common';
import {
  hasFigures,
  monthPeriod,
  scopeFigures,
  sumSweep,
  NO_SWEEP,
  type AgingGroup,
  type PeriodCubeCounts,
  type PeriodFigures,
  type PeriodSweepCounts,
  type RecoveryDashboard,
  type SweepRow,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { RecoveryRepository, type CubeFilter, type CubeSums } from '../recovery/recovery.repository';
import { RecoveryService } from '../recovery/recovery.service';
import { PeriodSnapshotsRepository } from './period-snapshots.repository';

function fromDashboard(d: RecoveryDashboard): PeriodCubeCounts {
  return {
    attempts: d.funnel.attempts,
    rightPartyContacts: d.funnel.rightPartyContacts,
    agreements: d.funnel.agreements,
    promisedMinor: d.funnel.promisedMinor,
    recoveredMinor: d.totals.recoveredMinor,
    installmentsDue: d.funnel.installmentsDue,
    installmentsKept: d.funnel.installmentsKept,
  };
}

function fromSums(s: CubeSums): PeriodCubeCounts {
  return {
    attempts: s.attempts,
    rightPartyContacts: s.rightParty,
    agreements: s.agreements,
    promisedMinor: s.promisedMinor,
    recoveredMinor: s.recoveredMinor,
    installmentsDue: s.installmentsDue,
    installmentsKept: s.installmentsKept,
  };
}

const sweepOf = (rows: readonly SweepRow[], id: string): PeriodSweepCounts =>
  rows.find((r) => r.scopeId === id) ?? NO_SWEEP;

/** Per scope id, per currency: a scope's cube sums of the month. */
type CubeByScope = Map<string, Map<string, PeriodCubeCounts>>;

function put(into: CubeByScope, id: string, currency: string, counts: PeriodCubeCounts): void {
  const byCurrency = into.get(id) ?? new Map<string, PeriodCubeCounts>();
  byCurrency.set(currency, counts);
  into.set(id, byCurrency);
}

/**
 * A month's figures per agency, client, portfolio and team, read from what the dashboards read:
 * the recovery dashboard (one per currency) for the agency and the sweep, the same cube sums per
 * team, client and portfolio, and the accounts' receivable balance by aging bucket as it stands.
 */
@Injectable()
export class PeriodFiguresService {
  constructor(
    private readonly recovery: RecoveryService,
    private readonly cube: RecoveryRepository,
    private readonly snapshots: PeriodSnapshotsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async count(user: AuthUser, month: string, now: Date): Promise<PeriodFigures> {
    const overview = await this.recovery.dashboard(user, { month }, now);
    const agency = new Map<string, PeriodCubeCounts>();
    for (const currency of overview.currencies) {
      const dashboard =
        currency === overview.currency
          ? overview
          : await this.recovery.dashboard(user, { month, currency }, now);
      agency.set(currency, fromDashboard(dashboard));
    }
    const [directory, aging] = await Promise.all([this.snapshots.directory(), this.snapshots.agingGroups()]);
    const cubes = await this.scopeCubes(month, overview.currencies, directory.clients, directory.portfolios);
    const { portfolios: portfolioSweep, teams: teamSweep } = overview.sweep;
    const inScope = (pick: (g: AgingGroup) => string | null, id: string) =>
      aging.filter((g) => pick(g) === id);

    const clients = directory.clients.map((c) =>
      scopeFigures(
        { scope: 'client', scopeId: c.id, name: c.name },
        cubes.clients.get(c.id) ?? new Map(),
        sumSweep(
          directory.portfolios.filter((p) => p.clientId === c.id).map((p) => sweepOf(portfolioSweep, p.id)),
        ),
        inScope((g) => g.clientId, c.id),
      ),
    );
    const portfolios = directory.portfolios.map((p) =>
      scopeFigures(
        { scope: 'portfolio', scopeId: p.id, name: p.name, clientId: p.clientId },
        cubes.portfolios.get(p.id) ?? new Map(),
        sweepOf(portfolioSweep, p.id),
        inScope((g) => g.portfolioId, p.id),
      ),
    );
    const teams = directory.teams.map((t) =>
      scopeFigures(
        { scope: 'team', scopeId: t.id, name: t.name },
        cubes.teams.get(t.id) ?? new Map(),
        sweepOf(teamSweep, t.id),
        inScope((g) => g.teamId, t.id),
      ),
    );
    return {
      countedAt: now.toISOString(),
      agency: scopeFigures(
        { scope: 'agency', scopeId: null, name: '' },
        agency,
        sumSweep(portfolioSweep),
        aging,
      ),
      clients: clients.filter(hasFigures),
      portfolios: portfolios.filter(hasFigures),
      teams: teams.filter(hasFigures),
    };
  }

  /**
   * The cube per team (one read per currency), per client and per portfolio (one read each per
   * currency; a client with nothing in a currency has no portfolio with anything in it either).
   */
  private async scopeCubes(
    month: string,
    currencies: readonly string[],
    clients: readonly { id: string }[],
    portfolios: readonly { id: string; clientId: string }[],
  ): Promise<{ teams: CubeByScope; clients: CubeByScope; portfolios: CubeByScope }> {
    const period = monthPeriod(month, this.config.agencyTimeZone);
    const result = { teams: new Map(), clients: new Map(), portfolios: new Map() } as {
      teams: CubeByScope;
      clients: CubeByScope;
      portfolios: CubeByScope;
    };
    for (const currency of currencies) {
      const base: CubeFilter = { firstDay: period.firstDay, endDay: period.endDay, currency, teamIds: null };
      for (const row of await this.cube.sums(base, 'team'))
        if (row.key !== '0') put(result.teams, row.key, currency, fromSums(row));
      for (const client of clients) {
        const [sums] = await this.cube.sums({ ...base, clientId: client.id }, 'all');
        if (!sums) continue;
        put(result.clients, client.id, currency, fromSums(sums));
        for (const portfolio of portfolios.filter((p) => p.clientId === client.id)) {
          const [own] = await this.cube.sums({ ...base, portfolioId: portfolio.id }, 'all');
          if (own) put(result.portfolios, portfolio.id, currency, fromSums(own));
        }
      }
    }
    return result;
  }
}
