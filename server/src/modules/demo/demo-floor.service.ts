import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { SeededRandom, type AccessClaims, type CampaignResponse } from '@recupera/shared';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { REDIS } from '../../redis/redis.module';
import { AccessTokenService } from '../auth/access-token.service';
import type { CreateCampaignDto } from '../campaigns/campaigns.dto';
import { CampaignsService } from '../campaigns/campaigns.service';
import { ClientsService } from '../clients/clients.service';
import type { ScriptDraftDto } from '../scripts/scripts.dto';
import { ScriptsService } from '../scripts/scripts.service';
import { TeamsService } from '../teams/teams.service';
import { UsersRepository } from '../users/users.repository';
import { startDelayMs } from './demo-agent-plan.util';
import { DemoAgentBot, type DemoBotAgent, type DemoBotStats, type MintedToken } from './demo-agent-bot.util';
import { DemoDebtorsService } from './demo-debtors.service';
import {
  DEMO_ADMIN_EMAIL,
  DEMO_BOT_EMAILS,
  DEMO_FLOOR_CAMPAIGNS,
  DEMO_FLOOR_SCHEDULE,
  type DemoFloorCampaign,
} from './demo-floor.constant';
import { DEMO_TEAMS } from './demo-users.constant';

/** The disposition set the demo seed creates (DemoRepository.createDispositions). */
const DEMO_DISPOSITION_SET = 'Cobranza estándar';
/** One process drives the demo floor: several servers on one database would double every agent. */
const LEADER_TTL_MS = 60_000;
const LEADER_RENEW_MS = 20_000;
/** How long the bots have to hang up, wrap up and log off when the server stops. */
const LEAVE_DEADLINE_MS = 3_000;
/** Lets the server record the bots' disconnects while Redis is still up. */
const DISCONNECT_GRACE_MS = 300;

const RENEW_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE_IF_OURS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export interface DemoBotRun {
  /** This server's origin, e.g. http://127.0.0.1:3000. */
  baseUrl: string;
  /** Multiplies the bots' talk, wrap-up, break and preview times; the carrier's time scale by default. */
  timeScale?: number;
  seed?: number;
  /** Unscaled milliseconds between two bots' first connections (a few seconds by default). */
  staggerMs?: number;
  now?: () => Date;
}

/**
 * The living demo floor: on the demo agency, with the simulated carrier, one campaign per demo
 * team is kept running and DEMO_AGENTS simulated agents (DemoAgentBot) work it over this server's
 * own /agent socket, so a supervisor or manager who logs in sees states change, calls flow and
 * figures move. agente1 and agente9 are left for people.
 */
