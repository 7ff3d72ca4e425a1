import {
  agingBucket,
  GIVEN_NAMES_FEMALE,
  GIVEN_NAMES_MALE,
  SeededRandom,
  SURNAMES,
  type CallOutcome,
} from '@recupera/shared';
import { AgencyCalendar } from './agency-calendar.util';
import {
  AGENTS_PER_TEAM,
  agentId,
  CLIENTS,
  DISPOSITIONS,
  OUTCOME_WEIGHTS,
  PORTFOLIOS,
  PRODUCTS,
  PTP_DISPOSITION,
  REDES,
  SECTORS,
  TEAMS,
  teamsOfPortfolio,
  ZONAS,
  type BenchClient,
  type BenchPortfolio,
} from './metrics-shape.constant';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const N = '\\N';

/** What the generator is asked for; everything it writes follows from these and the seed. */
export interface SeedPlan {
  seed: number;
  accounts: number;
  interactions: number;
  payments: number;
  zone: string;
  /** 'YYYY-MM', oldest first. */
  months: string[];
  windowStartMs: number;
  windowEndMs: number;
  nowMs: number;
  /** Accounts per chunk the loader writes in one LOAD DATA per table. */
  chunkAccounts: number;
}

/** The tables the generator fills, in load order, with the columns of their TSV lines. */
export const SEED_COLUMNS = {
  debtors: [
    'id',
    'client_id',
    'debtor_key',
    'national_id',
    'full_name',
    'time_zone',
    'jurisdiction',
    'created_at',
    'updated_at',
  ],
  accounts: [
    'id',
    'client_id',
    'portfolio_id',
    'debtor_id',
    'account_number',
    'currency',
    'original_amount_minor',
    'balance_minor',
    'due_date',
    'days_past_due',
    'aging_bucket',
    'product',
    'sector',
    'red',
    'zona',
    'score',
    'status',
    'assigned_team_id',
    'assigned_agent_id',
    'last_attempt_at',
    'last_disposition_code',
    'created_at',
    'updated_at',
  ],
  account_assignments: [
    'id',
    'account_id',
    'team_id',
    'agent_id',
    'assigned_at',
    'unassigned_at',
    'rolled_up',
  ],
  interactions: [
    'id',
    'account_id',
    'debtor_id',
    'agent_id',
    'team_id',
    'channel',
    'direction',
    'outcome',
    'stage',
    'disposition_id',
    'queued_at',
    'dialed_at',
    'ringing_at',
    'answered_at',
    'connected_at',
    'ended_at',
    'talk_seconds',
    'wrap_seconds',
    'created_at',
    'rolled_up',
  ],
  agreements: [
    'id',
    'account_id',
    'agent_id',
    'team_id',
    'interaction_id',
    'status',
    'currency',
    'total_minor',
    'down_payment_minor',
    'waiver_minor',
    'installments_count',
    'settles_in_full',
    'created_at',
    'updated_at',
    'rolled_up',
  ],
  installments: [
    'agreement_id',
    'seq',
    'due_date',
    'amount_minor',
    'paid_minor',
    'status',
    'paid_at',
    'rolled_up',
  ],
  payments: [
    'id',
    'account_id',
    'client_id',
    'team_id',
    'agent_id',
    'amount_minor',
    'currency',
    'channel',
    'status',
    'reference',
    'paid_at',
    'reversed_at',
    'created_at',
    'rolled_up',
  ],
} as const;
export type SeedTable = keyof typeof SEED_COLUMNS;
export const SEED_TABLES = Object.keys(SEED_COLUMNS) as SeedTable[];

export interface SeedChunk {
  firstAccount: number;
  lastAccount: number;
  rows: Record<SeedTable, number>;
  /** UTF-8 TSV, each in its own ArrayBuffer (transferable to the loading thread). */
  data: Record<SeedTable, Uint8Array>;
}

/**
 * A table's lines, kept as short strings only until 64 KB gather and then as bytes: tens of
 * millions of lines held as strings until a chunk ends keep the garbage collector busier than the
 * generator itself.
 */
class TsvWriter {
  rows = 0;
  private pending = '';
  private readonly parts: Buffer[] = [];
  private bytes = 0;

