import {
  accrueAccount,
  addDays,
  feeBaseOf,
  feeDue,
  feePeriodKey,
  monthlyCapPpm,
  trancheFee,
  type AccountChargesResponse,
  type AccountStatus,
  type AccrualState,
  type ApiErrorBody,
  type ChargeableAccount,
  type ChargeRuleResponse,
  type FeePeriod,
  type FeeScheduleResponse,
  type FeeTranche,
  type InterestCapResponse,
  type InterestTerms,
  type IsoDate,
} from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';
import { ChargeWaiversService } from './charge-waivers.service';
import { ChargesService } from './charges.service';

type Raw = Record<string, unknown>;

/** Chile's seeded schedule (art. 37 Ley 19.496 at a UF of 39 500 CLP). */
const CHILE: FeeTranche[] = [
  { lowerMinor: 0, upperMinor: 395_000, ratePpm: 90_000 },
  { lowerMinor: 395_000, upperMinor: 1_975_000, ratePpm: 60_000 },
  { lowerMinor: 1_975_000, upperMinor: null, ratePpm: 30_000 },
];
const CO_CAP = monthlyCapPpm('annual_effective', 250_000);

/** What the pure functions say an account should be after each run, to compare with the database. */
interface Model {
  key: string;
  id: string;
  account: ChargeableAccount;
  state: AccrualState | null;
  terms: InterestTerms;
  accrueFrom: IsoDate;
  fee: { afterDays: number; period: FeePeriod; tranches: FeeTranche[] } | null;
  feesCharged: Set<string>;
}

function simulate(m: Model, through: IsoDate): void {
  const accrual = accrueAccount(m.account, m.state, m.terms, m.accrueFrom, through);
  if (accrual) {
    m.account.interestMinor += accrual.interestMinor;
    m.account.balanceMinor += accrual.interestMinor;
    m.state = { accruedThrough: through, carry: accrual.carry };
  }
  if (m.fee && through >= m.accrueFrom && feeDue(m.account, m.fee.afterDays, through)) {
    const period = feePeriodKey(m.fee.period, through);
    const fee = trancheFee(feeBaseOf(m.account), m.fee.tranches);
    if (!m.feesCharged.has(period) && fee > 0) {
      m.feesCharged.add(period);
      m.account.feesMinor += fee;
      m.account.balanceMinor += fee;
    }
  }
}

/**
 * Client BCO (COP, Colombia): 0.2 % a day of late interest, clipped by the usury cap, and its
 * portfolio ALT overriding it with 1.5 % a month; client RET (CLP, Chile): 1 % a month and collection
 * fees by Chile's tranches past 20 days, monthly; client AGU (no rule) for the waiver. Accounts are
 * created on 1 October 2026; rules start on 1 November.
 */