@Injectable()
export class DemoFloorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('DemoFloor');
  private readonly instanceId = randomUUID();
  private bots: DemoAgentBot[] = [];
  private jwt: JwtService | null = null;
  private leading = false;
  private leaderTimer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly users: UsersRepository,
    private readonly teams: TeamsService,
    private readonly clients: ClientsService,
    private readonly campaigns: CampaignsService,
    private readonly scripts: ScriptsService,
    private readonly tokens: AccessTokenService,
    private readonly moduleRef: ModuleRef,
    private readonly adapterHost: HttpAdapterHost,
    private readonly debtors: DemoDebtorsService,
  ) {}

  /**
   * Bootstrap runs before the server listens, and the bots need the port: they start once the
   * HTTP server is listening (never, for an application context that does not listen).
   */
  onApplicationBootstrap(): void {
    if (this.config.demoAgents <= 0 || this.config.carrier !== 'simulated') return;
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    const begin = () => {
      this.boot(server).catch((error: unknown) =>
        this.logger.warn(`The demo floor did not start: ${message(error)}`),
      );
    };
    if (server.listening) begin();
    else server.once('listening', begin);
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  get running(): readonly DemoAgentBot[] {
    return this.bots;
  }

  /** Every bot's counters added up: what the floor has done since it started. */
  totals(): DemoBotStats {
    const total: DemoBotStats = {
      connects: 0,
      calls: 0,
      hangUps: 0,
      steps: 0,
      wrapUps: 0,
      agreements: 0,
      callbacks: 0,
      breaks: 0,
      previewsDialled: 0,
      previewsSkipped: 0,
      chats: 0,
      errors: 0,
    };
    for (const bot of this.bots)
      for (const key of Object.keys(total) as (keyof DemoBotStats)[]) total[key] += bot.stats[key];
    return total;
  }

  /** Starts one bot per agent (the demo floor's, or a test's own agents). */
  startBots(agents: readonly DemoBotAgent[], run: DemoBotRun): readonly DemoAgentBot[] {
    if (this.stopped) return [];
    const seed = run.seed ?? this.config.simulatedCarrierSeed;
    const stagger = new SeededRandom(seed);
    const started = agents.map((agent, index) => {
      const bot = new DemoAgentBot({
        baseUrl: run.baseUrl,
        agent,
        seed: seed + 7_919 * (index + 1),
        timeScale: run.timeScale ?? this.config.simulatedCarrierTimeScale,
        startDelayMs: run.staggerMs === undefined ? startDelayMs(index, stagger) : run.staggerMs * index,
        mintToken: (a) => this.mintToken(a),
        logger: {
          debug: (text) => this.logger.debug(text),
          warn: (text) => this.logger.warn(text),
        },
        now: run.now,
      });
      bot.start();
      return bot;
    });
    this.bots.push(...started);
    return started;
  }

  /** Debtors of the bots' teams text in now and then, for the bots (and people) to answer. */
  startDebtors(agents: readonly DemoBotAgent[], run: { timeScale?: number; seed?: number }): void {
    if (this.stopped) return;
    const teamIds = [...new Set(agents.map((a) => a.teamId).filter((id): id is string => id !== null))];
    this.debtors.start({
      teamIds,
      timeScale: run.timeScale ?? this.config.simulatedCarrierTimeScale,
      seed: run.seed ?? this.config.simulatedCarrierSeed,
    });
  }

  /**
   * Every bot hangs up, wraps up and logs off, then disconnects with its timers cleared, so
   * `app.close()` (and `npm start`) exit cleanly and a restart finds nobody on a call that died with
   * this process.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.leaderTimer) clearTimeout(this.leaderTimer);
    this.leaderTimer = null;
    const bots = this.bots;
    this.bots = [];
    this.debtors.stop();
    await Promise.all(bots.map((bot) => bot.leave(LEAVE_DEADLINE_MS)));
    if (this.leading) {
      this.leading = false;
      await this.redis.eval(RELEASE_IF_OURS, 1, this.leaderKey, this.instanceId).catch(() => undefined);
    }
    if (bots.length > 0) await new Promise((resolve) => setTimeout(resolve, DISCONNECT_GRACE_MS));
  }

  private async boot(server: Server): Promise<void> {
    const baseUrl = localOrigin(server.address());
    if (!baseUrl || this.stopped) return;
    const admin = await this.users.findByEmail(DEMO_ADMIN_EMAIL);
    if (!admin || !admin.active) return; // not the demo agency: nothing to bring to life
    if (!(await this.lead())) {
      this.logger.log('Another process runs the demo floor; this one waits to take over');
      this.scheduleLeadership(baseUrl);
      return;
    }
    this.scheduleLeadership(baseUrl);
    await this.startFloor(baseUrl, { id: admin.id, role: admin.role, teamId: admin.teamId });
  }

  private async startFloor(baseUrl: string, admin: AuthUser): Promise<void> {
    const running = await this.ensureCampaigns(admin);
    if (this.stopped) return;
    const agents = await this.demoAgents();
    if (this.stopped) return;
    this.startBots(agents, { baseUrl });
    this.startDebtors(agents, {});
    this.logger.log(
      `Demo floor: ${agents.length} simulated agents (${agents[0]?.email ?? '—'} …) working ${running.join(', ') || 'no campaign'}; ` +
        'agente1 and agente9 are yours. DEMO_AGENTS=0 turns them off',
    );
  }

  private get leaderKey(): string {
    return `${this.config.queuePrefix}:demo-floor:leader`;
  }

  private async lead(): Promise<boolean> {
    const taken = await this.redis.set(this.leaderKey, this.instanceId, 'PX', LEADER_TTL_MS, 'NX');
    this.leading = taken === 'OK';
    return this.leading;
  }

  /** Keeps the lead while running; a waiting process takes over once the leader's key expires. */
  private scheduleLeadership(baseUrl: string): void {
    if (this.stopped) return;
    const timer = setTimeout(
      () => {
        this.leaderTimer = null;
        this.keepLeadership(baseUrl).catch((error: unknown) =>
          this.logger.warn(`Demo floor leadership check failed: ${message(error)}`),
        );
      },
      this.leading ? LEADER_RENEW_MS : LEADER_TTL_MS,
    );
    timer.unref();
    this.leaderTimer = timer;
  }

  private async keepLeadership(baseUrl: string): Promise<void> {
    if (this.stopped) return;
    try {
      if (this.leading) {
        const renewed = await this.redis.eval(
          RENEW_IF_OURS,
          1,
          this.leaderKey,
          this.instanceId,
          LEADER_TTL_MS,
        );
        if (renewed !== 1) {
          this.logger.warn('Another process took over the demo floor: stopping this one’s bots');
          this.leading = false;
          for (const bot of this.bots) bot.stop();
          this.bots = [];
          this.debtors.stop();
        }
      } else if (await this.lead()) {
        const admin = await this.users.findByEmail(DEMO_ADMIN_EMAIL);
        if (admin) await this.startFloor(baseUrl, { id: admin.id, role: admin.role, teamId: admin.teamId });
      }
    } finally {
      this.scheduleLeadership(baseUrl);
    }
  }

  /** The bots' access tokens, minted with the server's own JWT service and checked by its verifier. */
  private async mintToken(agent: DemoBotAgent): Promise<MintedToken> {
    const user = await this.users.findById(agent.id);
    if (!user || !user.active || user.role !== 'agent')
      throw new Error(`${agent.email} cannot work the floor`);
    // The auth module's own JwtService (its secret and algorithm); it exports only the verifier.
    const jwt = this.jwt ?? this.moduleRef.get(JwtService, { strict: false });
    if (!jwt) throw new Error('the auth module has no JwtService');
    this.jwt = jwt;
    const claims: AccessClaims = { sub: user.id, role: user.role, teamId: user.teamId };
    const ttl = this.config.accessTokenTtlSeconds;
    const token = await jwt.signAsync(claims, { expiresIn: ttl });
    await this.tokens.verify(token);
    return { token, expiresAt: Date.now() + ttl * 1_000 };
  }

  private async demoAgents(): Promise<DemoBotAgent[]> {
    const wanted = DEMO_BOT_EMAILS.slice(0, this.config.demoAgents);
    if (this.config.demoAgents > DEMO_BOT_EMAILS.length)
      this.logger.log(
        `DEMO_AGENTS=${this.config.demoAgents}: the demo has ${DEMO_BOT_EMAILS.length} agents free for bots`,
      );
    const agents: DemoBotAgent[] = [];
    for (const email of wanted) {
      const user = await this.users.findByEmail(email);
      if (user?.active && user.role === 'agent') agents.push({ id: user.id, email, teamId: user.teamId });
    }
    return agents;
  }

  /**
   * Each demo team gets a running predictive campaign, created and started as the demo admin (so
   * the audit trail says who): a team that already runs one keeps it, and a demo campaign someone
   * paused stays paused. Returns the names of the campaigns the bots will work.
   */
  private async ensureCampaigns(admin: AuthUser): Promise<string[]> {
    const [teams, portfolios, sets] = await Promise.all([
      this.teams.list(admin),
      this.clients.listPortfolios(),
      this.campaigns.dispositionSets(),
    ]);
    const set = sets.find((s) => s.name === DEMO_DISPOSITION_SET) ?? sets[0];
    const names: string[] = [];
    for (const spec of DEMO_FLOOR_CAMPAIGNS) {
      const team = teams.find((t) => t.name === DEMO_TEAMS[spec.team].name);
      const portfolio = portfolios.find(
        (p) => p.clientCode === spec.clientCode && p.name === spec.portfolioName,
      );
      if (!team || !portfolio || !set) {
        this.logger.warn(`${spec.name}: the demo team, portfolio or disposition set is missing`);
        continue;
      }
      const all = await this.campaigns.list(admin);
      const running = all.find((c) => c.status === 'running' && c.teams.some((t) => t.id === team.id));
      if (running) {
        names.push(running.name);
        continue;
      }
      const own = all.find((c) => c.name === spec.name && c.status !== 'finished');
      if (own?.status === 'paused') {
        this.logger.log(
          `${own.name} is paused: resume it in the console for ${team.name}'s bots to get calls`,
        );
        continue;
      }
      try {
        const campaign = own ?? (await this.createCampaign(admin, spec, portfolio.id, team.id, set.id));
        await this.campaigns.transition(admin, campaign.id, 'start', null);
        names.push(campaign.name);
      } catch (error) {
        this.logger.warn(`${spec.name} did not start: ${message(error)}`);
      }
    }
    return names;
  }

  private async createCampaign(
    admin: AuthUser,
    spec: DemoFloorCampaign,
    portfolioId: string,
    teamId: string,
    dispositionSetId: string,
  ): Promise<CampaignResponse> {
    const dto: CreateCampaignDto = {
      name: spec.name,
      portfolioId,
      dialMode: 'predictive',
      teamIds: [teamId],
      dispositionSetId,
      scriptVersionId: await this.publishScript(admin, spec),
      abandonMessage: spec.abandonMessage,
      schedule: { ...DEMO_FLOOR_SCHEDULE, days: [...DEMO_FLOOR_SCHEDULE.days] },
    };
    return this.campaigns.create(admin, dto, null);
  }

  /** The campaign's script, published; a script that will not publish leaves the campaign without one. */
  private async publishScript(admin: AuthUser, spec: DemoFloorCampaign): Promise<string | null> {
    try {
      const draft: ScriptDraftDto = { ...spec.script, steps: [...spec.script.steps] };
      const script = await this.scripts.create(admin, draft, null);
      return (await this.scripts.publish(admin, script.id, null)).id;
    } catch (error) {
      this.logger.warn(`${spec.script.name} was not published: ${message(error)}`);
      return null;
    }
  }
}

/** Where this process's own sockets reach it: loopback when it listens on every interface. */
function localOrigin(address: string | AddressInfo | null): string | null {
  if (!address || typeof address === 'string') return null;
  const any = address.address === '::' || address.address === '0.0.0.0';
  const host = any ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