  line(text: string): void {
    this.pending += `${text}\n`;
    this.rows++;
    if (this.pending.length >= 65_536) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const part = Buffer.from(this.pending, 'utf8');
    this.parts.push(part);
    this.bytes += part.length;
    this.pending = '';
  }

  finish(): Uint8Array {
    this.flush();
    const out = new Uint8Array(this.bytes);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

/** Applied recovery per team (1-based) and seeded month, what the goals are set against. */
export type TeamMonthRecovery = number[][];

interface Span {
  from: number;
  /** null: still assigned. */
  to: number | null;
  team: number;
  agent: number | null;
}

interface Active {
  from: number;
  to: number;
  span: Span;
}

interface AccountPlan {
  rng: SeededRandom;
  client: BenchClient;
  portfolio: BenchPortfolio;
  placedAt: number;
  spans: Span[];
  active: Active[];
  activeMs: number;
  intensity: number;
  payer: boolean;
  wantsAgreement: boolean;
}

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w));
}

function pickCumulative(rng: SeededRandom, cum: readonly number[]): number {
  const roll = rng.next() * cum[cum.length - 1];
  let i = 0;
  while (i < cum.length - 1 && roll >= cum[i]) i++;
  return i;
}

const CLIENT_CUM = cumulative(CLIENTS.map((c) => c.weight));
const PORTFOLIOS_OF = CLIENTS.map((c) => PORTFOLIOS.filter((p) => p.clientId === c.id));
const PORTFOLIO_CUM = PORTFOLIOS_OF.map((ps) => cumulative(ps.map((p) => p.weight)));
const OUTCOMES = Object.keys(OUTCOME_WEIGHTS) as CallOutcome[];
const OUTCOME_CUM = cumulative(OUTCOMES.map((o) => OUTCOME_WEIGHTS[o]));
/** Dispositions a person-answered call gets on its own; PTP comes with an agreement. */
const FREE_DISPOSITIONS = DISPOSITIONS.filter((d) => d.id !== PTP_DISPOSITION);
const FREE_DISPOSITION_CUM = cumulative(FREE_DISPOSITIONS.map((d) => d.weight));
const DISPOSITION_CODE = new Map(DISPOSITIONS.map((d) => [d.id, d.code]));
const INSTALLMENT_COUNTS = [1, 1, 2, 3, 3, 4, 6];
const CHANNELS = ['cashier', 'bank', 'gateway', 'direct_debit', 'payroll'];

