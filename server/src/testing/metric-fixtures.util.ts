import { KEPT_GRACE_DAYS, type MetricFacts, type ScopeKeys } from '@recupera/shared';
import { insertUser, type TestApp } from './test-app.util';

export type AttemptResult = 'rpc' | 'third' | 'none';

/**
 * Writes a floor's history as database rows (assignments, attempts, agreements, installments,
 * payments) and keeps the same history as `MetricFacts`, so a test can compare what the rollups
 * counted with what the shared reference computation says.
 */
export class MetricFixtures {
  readonly ids: Record<string, string> = {};
  readonly facts: MetricFacts = {
    assignments: [],
    attempts: [],
    agreements: [],
    payments: [],
    installments: [],
  };
  /** Which team and agent each team name stands for. */
  private readonly teams = new Map<string, { teamId: string; agentId: string }>();

  constructor(private readonly t: TestApp) {}

  async insert(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await this.t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  /** A client and portfolio in `currency`, and the dispositions attempts are recorded with. */
  async seed(client: string, portfolio: string, currency = 'COP'): Promise<void> {
    this.ids[client] = await this.insert(
      "INSERT INTO clients (code, name, country, currency) VALUES (?, ?, 'CO', ?)",
      [client, `Cliente ${client}`, currency],
    );
    this.ids[portfolio] = await this.insert(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, ?, 'temprana', 'banking', ?, 'CO')",
      [this.ids[client], `Cartera ${portfolio}`, currency],
    );
    const set = await this.insert("INSERT INTO disposition_sets (name) VALUES ('Cobranza')");
    this.ids['RPC'] = await this.insert(
      "INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise) VALUES (?, 'TITULAR', 'Titular', 'Debtor', 'rpc', 1, 1, 0)",
      [set],
    );
    this.ids['THIRD'] = await this.insert(
      "INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise) VALUES (?, 'TERCERO', 'Tercero', 'Third party', 'third_party', 1, 0, 0)",
      [set],
    );
  }

  /** A team with its supervisor and one agent, named `<team>` / `sup.<team>@m.test` / `<agent>@m.test`. */
  async team(team: string, agent: string): Promise<void> {
    const supervisor = await insertUser(this.t.db, {
      email: `sup.${team.toLowerCase()}@m.test`,
      role: 'supervisor',
      fullName: `Supervisor ${team}`,
    });
    this.ids[team] = await this.insert('INSERT INTO teams (name, supervisor_id) VALUES (?, ?)', [
      team,
      supervisor,
    ]);
    this.ids[`sup.${team}`] = supervisor;
    this.ids[agent] = await insertUser(this.t.db, {
      email: `${agent.toLowerCase()}@m.test`,
      role: 'agent',
      teamId: this.ids[team],
      fullName: `Agente ${agent}`,
    });
    this.teams.set(team, { teamId: this.ids[team], agentId: this.ids[agent] });
  }

