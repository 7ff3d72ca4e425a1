import {
  CampaignError,
  ErrorCode,
  type ApiErrorBody,
  type CampaignConflictDetails,
  type CampaignResponse,
  type CreateCampaignRequest,
  type DispositionSetResponse,
  type SegmentCountResponse,
} from '@recupera/shared';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';

type Conflict = ApiErrorBody & { details: CampaignConflictDetails };
type Invalid = ApiErrorBody & { details: { errors: string[] } };

/**
 * Two teams (A and B, one supervisor each), a manager, an agent, an admin; two portfolios of one
 * client, and a hand-built set of accounts whose segment count is worked out below.
 */
describe('Campaign management', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  interface AccountSpec {
    number: string;
    portfolio?: 'p1' | 'p2';
    status?: string;
    aging: string;
    balance: number;
    dpd: number;
    sector: string;
    score: number | null;
    team: string | null;
  }

  async function account(a: AccountSpec): Promise<void> {
    const debtor = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, 'America/Bogota', 'CO')",
      [ids['client'], a.number, `Deudor ${a.number}`],
    );
    await t.db.query(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, sector, score, status, assigned_team_id)
       VALUES (?, ?, ?, ?, 'COP', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        ids['client'],
        ids[a.portfolio ?? 'p1'],
        debtor,
        a.number,
        a.balance,
        a.balance,
        a.dpd,
        a.aging,
        a.sector,
        a.score,
        a.status ?? 'active',
        a.team,
      ],
    );
  }

  function request(patch: Partial<CreateCampaignRequest> = {}): CreateCampaignRequest {
    return {
      name: 'Temprana Norte',
      portfolioId: ids['p1'],
      dialMode: 'progressive',
      linesPerAgent: 2,
      abandonMessage: 'Le llamamos de Recupera; le devolveremos la llamada.',
      segment: {
        agingBuckets: ['31-60', '61-90'],
        balanceMinMinor: 100_000,
        balanceMaxMinor: 1_000_000,
        sectors: ['Norte'],
        scoreMin: 500,
      },
      dispositionSetId: ids['set'],
      teamIds: [ids['teamA']],
      ...patch,
    };
  }

  async function create(token: string, patch: Partial<CreateCampaignRequest> = {}) {
    return api<CampaignResponse>(t.url, 'POST', '/campaigns', { token, body: request(patch) });
  }

  async function act(token: string, id: string, action: string) {
    return api<CampaignResponse & Conflict>(t.url, 'POST', `/campaigns/${id}/${action}`, { token });
  }

  beforeAll(async () => {
    t = await startTestApp();
    ids['client'] = await insertId(
      "INSERT INTO clients (code, name, country, currency) VALUES ('BCO', 'Banco Andino', 'CO', 'COP')",
    );
    ids['p1'] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Tarjetas', 'temprana', 'banking', 'COP', 'CO')",
      [ids['client']],
    );
    ids['p2'] = await insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Créditos MX', 'tardia', 'banking', 'COP', 'MX')",
      [ids['client']],
    );
    ids['supA'] = await insertUser(t.db, { email: 'sup.a@x.co', role: 'supervisor' });
    ids['supB'] = await insertUser(t.db, { email: 'sup.b@x.co', role: 'supervisor' });
    ids['teamA'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('Equipo A', ?)", [
      ids['supA'],
    ]);
    ids['teamB'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('Equipo B', ?)", [
      ids['supB'],
    ]);
    ids['admin'] = await insertUser(t.db, { email: 'root@x.co', role: 'admin' });
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
    await insertUser(t.db, { email: 'agent@x.co', role: 'agent', teamId: ids['teamA'] });
    ids['set'] = await insertId("INSERT INTO disposition_sets (name) VALUES ('Cobranza estándar')");
    await t.db.query(
      `INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc, is_promise) VALUES
       (?, 'PROMESA', 'Promesa de pago', 'Promise to pay', 'promise', 1, 1, 1),
       (?, 'NO_CONTESTA', 'No contesta', 'No answer', 'no_contact', 0, 0, 0)`,
      [ids['set'], ids['set']],
    );

    // Segment under test (request() above): portfolio Tarjetas, active, aging 31-60 or 61-90,
    // 100 000 ≤ balance ≤ 1 000 000, sector Norte, score ≥ 500.
    const A = ids['teamA'];
    const B = ids['teamB'];
    await account({
      number: 'A-1',
      aging: '31-60',
      balance: 200_000,
      dpd: 45,
      sector: 'Norte',
      score: 600,
      team: A,
    }); // in
    await account({
      number: 'A-2',
      aging: '61-90',
      balance: 1_000_000,
      dpd: 75,
      sector: 'Norte',
      score: 500,
      team: A,
    }); // in: both bounds inclusive
    await account({
      number: 'A-3',
      aging: '61-90',
      balance: 99_999,
      dpd: 70,
      sector: 'Norte',
      score: 700,
      team: A,
    }); // out: balance below min
    await account({
      number: 'A-4',
      aging: '91-180',
      balance: 300_000,
      dpd: 120,
      sector: 'Norte',
      score: 700,
      team: A,
    }); // out: aging bucket
    await account({
      number: 'A-5',
      status: 'paid',
      aging: '31-60',
      balance: 300_000,
      dpd: 40,
      sector: 'Norte',
      score: 700,
      team: A,
    }); // out: not active
    await account({
      number: 'B-1',
      aging: '31-60',
      balance: 500_000,
      dpd: 50,
      sector: 'Norte',
      score: 800,
      team: B,
    }); // in (team B)
    await account({
      number: 'B-2',
      aging: '31-60',
      balance: 500_000,
      dpd: 50,
      sector: 'Sur',
      score: 800,
      team: B,
    }); // out: sector
    await account({
      number: 'N-1',
      aging: '61-90',
      balance: 400_000,
      dpd: 80,
      sector: 'Norte',
      score: null,
      team: null,
    }); // out: no score
    await account({
      number: 'N-2',
      aging: '61-90',
      balance: 400_000,
      dpd: 80,
      sector: 'Norte',
      score: 900,
      team: null,
    }); // in (unassigned)
    await account({
      number: 'X-1',
      portfolio: 'p2',
      aging: '31-60',
      balance: 300_000,
      dpd: 40,
      sector: 'Norte',
      score: 700,
      team: A,
    }); // out: other portfolio

    for (const [key, email] of [
      ['admin', 'root@x.co'],
      ['supA', 'sup.a@x.co'],
      ['supB', 'sup.b@x.co'],
      ['manager', 'boss@x.co'],
      ['agent', 'agent@x.co'],
    ]) {
      tokens[key] = await login(t.url, email);
    }
  });
  afterAll(() => t.close());

  it('refuses malformed fields before anything else, naming each one', async () => {
    const res = await api<Invalid>(t.url, 'POST', '/campaigns', {
      token: tokens['admin'],
      body: {
        ...request(),
        dialMode: 'turbo',
        abandonCapBp: 500,
        schedule: { days: ['lun'], from: '8', to: '19:00' },
        wrapUpLimitSeconds: 5,
        wrapUpOverrun: 'ignore',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
    expect(res.body.details.errors).toEqual(
      expect.arrayContaining([
        expect.stringContaining('dialMode'),
        expect.stringContaining('abandonCapBp must not be greater than 300'),
        expect.stringContaining('schedule.from'),
        expect.stringContaining('days'),
        expect.stringContaining('wrapUpLimitSeconds must not be less than 10'),
        expect.stringContaining('wrapUpOverrun'),
      ]),
    );
  });

  it('lists every cross-field and reference problem in one 400', async () => {
    const res = await api<Invalid>(t.url, 'POST', '/campaigns', {
      token: tokens['admin'],
      body: request({
        portfolioId: '999',
        segment: { balanceMinMinor: 5_000, balanceMaxMinor: 1_000, scoreMin: 900, scoreMax: 100 },
        dispositionSetId: '999',
        teamIds: [ids['teamA'], '999'],
        abandonMessage: '',
        schedule: { days: ['mon'], from: '19:00', to: '08:00' },
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.details.errors).toEqual([
      'segment.balanceMinMinor must not be greater than segment.balanceMaxMinor',
      'segment.scoreMin must not be greater than segment.scoreMax',
      'abandonMessage is required for predictive and progressive campaigns',
      'schedule.from must be earlier than schedule.to',
      'portfolioId: portfolio 999 does not exist',
      'teamIds: team 999 does not exist',
      'dispositionSetId: disposition set 999 does not exist',
    ]);
    expect((await t.db.query('SELECT COUNT(*) AS n FROM campaigns'))[0]).toEqual([{ n: 0 }]);
  });

  it('creates a draft with the defaults, the portfolio jurisdiction as profile and display names', async () => {
    const res = await create(tokens['admin'], {
      portfolioId: ids['p2'],
      name: 'México preventiva',
      dialMode: 'preview',
      segment: undefined,
      linesPerAgent: undefined,
      abandonMessage: undefined,
      teamIds: [ids['teamA'], ids['teamB']],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'México preventiva',
      status: 'draft',
      channel: 'voice',
      portfolioName: 'Créditos MX',
      clientName: 'Banco Andino',
      clientCode: 'BCO',
      currency: 'COP',
      complianceProfile: 'MX',
      abandonCapBp: 300,
      ringTimeoutSeconds: 25,
      machineAction: 'hang_up',
      wrapUpLimitSeconds: 120,
      wrapUpOverrun: 'alert',
      linesPerAgent: 1,
      segment: {},
      dispositionSetName: 'Cobranza estándar',
      scriptVersionId: null,
      teams: [
        { id: ids['teamA'], name: 'Equipo A' },
        { id: ids['teamB'], name: 'Equipo B' },
      ],
      counts: { attempts: 0, accountsAttempted: 0 },
      startedAt: null,
    });
    expect(res.body.retryRules).toContainEqual({
      outcome: 'no_answer',
      retryAfterMinutes: 120,
      maxPerDay: 3,
    });
    expect(res.body.schedule).toEqual({
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      from: '08:00',
      to: '19:00',
    });
  });

  it("keeps a supervisor to their own teams' campaigns", async () => {
    const foreign = await api<Invalid>(t.url, 'POST', '/campaigns', {
      token: tokens['supA'],
      body: request({ teamIds: [ids['teamB']] }),
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details.errors).toEqual([
      `teamIds: team ${ids['teamB']} is not one of your teams`,
      'teamIds must include at least one of your teams',
    ]);

    const own = await create(tokens['supA'], { name: 'Solo equipo A' });
    expect(own.status).toBe(201);
    const id = own.body.id;
    for (const [method, path] of [
      ['GET', `/campaigns/${id}`],
      ['GET', `/campaigns/${id}/segment/count`],
      ['PATCH', `/campaigns/${id}`],
      ['POST', `/campaigns/${id}/start`],
    ]) {
      const res = await api(t.url, method, path, {
        token: tokens['supB'],
        body: method === 'PATCH' ? {} : undefined,
      });
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    const listB = await api<CampaignResponse[]>(t.url, 'GET', '/campaigns', { token: tokens['supB'] });
    expect(listB.body.map((c) => c.name)).toEqual(['México preventiva']);
    const listA = await api<CampaignResponse[]>(t.url, 'GET', '/campaigns', { token: tokens['supA'] });
    expect(listA.body.map((c) => c.name).sort()).toEqual(['México preventiva', 'Solo equipo A']);

    // Supervisor B sees the shared campaign but may neither drop team A nor add a team of theirs' peers.
    const shared = listB.body[0];
    const drop = await api<Invalid>(t.url, 'PATCH', `/campaigns/${shared.id}`, {
      token: tokens['supB'],
      body: { teamIds: [ids['teamB']] },
    });
    expect(drop.status).toBe(400);
    expect(drop.body.details.errors).toEqual([
      `teamIds: team ${ids['teamA']} is another supervisor's and cannot be removed by you`,
    ]);

    const manager = await api<CampaignResponse[]>(t.url, 'GET', '/campaigns', { token: tokens['manager'] });
    expect(manager.body).toHaveLength(2);
    expect((await create(tokens['manager'])).status).toBe(403);
    expect((await act(tokens['manager'], id, 'start')).status).toBe(403);
  });

  it("moves a draft to another portfolio with that portfolio's compliance profile", async () => {
    const draft = (await create(tokens['admin'], { name: 'Mudanza' })).body;
    expect(draft.complianceProfile).toBe('CO');
    const moved = await api<CampaignResponse>(t.url, 'PATCH', `/campaigns/${draft.id}`, {
      token: tokens['admin'],
      body: { portfolioId: ids['p2'] },
    });
    expect(moved.body).toMatchObject({ portfolioName: 'Créditos MX', complianceProfile: 'MX' });
  });

  it('refuses agents everywhere', async () => {
    const agent = tokens['agent'];
    expect((await api(t.url, 'GET', '/campaigns', { token: agent })).status).toBe(403);
    expect((await api(t.url, 'GET', '/campaigns/1', { token: agent })).status).toBe(403);
    expect((await api(t.url, 'GET', '/campaigns/1/segment/count', { token: agent })).status).toBe(403);
    expect((await create(agent)).status).toBe(403);
    expect((await act(agent, '1', 'start')).status).toBe(403);
    expect((await api(t.url, 'GET', '/dispositions/sets', { token: agent })).status).toBe(403);
  });

  it('walks the lifecycle and answers 409 with a reason for every illegal step', async () => {
    const admin = tokens['admin'];
    const draft = await create(admin, { name: 'Ciclo de vida', dispositionSetId: null });
    const id = draft.body.id;

    const notReady = await act(admin, id, 'start');
    expect(notReady.status).toBe(409);
    expect(notReady.body.details).toMatchObject({ reason: CampaignError.NotReady, status: 'draft' });
    expect((await act(admin, id, 'pause')).body.details).toMatchObject({
      reason: CampaignError.IllegalTransition,
      status: 'draft',
      action: 'pause',
    });
    await api(t.url, 'PATCH', `/campaigns/${id}`, { token: admin, body: { dispositionSetId: ids['set'] } });

    const started = await act(admin, id, 'start');
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('running');
    expect(started.body.startedAt).toEqual(expect.any(String));
    for (const action of ['start', 'resume']) {
      const illegal = await act(admin, id, action);
      expect(illegal.status).toBe(409);
      expect(illegal.body).toMatchObject({
        code: ErrorCode.Conflict,
        details: { reason: CampaignError.IllegalTransition, status: 'running', action },
      });
    }

    // Running: the pacing knobs move, within the limits; anything else waits for a pause.
    const pacing = await api<CampaignResponse>(t.url, 'PATCH', `/campaigns/${id}`, {
      token: admin,
      body: {
        abandonCapBp: 200,
        linesPerAgent: 3,
        maxLinesPerAgent: 4,
        ringTimeoutSeconds: 30,
        wrapUpLimitSeconds: null,
        wrapUpOverrun: 'auto_available',
      },
    });
    expect(pacing.status).toBe(200);
    expect(pacing.body).toMatchObject({
      wrapUpLimitSeconds: null,
      wrapUpOverrun: 'auto_available',
      abandonCapBp: 200,
      linesPerAgent: 3,
      maxLinesPerAgent: 4,
      status: 'running',
    });
    expect(
      (await api(t.url, 'PATCH', `/campaigns/${id}`, { token: admin, body: { abandonCapBp: 301 } })).status,
    ).toBe(400);
    const locked = await api<Conflict>(t.url, 'PATCH', `/campaigns/${id}`, {
      token: admin,
      body: { abandonCapBp: 250, segment: {}, teamIds: [ids['teamA']] },
    });
    expect(locked.status).toBe(409);
    expect(locked.body.details).toEqual({
      reason: CampaignError.LockedFields,
      status: 'running',
      fields: ['segment', 'teamIds'],
    });

    expect((await act(admin, id, 'pause')).body.status).toBe('paused');
    const edited = await api<CampaignResponse>(t.url, 'PATCH', `/campaigns/${id}`, {
      token: admin,
      body: { segment: { agingBuckets: ['61-90'] }, dialMode: 'preview' },
    });
    expect(edited.body).toMatchObject({ segment: { agingBuckets: ['61-90'] }, dialMode: 'preview' });
    const movePortfolio = await api<Conflict>(t.url, 'PATCH', `/campaigns/${id}`, {
      token: admin,
      body: { portfolioId: ids['p2'] },
    });
    expect(movePortfolio.body.details).toMatchObject({
      reason: CampaignError.LockedFields,
      fields: ['portfolioId'],
    });

    expect((await act(admin, id, 'resume')).body.status).toBe('running');
    const finished = await act(admin, id, 'finish');
    expect(finished.body).toMatchObject({ status: 'finished', finishedAt: expect.any(String) });
    for (const action of ['start', 'pause', 'resume', 'finish']) {
      expect((await act(admin, id, action)).body.details).toMatchObject({
        reason: CampaignError.IllegalTransition,
        status: 'finished',
      });
    }
    expect(
      (await api<Conflict>(t.url, 'PATCH', `/campaigns/${id}`, { token: admin, body: { name: 'Otra' } })).body
        .details,
    ).toMatchObject({ reason: CampaignError.LockedFields, status: 'finished' });

    // A paused campaign can be finished directly as well.
    const other = (await create(admin, { name: 'Pausada y cerrada' })).body.id;
    await act(admin, other, 'start');
    await act(admin, other, 'pause');
    expect((await act(admin, other, 'finish')).body.status).toBe('finished');
  });

  it('counts the segment exactly as the fixture says', async () => {
    // Matching accounts, B-1, N-2 = 4 (A-3 balance, A-4 bucket, A-5 paid, B-2 sector,
    // N-1 no score, X-1 other portfolio are out). Of those, team A holds A-1 and A-2 = 2.
    const campaign = (await create(tokens['admin'], { name: 'Conteo' })).body;
    const admin = await api<SegmentCountResponse>(t.url, 'GET', `/campaigns/${campaign.id}/segment/count`, {
      token: tokens['admin'],
    });
    expect(admin.body).toEqual({ matching: 4, assignedToTeams: 2 });

    // Supervisor A only sees team A's accounts, both in the campaign's team.
    const supervisor = await api<SegmentCountResponse>(
      t.url,
      'GET',
      `/campaigns/${campaign.id}/segment/count`,
      { token: tokens['supA'] },
    );
    expect(supervisor.body).toEqual({ matching: 2, assignedToTeams: 2 });

    // The editor's unsaved preview: teams A and B hold and B-1 = 3 of the 4.
    const preview = await api<SegmentCountResponse>(t.url, 'POST', '/campaigns/segment/count', {
      token: tokens['manager'],
      body: { portfolioId: ids['p1'], segment: request().segment, teamIds: [ids['teamA'], ids['teamB']] },
    });
    expect(preview).toMatchObject({ status: 200, body: { matching: 4, assignedToTeams: 3 } });

    // No filters: the 8 active accounts of Tarjetas (A-5 is paid).
    const everything = await api<SegmentCountResponse>(t.url, 'POST', '/campaigns/segment/count', {
      token: tokens['admin'],
      body: { portfolioId: ids['p1'] },
    });
    expect(everything.body).toEqual({ matching: 8, assignedToTeams: 0 });
  });

  it('lists disposition sets with their codes for the editor', async () => {
    const res = await api<DispositionSetResponse[]>(t.url, 'GET', '/dispositions/sets', {
      token: tokens['supA'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: ids['set'],
        name: 'Cobranza estándar',
        dispositions: [
          expect.objectContaining({ code: 'NO_CONTESTA', category: 'no_contact', isRpc: false }),
          expect.objectContaining({ code: 'PROMESA', category: 'promise', isPromise: true }),
        ],
      }),
    ]);
  });

  it('audits every write with its actor, before and after', async () => {
    const [rows] = (await t.db.query(
      "SELECT action, actor_id, entity_id, before_data, after_data FROM audit_events WHERE entity_type = 'campaign' ORDER BY id",
    )) as unknown as [
      { action: string; actor_id: number; entity_id: string; before_data: unknown; after_data: unknown }[],
    ];
    const actions = rows.map((r) => r.action);
    expect(new Set(actions)).toEqual(
      new Set([
        'campaign.created',
        'campaign.updated',
        'campaign.started',
        'campaign.paused',
        'campaign.resumed',
        'campaign.finished',
      ]),
    );
    // One row per accepted write and none for the refused ones: six campaigns were created, and of the
    // lifecycle test's start attempts only two were accepted.
    expect(actions.filter((a) => a === 'campaign.created')).toHaveLength(6);
    expect(actions.filter((a) => a === 'campaign.started')).toHaveLength(2);
    const parse = (value: unknown) =>
      (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
    const started = rows.find((r) => r.action === 'campaign.started')!;
    expect(String(started.actor_id)).toBe(ids['admin']);
    expect(parse(started.before_data)).toEqual({ status: 'draft' });
    expect(parse(started.after_data)).toMatchObject({ status: 'running' });
    const paced = rows.find(
      (r) => r.action === 'campaign.updated' && parse(r.after_data)['abandonCapBp'] === 200,
    )!;
    expect(parse(paced.before_data)).toMatchObject({ abandonCapBp: 300, teamIds: [ids['teamA']] });
    const created = rows.find((r) => r.action === 'campaign.created')!;
    expect(parse(created.after_data)).toMatchObject({
      status: 'draft',
      teamIds: [ids['teamA'], ids['teamB']],
    });
  });
});