describe('Late interest and collection fees', () => {
  let t: TestApp;
  let charges: ChargesService;
  const ids: Record<string, string> = {};
  const models = new Map<string, Model>();
  let adminToken: string;
  let agentToken: string;

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  async function rows(sql: string, params: unknown[] = []): Promise<Raw[]> {
    const [result] = await t.db.query(sql, params);
    return result as Raw[];
  }

  async function client(code: string, currency: string, country: string): Promise<void> {
    ids[code] = await insertId('INSERT INTO clients (code, name, country, currency) VALUES (?, ?, ?, ?)', [
      code,
      code,
      country,
      currency,
    ]);
  }

  async function portfolio(name: string, clientCode: string, jurisdiction: string, currency: string) {
    ids[name] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, ?, 'tardia', 'banking', ?, ?)",
      [ids[clientCode], name, currency, jurisdiction],
    );
  }

  async function account(
    key: string,
    where: { client: string; portfolio: string; currency: string },
    a: {
      status: AccountStatus;
      dueDate: IsoDate | null;
      daysPastDue: number;
      balanceMinor: number;
      interestMinor?: number;
      feesMinor?: number;
      createdAt?: string;
    },
  ): Promise<ChargeableAccount> {
    const debtor = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, 'America/Bogota', 'CO')",
      [ids[where.client], key, `Deudor ${key}`],
    );
    const createdAt = a.createdAt ?? '2026-10-01 12:00:00';
    ids[key] = await insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, interest_minor, fees_minor, due_date, days_past_due, aging_bucket, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '31-60', ?, ?)`,
      [
        ids[where.client],
        ids[where.portfolio],
        debtor,
        key,
        where.currency,
        a.balanceMinor,
        a.balanceMinor,
        a.interestMinor ?? 0,
        a.feesMinor ?? 0,
        a.dueDate,
        a.daysPastDue,
        a.status,
        createdAt,
      ],
    );
    return {
      status: a.status,
      dueDate: a.dueDate,
      daysPastDue: a.daysPastDue,
      createdOn: createdAt.slice(0, 10),
      balanceMinor: a.balanceMinor,
      interestMinor: a.interestMinor ?? 0,
      feesMinor: a.feesMinor ?? 0,
    };
  }

  function model(
    key: string,
    account: ChargeableAccount,
    terms: InterestTerms,
    fee: Model['fee'] = null,
  ): void {
    models.set(key, {
      key,
      id: ids[key],
      account,
      state: null,
      terms,
      accrueFrom: '2026-11-01',
      fee,
      feesCharged: new Set(),
    });
  }

  async function run(through: IsoDate) {
    const result = await charges.accrueThrough(through);
    for (const m of models.values()) simulate(m, through);
    return result;
  }

  /** Every modelled account in the database is exactly what the pure functions say. */
  async function expectAsModelled(): Promise<void> {
    for (const m of models.values()) {
      const [stored] = await rows(
        `SELECT a.balance_minor, a.interest_minor, a.fees_minor,
                DATE_FORMAT(s.accrued_through, '%Y-%m-%d') AS through, s.carry
           FROM accounts a LEFT JOIN account_charge_state s ON s.account_id = a.id WHERE a.id = ?`,
        [m.id],
      );
      expect({
        key: m.key,
        balance: Number(stored['balance_minor']),
        interest: Number(stored['interest_minor']),
        fees: Number(stored['fees_minor']),
        through: stored['through'],
        carry: stored['carry'] === null ? null : Number(stored['carry']),
      }).toEqual({
        key: m.key,
        balance: m.account.balanceMinor,
        interest: m.account.interestMinor,
        fees: m.account.feesMinor,
        through: m.state?.accruedThrough ?? null,
        carry: m.state?.carry ?? null,
      });
    }
  }

  async function snapshot() {
    return {
      accounts: await rows('SELECT id, balance_minor, interest_minor, fees_minor FROM accounts ORDER BY id'),
      state: await rows('SELECT * FROM account_charge_state ORDER BY account_id'),
      ledger: await rows('SELECT COUNT(*) AS n FROM account_ledger'),
      fees: await rows('SELECT COUNT(*) AS n FROM account_fee_charges'),
    };
  }

  beforeAll(async () => {
    t = await startTestApp({ runWorkers: false, runDialer: false, agencyTimeZone: 'America/Bogota' });
    charges = t.app.get(ChargesService);
    await insertUser(t.db, { email: 'admin@c.test', role: 'admin' });
    const supervisor = await insertUser(t.db, { email: 'sup@c.test', role: 'supervisor' });
    ids['team'] = await insertId('INSERT INTO teams (name, supervisor_id) VALUES (?, ?)', [
      'Equipo',
      supervisor,
    ]);
    await insertUser(t.db, { email: 'agent@c.test', role: 'agent', teamId: ids['team'] });
    adminToken = await login(t.url, 'admin@c.test');
    agentToken = await login(t.url, 'agent@c.test');

    await client('BCO', 'COP', 'CO');
    await portfolio('P-CO', 'BCO', 'CO', 'COP');
    await portfolio('P-ALT', 'BCO', 'CO', 'COP');
    await client('RET', 'CLP', 'CL');
    await portfolio('P-CL', 'RET', 'CL', 'CLP');
    await client('AGU', 'USD', 'EC');
    await portfolio('P-EC', 'AGU', 'EC', 'USD');

    const co = { client: 'BCO', portfolio: 'P-CO', currency: 'COP' };
    const daily: InterestTerms = { ratePpm: 2_000, period: 'daily', monthlyCapPpm: CO_CAP };
    // 1 000 000 of principal, 30 000 interest and 20 000 fees from the import; due 15 October.
    model(
      'CO1',
      await account('CO1', co, {
        status: 'active',
        dueDate: '2026-10-15',
        daysPastDue: 17,
        balanceMinor: 1_050_000,
        interestMinor: 30_000,
        feesMinor: 20_000,
      }),
      daily,
    );
    // Falls due on 3 November: accrues from the 4th.
    model(
      'CO2',
      await account('CO2', co, {
        status: 'active',
        dueDate: '2026-11-03',
        daysPastDue: 0,
        balanceMinor: 2_345_678,
      }),
      daily,
    );
    // In an agreement kept up to date: passed, never accrues.
    model(
      'CO3',
      await account('CO3', co, {
        status: 'in_agreement',
        dueDate: '2026-09-01',
        daysPastDue: 0,
        balanceMinor: 500_000,
      }),
      daily,
    );
    // Paid: not touched.
    model(
      'CO4',
      await account('CO4', co, { status: 'paid', dueDate: '2026-09-01', daysPastDue: 0, balanceMinor: 0 }),
      daily,
    );
    // Imported on 7 November: accrues from that day.
    model(
      'CO5',
      await account('CO5', co, {
        status: 'active',
        dueDate: '2026-10-01',
        daysPastDue: 37,
        balanceMinor: 777_777,
        createdAt: '2026-11-07 15:00:00',
      }),
      daily,
    );
    // In an agreement with an installment 12 days late: accrues every day.
    model(
      'CO6',
      await account('CO6', co, {
        status: 'in_agreement',
        dueDate: null,
        daysPastDue: 12,
        balanceMinor: 800_000,
      }),
      daily,
    );
    model(
      'ALT1',
      await account(
        'ALT1',
        { ...co, portfolio: 'P-ALT' },
        { status: 'active', dueDate: '2026-10-20', daysPastDue: 12, balanceMinor: 1_234_567 },
      ),
      { ratePpm: 15_000, period: 'monthly', monthlyCapPpm: CO_CAP },
    );
    const cl = { client: 'RET', portfolio: 'P-CL', currency: 'CLP' };
    const chile: InterestTerms = {
      ratePpm: 10_000,
      period: 'monthly',
      monthlyCapPpm: monthlyCapPpm('annual_nominal', 390_000),
    };
    const fees = { afterDays: 20, period: 'monthly' as const, tranches: CHILE };
    for (const [key, balance, due] of [
      ['CL1', 1_000_000, '2026-10-01'],
      ['CL2', 3_000_000, '2026-10-01'],
      ['CL3', 500_000, '2026-11-10'],
    ] as const)
      model(
        key,
        await account(key, cl, { status: 'active', dueDate: due, daysPastDue: 0, balanceMinor: balance }),
        chile,
        fees,
      );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets admins set rules, caps and fee schedules, validated and audited', async () => {
    const rule = (body: object) =>
      api<ChargeRuleResponse>(t.url, 'PUT', '/charges/rules', { token: adminToken, body });
    const bco = {
      clientId: ids['BCO'],
      interestRatePpm: 2_000,
      interestPeriod: 'daily',
      accrueFrom: '2026-11-01',
      feePeriod: 'once',
    };
    expect((await rule(bco)).status).toBe(200);
    const alt = await rule({
      ...bco,
      portfolioId: ids['P-ALT'],
      interestRatePpm: 15_000,
      interestPeriod: 'monthly',
    });
    expect(alt.body).toMatchObject({
      portfolioId: ids['P-ALT'],
      interestRatePpm: 15_000,
      feeAfterDays: null,
    });
    const ret = {
      clientId: ids['RET'],
      interestRatePpm: 10_000,
      interestPeriod: 'monthly',
      accrueFrom: '2026-11-01',
      feeAfterDays: 20,
      feePeriod: 'monthly',
    };
    // Saved twice: the second replaces the first (one rule per scope).
    expect((await rule({ ...ret, interestRatePpm: 99 })).status).toBe(200);
    expect((await rule(ret)).body).toMatchObject({ clientId: ids['RET'], interestRatePpm: 10_000 });
    const list = await api<ChargeRuleResponse[]>(t.url, 'GET', `/charges/rules?clientId=${ids['RET']}`, {
      token: adminToken,
    });
    expect(list.body).toHaveLength(1);

    // Refused: an agent; a portfolio of another client; a rate above 100 %; a schedule with a gap.
    expect((await api(t.url, 'PUT', '/charges/rules', { token: agentToken, body: ret })).status).toBe(403);
    expect((await rule({ ...ret, portfolioId: ids['P-CO'] })).status).toBe(404);
    expect((await rule({ ...ret, interestRatePpm: 1_000_001 })).status).toBe(400);
    const gap = await api<ApiErrorBody>(t.url, 'PUT', '/charges/fee-schedules/CO/COP', {
      token: adminToken,
      body: {
        tranches: [
          { lowerMinor: 0, upperMinor: 100, ratePpm: 1_000 },
          { lowerMinor: 200, upperMinor: null, ratePpm: 1_000 },
        ],
      },
    });
    expect(gap.status).toBe(400);
    expect(gap.body.details).toEqual(['gap_or_overlap']);

    // The seeded defaults: Colombia's usury cap, Chile's cap and fee schedule.
    const caps = await api<InterestCapResponse[]>(t.url, 'GET', '/charges/caps', { token: adminToken });
    expect(caps.body.find((c) => c.jurisdiction === 'CO')).toMatchObject({
      basis: 'annual_effective',
      monthlyCapPpm: CO_CAP,
    });
    expect(caps.body.find((c) => c.jurisdiction === 'CL')?.monthlyCapPpm).toBe(
      monthlyCapPpm('annual_nominal', 390_000),
    );
    expect(caps.body.find((c) => c.jurisdiction === 'MX')).toMatchObject({
      basis: null,
      monthlyCapPpm: null,
    });
    const schedules = await api<FeeScheduleResponse[]>(t.url, 'GET', '/charges/fee-schedules', {
      token: adminToken,
    });
    expect(schedules.body).toEqual([{ jurisdiction: 'CL', currency: 'CLP', tranches: CHILE }]);
    // Re-saving Chile's schedule as it is: accepted and audited.
    const saved = await api(t.url, 'PUT', '/charges/fee-schedules/CL/CLP', {
      token: adminToken,
      body: { tranches: CHILE },
    });
    expect(saved.status).toBe(200);
    const audit = await rows("SELECT action FROM audit_events WHERE action LIKE 'charges.%' ORDER BY id");
    expect(audit.map((a) => a['action'])).toEqual([
      'charges.rule-created',
      'charges.rule-created',
      'charges.rule-created',
      'charges.rule-updated',
      'charges.fee-schedule-updated',
    ]);
  });

  it('accrues each account exactly as the pure function does, the cap clipping the rate', async () => {
    const result = await run('2026-11-05');
    // CO1, CO2 (from the 4th), CO6, ALT1, CL1, CL2: six accounts; CO3 passed without interest.
    // CL1 and CL2, 35 days past due, past the rule's 20: November's collection fees.
    expect(result).toMatchObject({ through: '2026-11-05', accounts: 6, days: 5, fees: 2 });
    await expectAsModelled();
    // By hand: 0.2 % a day is 6 % over November, above the 1.8769 % cap: 1 000 000 × 1.8769 % / 30
    // = 625.63 a day, 3 128.17 over 5 days → 3 128 on top of the imported 30 000.
    expect(models.get('CO1')!.account.interestMinor).toBe(33_128);
    // CO2, two days (4th, 5th) at the cap on 2 345 678: 2 × 2 345 678 × 0.018769 / 30 = 2 935.1 → 2 935.
    expect(models.get('CO2')!.account.interestMinor).toBe(2_935);
    // CO3 passed; CO4 (paid) and CO5 (not created yet on those days) untouched.
    expect(models.get('CO3')!.state?.accruedThrough).toBe('2026-11-05');
    expect(models.get('CO4')!.state).toBeNull();
    expect(models.get('CO5')!.state).toBeNull();
    const [ledger] = await rows(
      "SELECT amount_minor, component, effective_date, note FROM account_ledger WHERE account_id = ? AND kind = 'interest_accrual'",
      [ids['CO1']],
    );
    expect(ledger).toMatchObject({
      amount_minor: 3_128,
      component: 'interest',
      note: '2026-11-01..2026-11-05',
    });
  });

  it('changes nothing when run again for the same day, even by two callers at once', async () => {
    const before = await snapshot();
    expect(await charges.accrueThrough('2026-11-05')).toMatchObject({ accounts: 0, fees: 0 });
    expect(await snapshot()).toEqual(before);

    const [first, second] = await Promise.all([
      charges.accrueThrough('2026-11-08'),
      charges.accrueThrough('2026-11-08'),
    ]);
    for (const m of models.values()) simulate(m, '2026-11-08');
    // One of them did the work (CO5 joins on the 7th); the other found the days done.
    expect([first.accounts, second.accounts].sort()).toEqual([0, 7]);
    await expectAsModelled();
    const [accruals] = await rows(
      "SELECT COUNT(*) AS n FROM account_ledger WHERE account_id = ? AND kind = 'interest_accrual'",
      [ids['CO1']],
    );
    expect(Number(accruals['n'])).toBe(2);
  });

  it('catches up every missed day in one run, and charges collection fees once per period', async () => {
    const result = await run('2026-11-20');
    // November's fees were charged; CL3 fell due on the 10th: 10 days, not past 20.
    expect(result).toMatchObject({ days: 12, fees: 0 });
    await expectAsModelled();
    const [gap] = await rows(
      "SELECT note FROM account_ledger WHERE account_id = ? AND kind = 'interest_accrual' ORDER BY id DESC LIMIT 1",
      [ids['CO1']],
    );
    expect(gap['note']).toBe('2026-11-09..2026-11-20');

    // Later in the month: no second fee for November, not even after removing the cap in between.
    await api(t.url, 'PUT', '/charges/caps/CO', {
      token: adminToken,
      body: { basis: null, ratePpm: null, source: null },
    });
    for (const m of models.values())
      if (m.terms.monthlyCapPpm === CO_CAP) m.terms = { ...m.terms, monthlyCapPpm: null };
    // CL3 is 15 days past due on the 25th.
    expect(await run('2026-11-25')).toMatchObject({ fees: 0 });
    await expectAsModelled();
    // Uncapped, 0.2 % a day on CO1's 1 000 000 is 2 000 a day: 10 000 over the 21st–25th.
    const [uncapped] = await rows(
      "SELECT amount_minor FROM account_ledger WHERE account_id = ? AND kind = 'interest_accrual' ORDER BY id DESC LIMIT 1",
      [ids['CO1']],
    );
    expect(uncapped['amount_minor']).toBe(10_000);

    // December is a new period: CL1 and CL2 again, CL3 now 22 days past due. Across the month end.
    expect(await run('2026-12-02')).toMatchObject({ fees: 3 });
    await expectAsModelled();
    const december = await rows(
      "SELECT account_id FROM account_fee_charges WHERE period_key = '2026-12' ORDER BY account_id",
    );
    expect(december.map((r) => String(r['account_id']))).toEqual([ids['CL1'], ids['CL2'], ids['CL3']]);
  });

  it('shows an account its interest, fees, principal and history, within the caller’s reach', async () => {
    const mine = await api<AccountChargesResponse>(t.url, 'GET', `/accounts/${ids['CL2']}/charges`, {
      token: adminToken,
    });
    expect(mine.status).toBe(200);
    const cl2 = models.get('CL2')!.account;
    expect(mine.body).toMatchObject({
      accountId: ids['CL2'],
      currency: 'CLP',
      balanceMinor: cl2.balanceMinor,
      interestMinor: cl2.interestMinor,
      feesMinor: cl2.feesMinor,
      principalMinor: 3_000_000,
      accruedThrough: '2026-12-02',
      terms: {
        scope: 'client',
        interestRatePpm: 10_000,
        jurisdiction: 'CL',
        feeAfterDays: 20,
        feePeriod: 'monthly',
      },
    });
    expect(mine.body.history.map((h) => [h.kind, h.effectiveDate])).toEqual([
      ['fee_charge', '2026-12-02'],
      ['interest_accrual', '2026-12-02'],
      ['interest_accrual', '2026-11-25'],
      ['interest_accrual', '2026-11-20'],
      ['interest_accrual', '2026-11-08'],
      ['fee_charge', '2026-11-05'],
      ['interest_accrual', '2026-11-05'],
    ]);
    const alt = await api<AccountChargesResponse>(t.url, 'GET', `/accounts/${ids['ALT1']}/charges`, {
      token: adminToken,
    });
    expect(alt.body.terms).toMatchObject({
      scope: 'portfolio',
      interestPeriod: 'monthly',
      monthlyCapPpm: null,
    });
    // Not the agent's account: the same 404 as a missing one.
    expect((await api(t.url, 'GET', `/accounts/${ids['CL2']}/charges`, { token: agentToken })).status).toBe(
      404,
    );
  });

  it('books an agreement’s waiver when it becomes active, once', async () => {
    const ec = { client: 'AGU', portfolio: 'P-EC', currency: 'USD' };
    await account('W1', ec, {
      status: 'active',
      dueDate: '2026-09-01',
      daysPastDue: 60,
      balanceMinor: 1_050_000,
      interestMinor: 30_000,
      feesMinor: 20_000,
    });
    const today = new Date().toISOString().slice(0, 10);
    const created = await api<{ id: string; status: string }>(
      t.url,
      'POST',
      `/accounts/${ids['W1']}/agreements`,
      {
        token: adminToken,
        body: {
          waiverMinor: 40_000,
          downPaymentMinor: 0,
          installments: 2,
          frequency: 'monthly',
          firstDueDate: addDays(today, 10),
        },
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('active');
    const money = async () =>
      (
        await rows('SELECT balance_minor, interest_minor, fees_minor FROM accounts WHERE id = ?', [ids['W1']])
      )[0];
    // 40 000: all 30 000 of interest, then 10 000 of the fees.
    expect(await money()).toEqual({ balance_minor: 1_010_000, interest_minor: 0, fees_minor: 10_000 });
    const waivers = await rows(
      "SELECT component, amount_minor, ref_type, ref_id FROM account_ledger WHERE account_id = ? AND kind = 'waiver' ORDER BY id",
      [ids['W1']],
    );
    expect(waivers).toEqual([
      {
        component: 'interest',
        amount_minor: -30_000,
        ref_type: 'agreement',
        ref_id: Number(created.body.id),
      },
      { component: 'fees', amount_minor: -10_000, ref_type: 'agreement', ref_id: Number(created.body.id) },
    ]);
    // The same event again changes nothing.
    await t.app
      .get(LifecycleEvents)
      .emit('agreement.activated', { accountId: ids['W1'], agreementId: created.body.id, at: new Date() });
    expect(await money()).toEqual({ balance_minor: 1_010_000, interest_minor: 0, fees_minor: 10_000 });
    const [count] = await rows(
      "SELECT COUNT(*) AS n FROM account_ledger WHERE account_id = ? AND kind = 'waiver'",
      [ids['W1']],
    );
    expect(Number(count['n'])).toBe(2);
  });

  it('books a waiver whose activation event never arrived on the next run', async () => {
    const ec = { client: 'AGU', portfolio: 'P-EC', currency: 'USD' };
    await account('W2', ec, {
      status: 'in_agreement',
      dueDate: '2026-09-01',
      daysPastDue: 0,
      balanceMinor: 500_000,
      interestMinor: 10_000,
      feesMinor: 5_000,
    });
    // An agreement activated while this feature was not listening (say, before it was deployed).
    const agreement = await insertId(
      `INSERT INTO agreements (account_id, status, currency, total_minor, waiver_minor, installments_count, settles_in_full)
       VALUES (?, 'active', 'USD', 480000, 20000, 1, 1)`,
      [ids['W2']],
    );
    const waivers = t.app.get(ChargeWaiversService);
    expect(await waivers.catchUp()).toBe(1);
    expect(await waivers.catchUp()).toBe(0);
    // 20 000: 10 000 interest, 5 000 fees and 5 000 of principal.
    const [money] = await rows(
      'SELECT balance_minor, interest_minor, fees_minor FROM accounts WHERE id = ?',
      [ids['W2']],
    );
    expect(money).toEqual({ balance_minor: 480_000, interest_minor: 0, fees_minor: 0 });
    const booked = await rows(
      "SELECT component, amount_minor FROM account_ledger WHERE ref_type = 'agreement' AND ref_id = ? ORDER BY id",
      [agreement],
    );
    expect(booked).toEqual([
      { component: 'interest', amount_minor: -10_000 },
      { component: 'fees', amount_minor: -5_000 },
      { component: 'principal', amount_minor: -5_000 },
    ]);
  });
});