  async account(number: string, client: string, portfolio: string, balanceMinor = 100_000): Promise<void> {
    const debtor = await this.insert(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, 'America/Bogota', 'CO')",
      [this.ids[client], number, `Deudor ${number}`],
    );
    this.ids[number] = await this.insert(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, status, sector)
       SELECT ?, ?, ?, ?, currency, ?, ?, 40, '31-60', 'active', 'Norte' FROM portfolios WHERE id = ?`,
      [
        this.ids[client],
        this.ids[portfolio],
        debtor,
        number,
        balanceMinor,
        balanceMinor,
        this.ids[portfolio],
      ],
    );
    this.ids[`${number}.client`] = this.ids[client];
    this.ids[`${number}.portfolio`] = this.ids[portfolio];
  }

  keys(account: string, team: string): ScopeKeys {
    const held = this.teams.get(team)!;
    return {
      accountId: this.ids[account],
      teamId: held.teamId,
      agentId: held.agentId,
      portfolioId: this.ids[`${account}.portfolio`],
      clientId: this.ids[`${account}.client`],
    };
  }

  async assign(account: string, team: string, from: string, to: string | null = null): Promise<void> {
    const k = this.keys(account, team);
    await this.t.db.query(
      'INSERT INTO account_assignments (account_id, team_id, agent_id, assigned_at, unassigned_at) VALUES (?, ?, ?, ?, ?)',
      [k.accountId, k.teamId, k.agentId, new Date(from), to ? new Date(to) : null],
    );
    await this.t.db.query('UPDATE accounts SET assigned_team_id = ?, assigned_agent_id = ? WHERE id = ?', [
      k.teamId,
      k.agentId,
      k.accountId,
    ]);
    this.facts.assignments.push({
      ...k,
      from: new Date(from),
      to: to ? new Date(to) : null,
      balanceMinor: 0,
    });
  }

  async attempt(account: string, team: string, at: string, result: AttemptResult): Promise<void> {
    const k = this.keys(account, team);
    const dialed = new Date(at);
    await this.t.db.query(
      `INSERT INTO interactions (account_id, debtor_id, agent_id, team_id, channel, direction, outcome,
          disposition_id, queued_at, dialed_at, ended_at, talk_seconds, stage, created_at)
       SELECT a.id, a.debtor_id, ?, ?, 'voice', 'outbound', ?, ?, ?, ?, ?, ?, 'ended', ? FROM accounts a WHERE a.id = ?`,
      // created_at is when the call was queued, as on the floor (the rebuild finds attempts by it).
      [
        k.agentId,
        k.teamId,
        result === 'none' ? 'no_answer' : 'human',
        result === 'rpc' ? this.ids['RPC'] : result === 'third' ? this.ids['THIRD'] : null,
        dialed,
        dialed,
        new Date(dialed.getTime() + 60_000),
        result === 'none' ? 0 : 55,
        dialed,
        k.accountId,
      ],
    );
    this.facts.attempts.push({
      ...k,
      at: dialed,
      humanAnswered: result !== 'none',
      rightPartyContact: result === 'rpc',
    });
  }

  async agreement(account: string, team: string, at: string, totalMinor = 90_000): Promise<string> {
    const k = this.keys(account, team);
    const id = await this.insert(
      `INSERT INTO agreements (account_id, agent_id, team_id, status, currency, total_minor, installments_count,
          settles_in_full, created_at)
       SELECT ?, ?, ?, 'active', currency, ?, 3, 1, ? FROM accounts WHERE id = ?`,
      [k.accountId, k.agentId, k.teamId, totalMinor, new Date(at), k.accountId],
    );
    this.facts.agreements.push({ ...k, at: new Date(at) });
    return id;
  }

  /** An installment of 25 000, paid in full at `paid.at` (its local day `paid.on`) or still open. */
  async installment(
    agreementId: string,
    account: string,
    team: string,
    seq: number,
    dueDate: string,
    paid: { at: string; on: string } | null,
  ): Promise<string> {
    const id = await this.insert(
      `INSERT INTO installments (agreement_id, seq, due_date, amount_minor, paid_minor, status, paid_at)
       VALUES (?, ?, ?, 25000, ?, ?, ?)`,
      [
        agreementId,
        seq,
        dueDate,
        paid ? 25_000 : 0,
        paid ? 'paid' : 'pending',
        paid ? new Date(paid.at) : null,
      ],
    );
    this.facts.installments.push({
      ...this.keys(account, team),
      dueDate,
      amountMinor: 25_000,
      graceDays: KEPT_GRACE_DAYS,
      paid: paid ? [{ on: paid.on, amountMinor: 25_000 }] : [],
    });
    return id;
  }

  async payment(
    account: string,
    team: string,
    at: string,
    amountMinor: number,
    reversed = false,
  ): Promise<string> {
    const k = this.keys(account, team);
    const id = await this.insert(
      `INSERT INTO payments (account_id, client_id, team_id, agent_id, amount_minor, currency, channel, status,
          reference, paid_at, reversed_at)
       SELECT ?, ?, ?, ?, ?, currency, 'bank', ?, ?, ?, ? FROM accounts WHERE id = ?`,
      [
        k.accountId,
        k.clientId,
        k.teamId,
        k.agentId,
        amountMinor,
        reversed ? 'reversed' : 'applied',
        `REF-${account}-${at}`,
        new Date(at),
        reversed ? new Date(at) : null,
        k.accountId,
      ],
    );
    this.facts.payments.push({ ...k, paidAt: new Date(at), amountMinor, reversed });
    return id;
  }

  async goal(scope: 'team', team: string, periodKind: 'month' | 'year', periodStart: string, target: number) {
    await this.t.db.query(
      `INSERT INTO goals (period_kind, period_start, scope, scope_id, metric, target, currency)
       VALUES (?, ?, ?, ?, 'recovered', ?, NULL)`,
      [periodKind, periodStart, scope, this.ids[team], target],
    );
  }
}
