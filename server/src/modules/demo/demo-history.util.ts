import { addDays, SeededRandom, toIsoDate, type CallOutcome } from '@recupera/shared';

export interface HistoryAccount {
  id: string;
  debtorId: string;
  teamId: string;
  agentId: string;
  clientId: string;
  balanceMinor: number;
  currency: string;
}

export interface HistoryInteraction {
  accountId: string;
  debtorId: string;
  agentId: string;
  teamId: string;
  outcome: CallOutcome;
  dispositionCode: string;
  dialedAt: Date;
  talkSeconds: number;
  wrapSeconds: number;
}

export interface HistoryAgreement {
  key: number;
  accountId: string;
  agentId: string;
  teamId: string;
  currency: string;
  totalMinor: number;
  downPaymentMinor: number;
  createdAt: Date;
  status: 'active' | 'kept' | 'broken';
  installments: {
    seq: number;
    dueDate: string;
    amountMinor: number;
    paidMinor: number;
    status: 'pending' | 'paid' | 'broken' | 'on_hold';
    paidAt: Date | null;
  }[];
}

export interface HistoryPayment {
  accountId: string;
  clientId: string;
  teamId: string;
  agentId: string;
  amountMinor: number;
  currency: string;
  paidAt: Date;
  channel: 'cashier' | 'bank' | 'gateway' | 'direct_debit';
}

export interface DemoHistory {
  interactions: HistoryInteraction[];
  agreements: HistoryAgreement[];
  payments: HistoryPayment[];
}

const DAY_MS = 86_400_000;

function workingMoment(rng: SeededRandom, day: Date): Date {
  // Calls between 13:00 and 23:00 UTC: 08:00–18:00 in Bogotá, Quito and Mexico City.
  return new Date(day.getTime() + rng.int(13 * 3600, 23 * 3600) * 1000);
}

/**
 * A few months of plausible collection work on the given accounts: attempts with outcomes and
 * dispositions, promises turned into payment plans, payments that keep or break them.
 */
export function generateHistory(
  accounts: HistoryAccount[],
  now: Date,
  days: number,
  seed: number,
): DemoHistory {
  const rng = new SeededRandom(seed);
  const today = new Date(`${toIsoDate(now)}T00:00:00Z`);
  const history: DemoHistory = { interactions: [], agreements: [], payments: [] };
  for (const account of accounts) {
    const attempts = rng.int(1, 6);
    let promised = false;
    for (let n = 0; n < attempts; n++) {
      const day = new Date(today.getTime() - rng.int(0, days) * DAY_MS);
      if (day.getUTCDay() === 0) continue;
      const dialedAt = workingMoment(rng, day);
      if (dialedAt > now) continue;
      const outcome = rng.weighted({
        no_answer: 42,
        busy: 8,
        failed: 4,
        machine: 14,
        human: 30,
        abandoned: 2,
      } as Record<CallOutcome, number>);
      let code = 'NC';
      let talk = 0;
      if (outcome === 'human') {
        code = rng.weighted({ RPC: 34, PTP: 22, TER: 18, NEG: 6, DIS: 3, NE: 5, VLL: 11, FAL: 1 });
        if (code === 'PTP' && promised) code = 'RPC';
        talk = rng.int(45, 420);
      }
      history.interactions.push({
        accountId: account.id,
        debtorId: account.debtorId,
        agentId: account.agentId,
        teamId: account.teamId,
        outcome,
        dispositionCode: code,
        dialedAt,
        talkSeconds: talk,
        wrapSeconds: outcome === 'human' ? rng.int(10, 90) : 0,
      });
      if (code === 'PTP' && account.balanceMinor > 0) {
        promised = true;
        history.agreements.push(
          plan(rng, account, dialedAt, now, history.agreements.length + 1, history.payments),
        );
      }
    }
  }
  return history;
}

function plan(
  rng: SeededRandom,
  account: HistoryAccount,
  createdAt: Date,
  now: Date,
  key: number,
  payments: HistoryPayment[],
): HistoryAgreement {
  const count = rng.pick([1, 1, 2, 3, 3, 4, 6]);
  const total = Math.max(100, Math.round(account.balanceMinor * rng.pick([0.6, 0.8, 1])));
  const down = count > 1 ? Math.round(total * 0.2) : 0;
  if (down > 0)
    payments.push({ ...payer(account), amountMinor: down, paidAt: createdAt, channel: 'gateway' });
  const each = Math.floor((total - down) / count);
  const first = toIsoDate(createdAt);
  const keeps = rng.chance(0.68);
  let broken = false;
  const installments: HistoryAgreement['installments'] = [];
  for (let seq = 1; seq <= count; seq++) {
    // The last installment absorbs the rounding so the plan adds up to the cent.
    const amount = seq === count ? total - down - each * (count - 1) : each;
    const dueDate = addDays(first, 7 + (seq - 1) * 30);
    const due = new Date(`${dueDate}T23:59:59Z`);
    if (broken) {
      installments.push({ seq, dueDate, amountMinor: amount, paidMinor: 0, status: 'on_hold', paidAt: null });
    } else if (due > now) {
      installments.push({ seq, dueDate, amountMinor: amount, paidMinor: 0, status: 'pending', paidAt: null });
    } else if (keeps || rng.chance(0.5)) {
      const paidAt = new Date(due.getTime() - rng.int(0, 6) * DAY_MS - rng.int(0, 8 * 3600) * 1000);
      installments.push({ seq, dueDate, amountMinor: amount, paidMinor: amount, status: 'paid', paidAt });
      payments.push({
        ...payer(account),
        amountMinor: amount,
        paidAt,
        channel: rng.pick(['cashier', 'bank', 'gateway', 'direct_debit'] as const),
      });
    } else {
      const partial = rng.chance(0.3) ? Math.floor(amount / 2) : 0;
      const paidAt = partial ? new Date(due.getTime() - DAY_MS) : null;
      if (paidAt) payments.push({ ...payer(account), amountMinor: partial, paidAt, channel: 'cashier' });
      installments.push({ seq, dueDate, amountMinor: amount, paidMinor: partial, status: 'broken', paidAt });
      broken = true;
    }
  }
  const status = broken ? 'broken' : installments.every((i) => i.status === 'paid') ? 'kept' : 'active';
  return {
    key,
    accountId: account.id,
    agentId: account.agentId,
    teamId: account.teamId,
    currency: account.currency,
    totalMinor: total,
    downPaymentMinor: down,
    createdAt,
    status,
    installments,
  };
}

function payer(account: HistoryAccount) {
  return {
    accountId: account.id,
    clientId: account.clientId,
    teamId: account.teamId,
    agentId: account.agentId,
    currency: account.currency,
  };
}
