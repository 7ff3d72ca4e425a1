import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  addDays,
  agencyDate,
  cumulativeWeights,
  daysBetween,
  feePeriodKey,
  isIsoDate,
  type AccountChargesResponse,
  type AccrualRunResult,
  type IsoDate,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { AccountsService } from '../accounts/accounts.service';
import { AuditService } from '../audit/audit.service';
import {
  ChargeAccrualRepository,
  type PortfolioTerms,
  type RunTerms,
  type WeightRow,
} from './charge-accrual.repository';
import { ChargeLedgerRepository } from './charge-ledger.repository';
import { toLedgerEntryResponse } from './charges.mapper';

/** Accounts per transaction: a chunk's row locks last a few seconds, so payments never wait long. */
const CHUNK_IDS = 100_000;
/** How long an explicit run waits for one already going (the job itself never waits). */
const EXPLICIT_RUN_WAIT_SECONDS = 600;
const HISTORY_LIMIT = 200;

/**
 * Late interest and collection fees: the daily accrual (set-based, in chunks of account ids, each
 * account passed exactly once per day whatever runs it and however often, catching up every day
 * missed), and what an account has been charged.
 */
@Injectable()
export class ChargesService {
  private readonly logger = new Logger(ChargesService.name);

  constructor(
    private readonly accruals: ChargeAccrualRepository,
    private readonly ledger: ChargeLedgerRepository,
    private readonly accounts: AccountsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The day the daily job accrues through: yesterday in the agency's calendar. */
  yesterday(now: Date): IsoDate {
    return addDays(agencyDate(this.config.agencyTimeZone, now), -1);
  }

  /**
   * Accrues every day not accrued yet, through `through`, for every account whose client or
   * portfolio has a rule, and charges the collection fees due on that day. Another run in progress
   * is waited for (then this one finds those days done); with `waitSeconds` 0 it is skipped instead
   * and null comes back.
   */
  async accrueThrough(through: IsoDate, waitSeconds = EXPLICIT_RUN_WAIT_SECONDS): Promise<AccrualRunResult> {
    const result = await this.run(through, waitSeconds);
    return result ?? { through, accounts: 0, days: 0, fees: 0, seconds: 0 };
  }

  /** The job's run: through yesterday, skipped when another process is at it. */
  accrueDue(now = new Date()): Promise<AccrualRunResult | null> {
    return this.run(this.yesterday(now), 0);
  }

  private async run(through: IsoDate, waitSeconds: number): Promise<AccrualRunResult | null> {
    if (!isIsoDate(through)) throw AppException.invalid('through must be a date (YYYY-MM-DD)');
    const started = performance.now();
    return this.accruals.locked(waitSeconds, async (q) => {
      const { terms, weights } = runTermsOf(await this.accruals.portfolioTerms(q), through);
      const range = await this.accruals.idRange(q);
      if (terms.length === 0 || !range) return { through, accounts: 0, days: 0, fees: 0, seconds: 0 };
      await this.accruals.prepare(q, through, terms, weights);
      const runId = await this.accruals.startRun(q, through, new Date());
      let accounts = 0;
      let fees = 0;
      let interestMinor = 0;
      let earliest: IsoDate | null = null;
      for (let first = range.first; first <= range.last; first += CHUNK_IDS) {
        const last = Math.min(first + CHUNK_IDS - 1, range.last);
        const chunk = await this.accruals.inTransaction(q, async () => {
          const accrued = await this.accruals.accrueChunk(q, runId, first, last);
          return { ...accrued, fees: await this.accruals.chargeFeesChunk(q, runId, first, last) };
        });
        accounts += chunk.accounts;
        fees += chunk.fees;
        interestMinor += chunk.interestMinor;
        if (chunk.earliest && (!earliest || chunk.earliest < earliest)) earliest = chunk.earliest;
      }
      const days = earliest ? daysBetween(earliest, through) + 1 : 0;
      const seconds = Math.round(performance.now() - started) / 1000;
      await this.accruals.finishRun(q, runId, { accounts, days, fees, interestMinor, seconds }, new Date());
      if (accounts + fees > 0) {
        await this.audit.record({
          actor: null,
          action: 'charges.accrued',
          entityType: 'charge_run',
          entityId: runId,
          after: { through, accounts, days, fees, interestMinor, seconds },
        });
        this.logger.log(
          `charges through ${through}: ${accounts} accounts over ${days} day(s), ${fees} fees, ${seconds} s`,
        );
      }
      return { through, accounts, days, fees, seconds };
    });
  }

  /** What an account owes in interest, fees and principal, under which terms, and how it came to be. */
  async accountCharges(user: AuthUser, accountId: string): Promise<AccountChargesResponse> {
    await this.accounts.reachable(user, accountId);
    const [money, terms, accruedThrough, history] = await Promise.all([
      this.ledger.money(accountId),
      this.ledger.termsOf(accountId),
      this.ledger.accruedThrough(accountId),
      this.ledger.history(accountId, HISTORY_LIMIT),
    ]);
    if (!money) throw AppException.notFound('Account');
    return {
      accountId,
      currency: money.currency,
      balanceMinor: money.balanceMinor,
      interestMinor: money.interestMinor,
      feesMinor: money.feesMinor,
      principalMinor: money.balanceMinor - money.interestMinor - money.feesMinor,
      accruedThrough,
      terms,
      history: history.map(toLedgerEntryResponse),
    };
  }
}

/**
 * Portfolios with identical interest terms share one series of weights; the series run from the
 * day before the earliest rule starts through the run's day.
 */
function runTermsOf(
  portfolios: readonly PortfolioTerms[],
  through: IsoDate,
): { terms: RunTerms[]; weights: WeightRow[] } {
  const ids = new Map<string, number>();
  const terms = portfolios.map((p) => {
    const key = `${p.ratePpm}|${p.period}|${p.monthlyCapPpm ?? ''}`;
    if (!ids.has(key)) ids.set(key, ids.size + 1);
    return { ...p, termsId: ids.get(key)!, feePeriodKey: feePeriodKey(p.feePeriod, through) };
  });
  const from = terms.reduce<IsoDate | null>(
    (min, t) => (!min || t.accrueFrom < min ? t.accrueFrom : min),
    null,
  );
  const weights: WeightRow[] = [];
  if (from && from <= through)
    for (const [, termsId] of ids) {
      const sample = terms.find((t) => t.termsId === termsId)!;
      for (const w of cumulativeWeights(sample, from, through))
        weights.push({ termsId, day: w.day, cumulative: w.cumulative });
    }
  return { terms, weights };
}