/** A fresh, order-independent random stream per account, so a chunk can be regenerated alone. */
function accountRng(seed: number, account: number): SeededRandom {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(account, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return new SeededRandom((h ^ (h >>> 16)) >>> 0);
}

/**
 * A seeded, realistic collection agency: three clients in three currencies, ten portfolios, 20 teams
 * of 25 agents; every account placed with a team (and mostly an agent) at some point of the 18 months
 * before the window's end, some reassigned mid-month and some recalled; attempts only while assigned,
 * in working hours, with the demo's outcome and disposition mix; promises to pay turned into payment
 * plans that are kept, paid late or broken; payments (some reversed) attributed to whoever held the
 * account that day. Row counts of interactions and payments are exact: each account takes its share
 * of the totals in proportion to how long it was assigned inside the window (pass 1 computes those
 * shares, pass 2 writes the rows, chunk by chunk).
 */
export class MetricsGenerator {
  readonly calendar: AgencyCalendar;
  private readonly interactionQuota: Int32Array;
  private readonly paymentQuota: Int32Array;
  private readonly todayIndex: number;
  private nextAssignment = 1;
  private nextInteraction = 1;
  private nextAgreement = 1;
  private nextPayment = 1;
  readonly recovery: TeamMonthRecovery;

  constructor(private readonly plan: SeedPlan) {
    this.calendar = new AgencyCalendar(plan.zone, plan.months, 600);
    this.todayIndex = this.calendar.dayIndex(plan.nowMs);
    this.recovery = Array.from({ length: TEAMS + 1 }, () => plan.months.map(() => 0));
    const interactionWeights = new Float64Array(plan.accounts);
    const paymentWeights = new Float64Array(plan.accounts);
    for (let i = 0; i < plan.accounts; i++) {
      const account = this.planAccount(i + 1);
      interactionWeights[i] = account.activeMs * account.intensity;
      paymentWeights[i] = account.payer ? account.activeMs * (account.wantsAgreement ? 2.5 : 1) : 0;
    }
    this.interactionQuota = quotas(interactionWeights, plan.interactions);
    this.paymentQuota = quotas(paymentWeights, plan.payments);
  }

  get chunkCount(): number {
    return Math.ceil(this.plan.accounts / this.plan.chunkAccounts);
  }

  /** The draws both passes share; the rest of the account's stream continues from `rng`. */
  private planAccount(account: number): AccountPlan {
    const { windowStartMs, windowEndMs, nowMs } = this.plan;
    const rng = accountRng(this.plan.seed, account);
    const c = pickCumulative(rng, CLIENT_CUM);
    const client = CLIENTS[c];
    const portfolio = PORTFOLIOS_OF[c][pickCumulative(rng, PORTFOLIO_CUM[c])];
    // Placements arrive steadily from 8 months before the window; most are recalled after 2–8 months.
    const placedFrom = windowStartMs - 240 * DAY_MS;
    const placedAt = Math.round(placedFrom + rng.next() * (windowEndMs - 5 * DAY_MS - placedFrom));
    const [teamA, teamB] = teamsOfPortfolio(portfolio.id);
    const seat = (r: SeededRandom, avoid: number | null): number | null => {
      if (r.chance(0.05)) return null;
      let s = r.int(1, AGENTS_PER_TEAM);
      if (avoid !== null && s === avoid) s = (s % AGENTS_PER_TEAM) + 1;
      return s;
    };
    let team = rng.chance(0.5) ? teamA : teamB;
    let chair = seat(rng, null);
    let recallAt: number | null = rng.chance(0.6)
      ? placedAt + rng.int(60, 240) * DAY_MS + rng.int(0, 8 * 3600) * 1000
      : null;
    if (recallAt !== null && recallAt >= nowMs) recallAt = null;
    const liveEnd = recallAt ?? nowMs;
    const moves = rng.chance(0.3) ? (rng.chance(0.3) ? 2 : 1) : 0;
    const moveTimes: number[] = [];
    const moveFrom = placedAt + 3 * DAY_MS;
    const moveTo = liveEnd - DAY_MS;
    for (let k = 0; k < moves && moveTo > moveFrom; k++)
      moveTimes.push(Math.round(moveFrom + rng.next() * (moveTo - moveFrom)));
    moveTimes.sort((a, b) => a - b);
    const spans: Span[] = [];
    let from = placedAt;
    for (const at of moveTimes) {
      spans.push({ from, to: at, team, agent: chair === null ? null : agentId(team, chair) });
      if (!rng.chance(0.7)) team = team === teamA ? teamB : teamA;
      chair = seat(rng, chair);
      from = at;
    }
    spans.push({ from, to: recallAt, team, agent: chair === null ? null : agentId(team, chair) });
    const active: Active[] = [];
    let activeMs = 0;
    for (const span of spans) {
      const a = Math.max(span.from, windowStartMs);
      const b = Math.min(span.to ?? windowEndMs, windowEndMs);
      if (b > a) {
        active.push({ from: a, to: b, span });
        activeMs += b - a;
      }
    }
    const u = rng.next();
    const intensity = 0.25 + 2.5 * u * u;
    const payer = rng.chance(0.35);
    const wantsAgreement = payer && rng.chance(0.5);
    return { rng, client, portfolio, placedAt, spans, active, activeMs, intensity, payer, wantsAgreement };
  }

  /** Chunk `index` (0-based): its accounts with everything that happened to them, as TSV per table. */
  chunk(index: number): SeedChunk {
    const first = index * this.plan.chunkAccounts + 1;
    const last = Math.min(this.plan.accounts, first + this.plan.chunkAccounts - 1);
    const out = Object.fromEntries(SEED_TABLES.map((t) => [t, new TsvWriter()])) as Record<
      SeedTable,
      TsvWriter
    >;
    for (let account = first; account <= last; account++) this.writeAccount(account, out);
    const rows = {} as Record<SeedTable, number>;
    const data = {} as Record<SeedTable, Uint8Array>;
    for (const table of SEED_TABLES) {
      rows[table] = out[table].rows;
      data[table] = out[table].finish();
    }
    return { firstAccount: first, lastAccount: last, rows, data };
  }

  private writeAccount(account: number, out: Record<SeedTable, TsvWriter>): void {
    const cal = this.calendar;
    const dt = (ms: number | null) => (ms === null ? N : cal.datetime(ms));
    const id = (v: number | null) => (v === null ? N : String(v));
    const plan = this.planAccount(account);
    const { rng, client, portfolio, spans, active } = plan;
    const { windowEndMs, nowMs } = this.plan;

    const female = rng.chance(0.5);
    const name = `${rng.pick(female ? GIVEN_NAMES_FEMALE : GIVEN_NAMES_MALE)} ${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}`;
    const placed = dt(plan.placedAt);
    out.debtors.line(
      `${account}\t${client.id}\tD${account}\t${rng.int(10_000_000, 1_999_999_999)}\t${name}\t${client.timeZone}\t${client.country}\t${placed}\t${placed}`,
    );

    const [lo, hi] = portfolio.balance;
    const original = Math.round((lo + rng.next() * rng.next() * (hi - lo)) * 100);
    const balance = Math.max(100, Math.round(original * (0.2 + 0.8 * rng.next())));
    const dueIndex = cal.dayIndex(plan.placedAt) - rng.int(10, 400);
    const daysPastDue = Math.max(0, this.todayIndex - dueIndex);

    for (const span of spans)
      out.account_assignments.line(
        `${this.nextAssignment++}\t${account}\t${span.team}\t${id(span.agent)}\t${dt(span.from)}\t${dt(span.to)}\t0`,
      );

    // Attempts: instants spread over the account's assigned time inside the window, in working hours.
    const count = this.interactionQuota[account - 1];
    const at = new Float64Array(count);
    const spanOf: Active[] = new Array<Active>(count);
    const activeCum = cumulative(active.map((a) => a.to - a.from));
    const order: number[] = [];
    for (let j = 0; j < count; j++) {
      const a = active[pickCumulative(rng, activeCum)];
      const raw = a.from + rng.next() * (a.to - a.from);
      let k = cal.dayIndex(raw);
      if (cal.weekday(k) === 0) k++;
      const snapped = cal.dayStart(k) + 8 * HOUR_MS + rng.int(0, 12 * 3600 - 1) * 1000 + rng.int(0, 999);
      at[j] = snapped >= a.from && snapped < a.to ? snapped : Math.round(raw);
      spanOf[j] = a;
      order.push(j);
    }
    order.sort((x, y) => at[x] - at[y]);

    // The promise an agreement comes from: a person-answered call in the first two thirds of the window.
    const cutoff = windowEndMs - 20 * DAY_MS;
    let ptpIndex = -1;
    if (plan.wantsAgreement) {
      const candidates = order.filter((j) => at[j] < cutoff);
      if (candidates.length > 0)
        ptpIndex =
          candidates[Math.floor(rng.next() * Math.min(candidates.length, 1 + (candidates.length * 2) / 3))];
    }
    let lastAttempt: number | null = null;
    let lastCode: string | null = null;
    let ptp: { id: number; endedAt: number; team: number; agent: number } | null = null;
    for (const j of order) {
      const a = spanOf[j];
      const queued = at[j];
      const interaction = this.nextInteraction++;
      const span = a.span;
      const skipped = j !== ptpIndex && rng.chance(0.01);
      let outcome: CallOutcome | null = j === ptpIndex ? 'human' : OUTCOMES[pickCumulative(rng, OUTCOME_CUM)];
      if (skipped) outcome = null;
      const human = outcome === 'human';
      const seatAgent = span.agent ?? agentId(span.team, rng.int(1, AGENTS_PER_TEAM));
      // Predictive campaigns dial without an agent; progressive and preview ones with one.
      const agent = human || skipped ? seatAgent : rng.chance(0.5) ? span.agent : null;
      const disposition = human
        ? j === ptpIndex
          ? PTP_DISPOSITION
          : FREE_DISPOSITIONS[pickCumulative(rng, FREE_DISPOSITION_CUM)].id
        : null;
      const dialed = skipped ? null : queued + rng.int(500, 3_000);
      const ringing = dialed === null ? null : dialed + rng.int(800, 2_000);
      const answered =
        ringing !== null && (human || outcome === 'machine' || outcome === 'abandoned')
          ? ringing + rng.int(3_000, 20_000)
          : null;
      const connected = human && answered !== null ? answered + rng.int(300, 1_500) : null;
      const talk = human ? rng.int(45, 420) : 0;
      const wrap = human ? rng.int(10, 90) : 0;
      let ended: number;
      if (skipped) ended = queued + rng.int(5_000, 60_000);
      else if (connected !== null) ended = connected + talk * 1000;
      else if (answered !== null) ended = answered + rng.int(1_000, 4_000);
      else if (outcome === 'no_answer') ended = ringing! + 25_000;
      else ended = ringing! + rng.int(500, 3_000);
      out.interactions.line(
        `${interaction}\t${account}\t${account}\t${id(agent)}\t${span.team}\tvoice\toutbound\t${outcome ?? N}\t${skipped ? 'skipped' : 'ended'}\t${id(disposition)}\t${dt(queued)}\t${dt(dialed)}\t${dt(ringing)}\t${dt(answered)}\t${dt(connected)}\t${dt(ended)}\t${talk}\t${wrap}\t${dt(queued)}\t0`,
      );
      if (!skipped) {
        lastAttempt = dialed;
        lastCode = disposition === null ? null : DISPOSITION_CODE.get(disposition)!;
      }
      if (j === ptpIndex)
        ptp = { id: interaction, endedAt: ended + wrap * 1000, team: span.team, agent: seatAgent };
    }

    let paymentsLeft = this.paymentQuota[account - 1];
    const pay = (paidAt: number, amount: number, channel: string) => {
      const holder = spans.find((s) => s.from <= paidAt && (s.to === null || paidAt < s.to)) ?? null;
      const payment = this.nextPayment++;
      let reversedAt: number | null = rng.chance(0.02)
        ? paidAt + rng.int(1, 10) * DAY_MS + rng.int(0, 8 * 3600) * 1000
        : null;
      if (reversedAt !== null && reversedAt > nowMs) reversedAt = null;
      const paid = dt(paidAt);
      out.payments.line(
        `${payment}\t${account}\t${client.id}\t${id(holder?.team ?? null)}\t${id(holder?.agent ?? null)}\t${amount}\t${client.currency}\t${channel}\t${reversedAt === null ? 'applied' : 'reversed'}\tR${payment}\t${paid}\t${dt(reversedAt)}\t${paid}\t0`,
      );
      const month = cal.monthIndexOf(paidAt);
      if (reversedAt === null && holder && month >= 0) this.recovery[holder.team][month] += amount;
      paymentsLeft--;
    };

    let status = 'active';
    if (ptp) {
      const agreement = this.nextAgreement++;
      const installments = rng.pick(INSTALLMENT_COUNTS);
      const total = Math.max(100, Math.round(balance * rng.pick([0.6, 0.8, 1])));
      const down = installments > 1 ? Math.round(total * 0.2) : 0;
      const waiver = rng.chance(0.2) ? Math.round(total * 0.1) : 0;
      const cancelled = rng.chance(0.03);
      const keeps = rng.chance(0.68);
      if (down > 0 && !cancelled && paymentsLeft > 0 && ptp.endedAt + HOUR_MS < windowEndMs)
        pay(ptp.endedAt + rng.int(60, 3_600) * 1000, down, 'gateway');
      const each = Math.floor((total - down) / installments);
      const firstDue = cal.dayIndex(ptp.endedAt) + 7;
      let broken = false;
      let allPaid = true;
      for (let seq = 1; seq <= installments; seq++) {
        // The last installment absorbs the rounding so the plan adds up to the cent.
        const amount = seq === installments ? total - down - each * (installments - 1) : each;
        const dueK = firstDue + (seq - 1) * 30;
        const due = cal.iso(dueK);
        let state = 'pending';
        let paidAt: number | null = null;
        if (cancelled) state = 'cancelled';
        else if (broken) state = 'on_hold';
        else {
          const endOfDue = cal.dayStart(dueK + 1);
          // Kept: paid by the due date; late: 4–25 days after it (past the grace days); else never.
          const kept = keeps || rng.chance(0.5);
          const late = !kept && rng.chance(0.5);
          const when = kept
            ? endOfDue - rng.int(0, 6) * DAY_MS - rng.int(1, 10 * 3600) * 1000
            : endOfDue + rng.int(4, 25) * DAY_MS + rng.int(0, 10 * 3600) * 1000;
          if ((kept || late) && when < windowEndMs && paymentsLeft > 0) {
            paidAt = Math.max(when, ptp.endedAt + HOUR_MS);
            state = 'paid';
            pay(paidAt, amount, rng.pick(CHANNELS));
          } else if (endOfDue <= windowEndMs && !late) {
            state = 'broken';
            broken = true;
          }
        }
        if (state !== 'paid') allPaid = false;
        out.installments.line(
          `${agreement}\t${seq}\t${due}\t${amount}\t${state === 'paid' ? amount : 0}\t${state}\t${dt(paidAt)}\t0`,
        );
      }
      const agreementStatus = cancelled ? 'cancelled' : broken ? 'broken' : allPaid ? 'kept' : 'active';
      const created = dt(ptp.endedAt);
      out.agreements.line(
        `${agreement}\t${account}\t${ptp.agent}\t${ptp.team}\t${ptp.id}\t${agreementStatus}\t${client.currency}\t${total}\t${down}\t${waiver}\t${installments}\t${installments === 1 ? 1 : 0}\t${created}\t${created}\t0`,
      );
      if (agreementStatus === 'active') status = 'in_agreement';
      if (agreementStatus === 'kept') status = 'paid';
    }
    // Whatever the account's share of payments still holds: partial payments while it was assigned.
    while (paymentsLeft > 0) {
      const a = active[pickCumulative(rng, activeCum)];
      const when = Math.round(a.from + rng.next() * (a.to - a.from));
      pay(when, Math.max(100, Math.round(balance * (0.02 + 0.28 * rng.next()))), rng.pick(CHANNELS));
    }

    const open = spans[spans.length - 1].to === null ? spans[spans.length - 1] : null;
    if (!open) status = status === 'paid' ? 'paid' : 'closed';
    else if (status === 'active' && portfolio.stage === 'judicial' && rng.chance(0.3)) status = 'legal';
    out.accounts.line(
      [
        account,
        client.id,
        portfolio.id,
        account,
        `A${String(account).padStart(9, '0')}`,
        client.currency,
        original,
        balance,
        cal.iso(dueIndex),
        daysPastDue,
        agingBucket(daysPastDue),
        rng.pick(PRODUCTS),
        rng.pick(SECTORS),
        rng.pick(REDES),
        `Zona ${rng.int(1, ZONAS)}`,
        rng.int(300, 850),
        status,
        id(open?.team ?? null),
        id(open?.agent ?? null),
        dt(lastAttempt),
        lastCode ?? N,
        placed,
        placed,
      ].join('\t'),
    );
  }
}

/** Splits `total` over the weights exactly (cumulative rounding: the parts always add up to it). */
function quotas(weights: Float64Array, total: number): Int32Array {
  const out = new Int32Array(weights.length);
  let sum = 0;
  let lastWeighted = -1;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    if (weights[i] > 0) lastWeighted = i;
  }
  if (lastWeighted < 0) return out;
  let running = 0;
  let given = 0;
  for (let i = 0; i <= lastWeighted; i++) {
    running += weights[i];
    // The last weighted account takes what rounding left, so the parts add up to `total` exactly.
    const upTo = i === lastWeighted ? total : Math.min(total, Math.floor((total * running) / sum));
    out[i] = upTo - given;
    given = upTo;
  }
  return out;
}
