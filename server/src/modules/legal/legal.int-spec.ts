import {
  ComplianceError,
  type ApiErrorBody,
  type LegalActionResponse,
  type LegalCaseDetail,
  type LegalCaseListItem,
  type LegalTeamResponse,
  type Page,
  type StageTransferResponse,
} from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { ComplianceGateService } from '../compliance/compliance-gate.service';
import { DialerStoreService } from '../dialer/dialer-store.service';
import { RollupService } from '../metrics/rollup.service';

/** Tuesday 10 March 2026, 10:00 in Santiago (UTC−3): inside Chile's contact window. */
const TUESDAY = new Date('2026-03-10T13:00:00Z');

/** Accounts' workflow status and assignment, ids as text like the API's. */
const ACCOUNT_PLACEMENT = `SELECT status, CAST(assigned_team_id AS CHAR) AS assigned_team_id,
  CAST(assigned_agent_id AS CHAR) AS assigned_agent_id FROM accounts WHERE id IN (?) ORDER BY id`;

/** The agency's current month ('YYYY-MM-01'), as the rollups key it. */
function thisMonth(timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-01`;
}

interface Debt {
  accountId: string;
  contactPointId: string;
}

/**
 * A Chilean bank's accounts on the agency's floor (team Piso: supervisor, agent), another internal
 * team (Otro), two law firms (Estudio Pérez, Bufete Sur: a supervisor and a lawyer-agent each) and an
 * external agency; a manager and an admin. The tests run in order: the accounts go to a firm, are
 * worked there, change firm, and come back.
 */
describe('Legal stage', () => {
  let t: TestApp;
  let gate: ComplianceGateService;
  const ids: Record<string, string> = {};
  const debts: Record<string, Debt> = {};
  const cases: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  async function rows<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const [result] = await t.db.query(sql, params);
    return result as T[];
  }

  async function account(
    key: string,
    options: {
      portfolio?: string;
      team?: string;
      status?: string;
      balance?: number;
      interest?: number;
      fees?: number;
      dpd?: number;
    } = {},
  ): Promise<void> {
    const debtorId = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, national_id, time_zone, jurisdiction) VALUES (?, ?, ?, ?, 'America/Santiago', 'CL')",
      [ids['client'], key, `Deudor ${key}`, `11.111.11${key.slice(-1)}-K`],
    );
    const team = options.team ?? ids['piso'];
    const agent = team === ids['piso'] ? ids['agent'] : null;
    const dpd = options.dpd ?? 120;
    const accountId = await insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, interest_minor, fees_minor, due_date, days_past_due, aging_bucket, status,
         assigned_team_id, assigned_agent_id)
       VALUES (?, ?, ?, ?, 'CLP', 1000000, ?, ?, ?, '2025-11-10', ?, ?, ?, ?, ?)`,
      [
        ids['client'],
        options.portfolio ?? ids['portfolio'],
        debtorId,
        key,
        options.balance ?? 1_000_000,
        options.interest ?? 0,
        options.fees ?? 0,
        dpd,
        dpd > 180 ? '180+' : '91-180',
        options.status ?? 'active',
        team,
        agent,
      ],
    );
    await t.db.query(
      "INSERT INTO account_assignments (account_id, team_id, agent_id, assigned_at) VALUES (?, ?, ?, '2026-01-05')",
      [accountId, team, agent],
    );
    const contactPointId = await insertId(
      "INSERT INTO contact_points (debtor_id, type, value, valid, consent, do_not_contact) VALUES (?, 'mobile', ?, 1, 'granted', 0)",
      [debtorId, `+5698765${String(Object.keys(debts).length).padStart(4, '0')}`],
    );
    debts[key] = { accountId, contactPointId };
  }

  const a = (key: string) => debts[key].accountId;

  function transfer(token: string, body: Record<string, unknown>) {
    return api<StageTransferResponse & ApiErrorBody>(t.url, 'POST', '/legal/transfers', { token, body });
  }

  function listCases(token: string, query = '') {
    return api<Page<LegalCaseListItem>>(t.url, 'GET', `/legal/cases${query}`, { token });
  }

  function record(token: string, caseId: string, body: Record<string, unknown>) {
    return api<LegalActionResponse & ApiErrorBody>(t.url, 'POST', `/legal/cases/${caseId}/actions`, {
      token,
      body,
    });
  }

  function contact(key: string, channel: 'voice' | 'sms', now = TUESDAY) {
    return gate.check({ accountId: a(key), contactPointId: debts[key].contactPointId, channel }, now);
  }

  function spans(key: string) {
    return rows<{ team_id: string; agent_id: string | null; open: number }>(
      `SELECT CAST(team_id AS CHAR) AS team_id, CAST(agent_id AS CHAR) AS agent_id, unassigned_at IS NULL AS open
         FROM account_assignments
        WHERE account_id = ? ORDER BY id`,
      [a(key)],
    );
  }

  async function pdf(token: string, caseId: string, language: 'es' | 'en') {
    const response = await fetch(`${t.url}/api/legal/cases/${caseId}/determination.pdf`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': language },
    });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  beforeAll(async () => {
    t = await startTestApp();
    gate = t.app.get(ComplianceGateService);
    ids['client'] = await insertId(
      "INSERT INTO clients (code, name, country, currency) VALUES ('BAN', 'Banco Andino', 'CL', 'CLP')",
    );
    ids['portfolio'] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Castigo 2025', 'tardia', 'banking', 'CLP', 'CL')",
      [ids['client']],
    );
    ids['portfolio2'] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Consumo', 'tardia', 'banking', 'CLP', 'CL')",
      [ids['client']],
    );
    const team = async (name: string, supervisorEmail: string) => {
      const supervisor = await insertUser(t.db, { email: supervisorEmail, role: 'supervisor' });
      return insertId('INSERT INTO teams (name, supervisor_id) VALUES (?, ?)', [name, supervisor]);
    };
    ids['piso'] = await team('Piso', 'sup.piso@x.cl');
    ids['otro'] = await team('Otro', 'sup.otro@x.cl');
    ids['firm'] = await team('Estudio Pérez', 'sup.perez@x.cl');
    ids['firm2'] = await team('Bufete Sur', 'sup.sur@x.cl');
    ids['agency'] = await team('Agencia Norte', 'sup.norte@x.cl');
    ids['agent'] = await insertUser(t.db, { email: 'agente@x.cl', role: 'agent', teamId: ids['piso'] });
    ids['lawyer'] = await insertUser(t.db, {
      email: 'abogada@perez.cl',
      role: 'agent',
      teamId: ids['firm'],
      fullName: 'Marta Abogada',
    });
    ids['lawyer2'] = await insertUser(t.db, { email: 'abogado@sur.cl', role: 'agent', teamId: ids['firm2'] });
    await insertUser(t.db, { email: 'gerente@x.cl', role: 'manager' });
    await insertUser(t.db, { email: 'admin@x.cl', role: 'admin' });

    // CL-1 owes 1 250 000: 180 000 late interest, 70 000 fees, so 1 000 000 principal.
    await account('CL-1', { balance: 1_250_000, interest: 180_000, fees: 70_000 });
    await account('CL-2', { balance: 800_000, status: 'in_agreement' });
    await account('CL-3', { balance: 0, status: 'paid' });
    await account('CL-4', { portfolio: ids['portfolio2'], dpd: 200 });
    await account('CL-5', { portfolio: ids['portfolio2'], dpd: 95 });
    await account('OT-1', { team: ids['otro'] });
    await t.db.query(
      `INSERT INTO agreements (account_id, status, currency, total_minor, down_payment_minor, waiver_minor,
         installments_count, settles_in_full) VALUES (?, 'active', 'CLP', 800000, 200000, 0, 3, 1)`,
      [a('CL-2')],
    );
    await t.db.query(
      `INSERT INTO payments (account_id, client_id, amount_minor, currency, channel, status, reference, paid_at)
       VALUES (?, ?, 50000, 'CLP', 'bank', 'applied', 'TRX-1', '2026-02-02 15:00:00')`,
      [a('CL-1'), ids['client']],
    );
    await t.db.query(
      `INSERT INTO interactions (account_id, debtor_id, channel, direction, outcome, agent_id, notes, created_at)
       SELECT id, debtor_id, 'voice', 'outbound', 'human', ?, 'Reconoce la deuda', '2026-02-10 14:00:00'
         FROM accounts WHERE id = ?`,
      [ids['agent'], a('CL-1')],
    );

    for (const [name, email] of Object.entries({
      piso: 'sup.piso@x.cl',
      otro: 'sup.otro@x.cl',
      perez: 'sup.perez@x.cl',
      sur: 'sup.sur@x.cl',
      agent: 'agente@x.cl',
      lawyer: 'abogada@perez.cl',
      lawyer2: 'abogado@sur.cl',
      manager: 'gerente@x.cl',
      admin: 'admin@x.cl',
    }))
      tokens[name] = await login(t.url, email);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('lets an admin mark teams as law firms or agencies, and shows a supervisor their teams and the external ones', async () => {
    for (const [team, kind] of [
      ['firm', 'law_firm'],
      ['firm2', 'law_firm'],
      ['agency', 'external_agency'],
    ]) {
      const set = await api<LegalTeamResponse>(t.url, 'PATCH', `/legal/teams/${ids[team]}`, {
        token: tokens['admin'],
        body: { kind },
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ id: ids[team], kind });
    }
    const refused = await api(t.url, 'PATCH', `/legal/teams/${ids['piso']}`, {
      token: tokens['piso'],
      body: { kind: 'law_firm' },
    });
    expect(refused.status).toBe(403);

    const targets = await api<LegalTeamResponse[]>(t.url, 'GET', '/legal/teams', { token: tokens['piso'] });
    expect(targets.body.map((team) => [team.name, team.kind])).toEqual([
      ['Agencia Norte', 'external_agency'],
      ['Bufete Sur', 'law_firm'],
      ['Estudio Pérez', 'law_firm'],
      ['Piso', 'internal'],
    ]);
    expect(
      await rows("SELECT entity_id FROM audit_events WHERE action = 'team.kind-changed' ORDER BY id"),
    ).toHaveLength(3);
  });

  it('refuses a legal transfer of a paid account, to an internal team, or of another team’s account, changing nothing', async () => {
    const paid = await transfer(tokens['piso'], {
      accountIds: [a('CL-1'), a('CL-3')],
      toTeamId: ids['firm'],
      legalStage: 'judicial',
    });
    expect(paid.status).toBe(400);
    expect(paid.body.details).toEqual({ accountIds: [a('CL-3')] });

    const internal = await transfer(tokens['piso'], {
      accountIds: [a('CL-1')],
      toTeamId: ids['piso'],
      legalStage: 'judicial',
    });
    expect(internal.status).toBe(400);

    const foreign = await transfer(tokens['piso'], {
      accountIds: [a('OT-1')],
      toTeamId: ids['firm'],
      legalStage: 'judicial',
    });
    expect(foreign.status).toBe(404);

    expect(
      await rows(
        'SELECT status, CAST(assigned_team_id AS CHAR) AS assigned_team_id FROM accounts WHERE id = ?',
        [a('CL-1')],
      ),
    ).toEqual([{ status: 'active', assigned_team_id: ids['piso'] }]);
    expect(await rows('SELECT id FROM legal_cases')).toEqual([]);
  });

  it('moves accounts to the legal stage in one go: legal status, the firm’s team, a new span, a case with the debt handed over', async () => {
    const moved = await transfer(tokens['piso'], {
      accountIds: [a('CL-1'), a('CL-2')],
      toTeamId: ids['firm'],
      legalStage: 'judicial',
      note: 'Demanda ejecutiva',
    });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({
      stage: 'legal',
      transferred: 2,
      casesOpened: 2,
      casesMoved: 0,
      casesClosed: 0,
    });
    expect(moved.body.caseIds).toHaveLength(2);

    const opened = await rows<Record<string, unknown>>(
      `SELECT CAST(id AS CHAR) AS id, CAST(account_id AS CHAR) AS account_id, stage, status,
              CAST(firm_team_id AS CHAR) AS firm_team_id, principal_minor, interest_minor, fees_minor,
              balance_minor, currency FROM legal_cases ORDER BY account_id`,
    );
    cases['CL-1'] = String(opened[0]['id']);
    cases['CL-2'] = String(opened[1]['id']);
    expect(opened[0]).toMatchObject({
      account_id: a('CL-1'),
      stage: 'judicial',
      status: 'open',
      firm_team_id: ids['firm'],
      principal_minor: 1_000_000,
      interest_minor: 180_000,
      fees_minor: 70_000,
      balance_minor: 1_250_000,
      currency: 'CLP',
    });
    expect(opened[1]).toMatchObject({ account_id: a('CL-2'), principal_minor: 800_000 });
    expect([...moved.body.caseIds].sort()).toEqual([cases['CL-1'], cases['CL-2']].sort());

    expect(await rows(ACCOUNT_PLACEMENT, [[a('CL-1'), a('CL-2')]])).toEqual([
      { status: 'legal', assigned_team_id: ids['firm'], assigned_agent_id: null },
      { status: 'legal', assigned_team_id: ids['firm'], assigned_agent_id: null },
    ]);
    expect(await spans('CL-1')).toEqual([
      { team_id: ids['piso'], agent_id: ids['agent'], open: 0 },
      { team_id: ids['firm'], agent_id: null, open: 1 },
    ]);
    expect(await rows('SELECT kind, notes FROM legal_actions WHERE case_id = ?', [cases['CL-1']])).toEqual([
      { kind: 'case_opened', notes: 'Demanda ejecutiva' },
    ]);
    const [audit] = await rows<{ after_data: string | { accountIds: string[]; stage: string } }>(
      "SELECT after_data FROM audit_events WHERE action = 'legal.transferred'",
    );
    const after = typeof audit.after_data === 'string' ? JSON.parse(audit.after_data) : audit.after_data;
    expect(after).toMatchObject({ stage: 'legal', teamId: ids['firm'], accountIds: [a('CL-1'), a('CL-2')] });

    // The floor handed them over: its supervisor no longer reaches them.
    expect((await listCases(tokens['piso'])).body.total).toBe(0);
    expect((await api(t.url, 'GET', `/legal/cases/${cases['CL-1']}`, { token: tokens['piso'] })).status).toBe(
      404,
    );
  });

  it("shows a firm's users only their assigned cases, and answers 404 for anyone else's", async () => {
    const firmList = await listCases(tokens['perez']);
    expect(firmList.body.total).toBe(2);
    expect(firmList.body.items.map((c) => [c.accountNumber, c.firmName, c.status])).toEqual(
      expect.arrayContaining([
        ['CL-1', 'Estudio Pérez', 'open'],
        ['CL-2', 'Estudio Pérez', 'open'],
      ]),
    );
    // The other firm sees nothing of them, by list, by id, to write or to print.
    expect((await listCases(tokens['sur'])).body.total).toBe(0);
    expect((await api(t.url, 'GET', `/legal/cases/${cases['CL-1']}`, { token: tokens['sur'] })).status).toBe(
      404,
    );
    const stranger = await record(tokens['lawyer2'], cases['CL-1'], {
      kind: 'hearing',
      at: new Date().toISOString(),
    });
    expect(stranger.status).toBe(404);
    expect((await pdf(tokens['sur'], cases['CL-1'], 'es')).response.status).toBe(404);

    // A firm's agent sees what their supervisor assigns them, through the ordinary assignment.
    expect((await listCases(tokens['lawyer'])).body.total).toBe(0);
    const assigned = await api(t.url, 'POST', '/accounts/assign', {
      token: tokens['perez'],
      body: { accountIds: [a('CL-1')], teamId: ids['firm'], agentId: ids['lawyer'] },
    });
    expect(assigned.status).toBe(200);
    const mine = await listCases(tokens['lawyer']);
    expect(mine.body.items.map((c) => c.id)).toEqual([cases['CL-1']]);
    expect(
      (await api(t.url, 'GET', `/legal/cases/${cases['CL-2']}`, { token: tokens['lawyer'] })).status,
    ).toBe(404);
    expect((await api(t.url, 'GET', `/accounts/${a('CL-1')}`, { token: tokens['lawyer'] })).status).toBe(200);
  });

  it('lets the firm log its actions, and stops every channel to a Chilean debtor once the lawsuit is served', async () => {
    const early = await record(tokens['lawyer'], cases['CL-1'], {
      kind: 'filing',
      at: new Date(Date.now() - 86_400_000).toISOString(),
    });
    expect(early.status).toBe(400);
    const filedAt = new Date().toISOString();
    const filed = await record(tokens['lawyer'], cases['CL-1'], {
      kind: 'filing',
      at: filedAt,
      notes: 'Demanda ejecutiva presentada',
      court: '3er Juzgado Civil de Santiago',
      caseNumber: 'C-1234-2026',
    });
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ kind: 'filing', byName: 'Marta Abogada', at: filedAt });
    // Filed but not served: extrajudicial contact is still lawful.
    expect(await contact('CL-1', 'voice')).toEqual({ allowed: true });

    const future = await record(tokens['lawyer'], cases['CL-1'], {
      kind: 'lawsuit_served',
      at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(future.status).toBe(400);

    const servedAt = new Date().toISOString();
    const served = await record(tokens['lawyer'], cases['CL-1'], { kind: 'lawsuit_served', at: servedAt });
    expect(served.status).toBe(201);
    expect(
      await rows(
        'SELECT court, case_number, CAST(lawsuit_served_at AS CHAR) AS served_at FROM legal_cases WHERE id = ?',
        [cases['CL-1']],
      ),
    ).toEqual([
      {
        court: '3er Juzgado Civil de Santiago',
        case_number: 'C-1234-2026',
        served_at: servedAt.replace('T', ' ').replace('Z', ''),
      },
    ]);

    const refusal = { allowed: false, reason: ComplianceError.LawsuitServed };
    expect(await contact('CL-1', 'voice')).toEqual(refusal);
    expect(await contact('CL-1', 'sms')).toEqual(refusal);
    // CL-2 is in the legal stage too, but its lawsuit is not served.
    expect(await contact('CL-2', 'voice')).toEqual({ allowed: true });

    // The firm's own agent dialling it by hand goes through the same gate, and no call is placed.
    const dialer = t.app.get(DialerStoreService);
    const entry = await dialer.manualEntry(ids['lawyer'], ids['firm'], {
      accountId: a('CL-1'),
      contactPointId: debts['CL-1'].contactPointId,
    });
    expect(entry).not.toBeNull();
    expect(await dialer.createManualAttempt(ids['lawyer'], ids['firm'], entry!, TUESDAY)).toEqual({
      refused: ComplianceError.LawsuitServed,
    });
    expect(await rows('SELECT COUNT(*) AS n FROM interactions WHERE account_id = ?', [a('CL-1')])).toEqual([
      { n: 1 },
    ]);
    const refusals = await rows<{ reason: string }>(
      'SELECT reason FROM compliance_refusals WHERE account_id = ?',
      [a('CL-1')],
    );
    expect(refusals.map((r) => r.reason)).toEqual(['lawsuit_served', 'lawsuit_served', 'lawsuit_served']);
    expect(
      await rows("SELECT entity_id FROM audit_events WHERE action = 'legal.action-recorded'"),
    ).toHaveLength(2);
  });

  it('shows the case with its debt then and now, and prints the determination in Spanish and English', async () => {
    // A payment of 50 000 went to interest since the handover.
    await t.db.query('UPDATE accounts SET balance_minor = 1200000, interest_minor = 130000 WHERE id = ?', [
      a('CL-1'),
    ]);
    const detail = await api<LegalCaseDetail>(t.url, 'GET', `/legal/cases/${cases['CL-1']}`, {
      token: tokens['lawyer'],
    });
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      stage: 'judicial',
      court: '3er Juzgado Civil de Santiago',
      caseNumber: 'C-1234-2026',
      openedByName: 'sup.piso',
      balance: { amountMinor: 1_200_000, currency: 'CLP' },
      debtAtOpening: {
        currency: 'CLP',
        principalMinor: 1_000_000,
        interestMinor: 180_000,
        feesMinor: 70_000,
        balanceMinor: 1_250_000,
      },
      debt: {
        currency: 'CLP',
        principalMinor: 1_000_000,
        interestMinor: 130_000,
        feesMinor: 70_000,
        balanceMinor: 1_200_000,
      },
    });
    expect(detail.body.lawsuitServedAt).not.toBeNull();
    expect(detail.body.actions.map((x) => x.kind)).toEqual(['case_opened', 'filing', 'lawsuit_served']);

    const es = await pdf(tokens['lawyer'], cases['CL-1'], 'es');
    expect(es.response.status).toBe(200);
    expect(es.response.headers.get('content-type')).toBe('application/pdf');
    expect(es.response.headers.get('content-disposition')).toBe(
      'attachment; filename="determinacion-CL-1.pdf"',
    );
    expect(es.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const en = await pdf(tokens['lawyer'], cases['CL-1'], 'en');
    expect(en.response.headers.get('content-disposition')).toBe(
      'attachment; filename="determination-CL-1.pdf"',
    );
    // The document's title, in its info dictionary (PDF text strings: ASCII as is, else UTF-16BE).
    expect(en.bytes.toString('latin1')).toContain('(Debt determination CL-1)');
    expect(es.bytes.includes(Buffer.from('\ufeffDeterminación de deuda CL-1', 'utf16le').swap16())).toBe(
      true,
    );
  });

  it('lets a case follow its account to another firm, served date and log included', async () => {
    const moved = await transfer(tokens['manager'], {
      accountIds: [a('CL-1')],
      toTeamId: ids['firm2'],
      legalStage: 'judicial',
    });
    expect(moved.body).toMatchObject({
      stage: 'legal',
      transferred: 1,
      casesOpened: 0,
      casesMoved: 1,
      caseIds: [cases['CL-1']],
    });
    expect(
      await rows<{ firm_team_id: string; served: number }>(
        'SELECT CAST(firm_team_id AS CHAR) AS firm_team_id, lawsuit_served_at IS NOT NULL AS served FROM legal_cases WHERE id = ?',
        [cases['CL-1']],
      ),
    ).toEqual([{ firm_team_id: ids['firm2'], served: 1 }]);
    const log = await rows<{ kind: string; notes: string }>(
      'SELECT kind, notes FROM legal_actions WHERE case_id = ? ORDER BY id DESC LIMIT 1',
      [cases['CL-1']],
    );
    expect(log).toEqual([
      { kind: 'firm_changed', notes: 'Estudio Pérez (judicial) → Bufete Sur (judicial)' },
    ]);
    expect(
      (await api(t.url, 'GET', `/legal/cases/${cases['CL-1']}`, { token: tokens['lawyer'] })).status,
    ).toBe(404);
    expect((await api(t.url, 'GET', `/legal/cases/${cases['CL-1']}`, { token: tokens['sur'] })).status).toBe(
      200,
    );
    expect(await contact('CL-1', 'voice')).toEqual({ allowed: false, reason: ComplianceError.LawsuitServed });
  });

  it('brings accounts back to the floor: cases closed, working status restored, every span kept', async () => {
    const back = await transfer(tokens['manager'], {
      accountIds: [a('CL-1'), a('CL-2')],
      toTeamId: ids['piso'],
      toAgentId: ids['agent'],
    });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ stage: 'internal', transferred: 2, casesOpened: 0, casesClosed: 2 });
    expect([...back.body.caseIds].sort()).toEqual([cases['CL-1'], cases['CL-2']].sort());
    expect(await rows(ACCOUNT_PLACEMENT, [[a('CL-1'), a('CL-2')]])).toEqual([
      { status: 'active', assigned_team_id: ids['piso'], assigned_agent_id: ids['agent'] },
      // CL-2's agreement is still running.
      { status: 'in_agreement', assigned_team_id: ids['piso'], assigned_agent_id: ids['agent'] },
    ]);
    expect(
      await rows("SELECT COUNT(*) AS n FROM legal_cases WHERE status = 'closed' AND closed_at IS NOT NULL"),
    ).toEqual([{ n: 2 }]);
    expect(await spans('CL-1')).toEqual([
      { team_id: ids['piso'], agent_id: ids['agent'], open: 0 },
      { team_id: ids['firm'], agent_id: null, open: 0 },
      { team_id: ids['firm'], agent_id: ids['lawyer'], open: 0 },
      { team_id: ids['firm2'], agent_id: null, open: 0 },
      { team_id: ids['piso'], agent_id: ids['agent'], open: 1 },
    ]);
    // No open case any more: the floor may contact the debtor again.
    expect(await contact('CL-1', 'voice')).toEqual({ allowed: true });
    const closed = await record(tokens['manager'], cases['CL-1'], {
      kind: 'other',
      at: new Date().toISOString(),
    });
    expect(closed.status).toBe(409);
    expect((await listCases(tokens['piso'], '?status=closed')).body.total).toBe(2);

    // The sweep counts each account in every team it passed through this month.
    const rollup = t.app.get(RollupService);
    for (let i = 0; i < 50; i++) {
      await rollup.turn();
      const [pending] = await rows<{ n: number }>(
        'SELECT COUNT(*) AS n FROM account_assignments WHERE rolled_up = 0',
      );
      if (Number(pending.n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const members = await rows<{ scope_id: string }>(
      "SELECT CAST(scope_id AS CHAR) AS scope_id FROM metric_sweep_members WHERE scope = 'team' AND account_id = ? AND month = ?",
      [a('CL-1'), thisMonth(t.config.agencyTimeZone)],
    );
    expect(members.map((m) => m.scope_id).sort()).toEqual([ids['piso'], ids['firm'], ids['firm2']].sort());
  });

  it('hands a filtered part of a portfolio to an external agency, and refuses an ambiguous or empty selection', async () => {
    const agency = await transfer(tokens['piso'], {
      filter: { portfolioId: ids['portfolio2'], minDaysPastDue: 180 },
      toTeamId: ids['agency'],
    });
    expect(agency.status).toBe(201);
    expect(agency.body).toMatchObject({
      stage: 'external',
      transferred: 1,
      casesOpened: 0,
      casesClosed: 0,
      caseIds: [],
    });
    expect(
      await rows(
        'SELECT account_number, status, CAST(assigned_team_id AS CHAR) AS assigned_team_id FROM accounts WHERE portfolio_id = ? ORDER BY id',
        [ids['portfolio2']],
      ),
    ).toEqual([
      { account_number: 'CL-4', status: 'active', assigned_team_id: ids['agency'] },
      { account_number: 'CL-5', status: 'active', assigned_team_id: ids['piso'] },
    ]);
    // The agency has it now: the floor's supervisor cannot move it again, a manager can.
    expect((await transfer(tokens['piso'], { accountIds: [a('CL-4')], toTeamId: ids['piso'] })).status).toBe(
      404,
    );

    expect(
      (await transfer(tokens['piso'], { filter: { minDaysPastDue: 1 }, toTeamId: ids['agency'] })).status,
    ).toBe(400);
    expect(
      (
        await transfer(tokens['piso'], {
          accountIds: [a('CL-5')],
          filter: { portfolioId: ids['portfolio2'] },
          toTeamId: ids['agency'],
        })
      ).status,
    ).toBe(400);
    const none = await transfer(tokens['piso'], {
      filter: { portfolioId: ids['portfolio2'], minDaysPastDue: 999 },
      toTeamId: ids['agency'],
    });
    expect(none.status).toBe(400);
    expect(
      (await transfer(tokens['agent'], { accountIds: [a('CL-5')], toTeamId: ids['agency'] })).status,
    ).toBe(403);
  });
});
