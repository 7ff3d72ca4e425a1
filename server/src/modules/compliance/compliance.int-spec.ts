import {
  ComplianceError,
  DEFAULT_COMPLIANCE_PROFILES,
  ErrorCode,
  JURISDICTIONS,
  PUBLIC_HOLIDAYS,
  zonedInstant,
  type ComplianceCheckResponse,
  type ComplianceProfile,
  type ComplianceProfileResponse,
  type HolidayResponse,
  type RefusalSummaryResponse,
} from '@recupera/shared';
import { createApp } from '../../bootstrap/create-app.util';
import { api, insertUser, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { ComplianceGateService } from './compliance-gate.service';
import { ComplianceRulesService } from './compliance-rules.service';

const BOGOTA = 'America/Bogota';
/** Debtor's wall clock in Bogotá → the UTC instant the gate is asked at. */
const bogota = (date: string, time: string): Date => zonedInstant(date, time, BOGOTA);
/** Instants as the database holds them (UTC), whatever this process's time zone is. */
const sqlTime = (instant: Date): string => instant.toISOString().replace('T', ' ').replace('Z', '');

interface Debt {
  accountId: string;
  debtorId: string;
  contactPointId: string;
}

/**
 * A CO client with two teams (A and B, one supervisor each) and a debtor per scenario, so the
 * debtor-wide history one scenario writes never reaches another. Every time rule is exercised through
 * ComplianceGateService with an explicit `now`; the HTTP check runs on the real clock.
 */
describe('Compliance gate', () => {
  let t: TestApp;
  let gate: ComplianceGateService;
  const ids: Record<string, string> = {};
  let debts = 0;

  async function insertId(sql: string, params: unknown[] = []): Promise<string> {
    const [result] = await t.db.query(sql, params);
    return String((result as { insertId: number }).insertId);
  }

  /** A Bogotá debtor with one account in `teamId` and a mobile number with voice/SMS consent. */
  async function debt(
    teamId: string,
    point: { doNotContact?: boolean; consent?: string } = {},
    status = 'active',
  ): Promise<Debt> {
    debts += 1;
    const debtorId = await insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (1, ?, ?, ?, 'CO')",
      [`d${debts}`, `Deudor ${debts}`, BOGOTA],
    );
    const accountId = await insertId(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, status, assigned_team_id)
       VALUES (1, 1, ?, ?, 'COP', 100000, 90000, 45, '31-60', ?, ?)`,
      [debtorId, `A-${debts}`, status, teamId],
    );
    const contactPointId = await insertId(
      `INSERT INTO contact_points (debtor_id, type, value, valid, consent, do_not_contact)
       VALUES (?, 'mobile', ?, 1, ?, ?)`,
      [
        debtorId,
        `+5730000000${String(debts).padStart(2, '0')}`,
        point.consent ?? 'granted',
        point.doNotContact ? 1 : 0,
      ],
    );
    return { accountId, debtorId, contactPointId };
  }

  async function interaction(
    d: Debt,
    at: Date,
    outcome: string,
    options: { channel?: string; dispositionId?: string } = {},
  ): Promise<void> {
    await t.db.query(
      `INSERT INTO interactions (account_id, debtor_id, contact_point_id, channel, direction, outcome, disposition_id,
         dialed_at, created_at)
       VALUES (?, ?, ?, ?, 'outbound', ?, ?, ?, ?)`,
      [
        d.accountId,
        d.debtorId,
        d.contactPointId,
        options.channel ?? 'voice',
        outcome,
        options.dispositionId ?? null,
        sqlTime(at),
        sqlTime(at),
      ],
    );
  }

  async function refusalRows(accountId: string): Promise<{ reason: string; retry_at: string | null }[]> {
    const [rows] = await t.db.query(
      `SELECT reason, CAST(retry_at AS CHAR) AS retry_at, team_id, channel
         FROM compliance_refusals WHERE account_id = ? ORDER BY id`,
      [accountId],
    );
    return rows as { reason: string; retry_at: string | null }[];
  }

  async function summary(token: string, query = ''): Promise<RefusalSummaryResponse> {
    const response = await api<RefusalSummaryResponse>(
      t.url,
      'GET',
      `/compliance/refusals/summary?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z${query}`,
      { token },
    );
    expect(response.status).toBe(200);
    return response.body;
  }

  function counts(body: RefusalSummaryResponse): Record<string, number> {
    return Object.fromEntries(body.byReason.map((row) => [row.reason, row.count]));
  }

  beforeAll(async () => {
    t = await startTestApp();
    gate = t.app.get(ComplianceGateService);
    ids['admin'] = await insertUser(t.db, { email: 'root@x.co', role: 'admin' });
    await insertUser(t.db, { email: 'boss@x.co', role: 'manager' });
    ids['supA'] = await insertUser(t.db, { email: 'sup.a@x.co', role: 'supervisor' });
    ids['supB'] = await insertUser(t.db, { email: 'sup.b@x.co', role: 'supervisor' });
    ids['teamA'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('A', ?)", [ids['supA']]);
    ids['teamB'] = await insertId("INSERT INTO teams (name, supervisor_id) VALUES ('B', ?)", [ids['supB']]);
    await insertUser(t.db, { email: 'agent@x.co', role: 'agent', teamId: ids['teamA'] });
    await t.db.query(
      "INSERT INTO clients (id, code, name, country, currency) VALUES (1, 'C1', 'Cliente', 'CO', 'COP')",
    );
    await t.db.query(
      "INSERT INTO portfolios (id, client_id, name, stage, industry, currency, jurisdiction) VALUES (1, 1, 'P', 'tardia', 'banking', 'COP', 'CO')",
    );
    const setId = await insertId("INSERT INTO disposition_sets (name) VALUES ('Cobranza')");
    ids['rpc'] = await insertId(
      `INSERT INTO dispositions (set_id, code, label_es, label_en, category, is_contact, is_rpc)
       VALUES (?, 'RPC', 'Contacto titular', 'Right party', 'rpc', 1, 1)`,
      [setId],
    );
  });
  afterAll(() => t.close());

  it('seeds the default profiles and holidays once, and a restart keeps what an admin edited', async () => {
    const admin = await login(t.url, 'root@x.co');
    const listed = await api<ComplianceProfileResponse[]>(t.url, 'GET', '/compliance/profiles', {
      token: admin,
    });
    expect(listed.body.map((p) => p.code)).toEqual([...JURISDICTIONS].sort());
    expect(listed.body.every((p) => p.updatedBy === null)).toBe(true);
    expect(listed.body.find((p) => p.code === 'CO')?.definition).toEqual(DEFAULT_COMPLIANCE_PROFILES.CO);
    const co2026 = await api<HolidayResponse[]>(t.url, 'GET', '/compliance/holidays?country=CO&year=2026', {
      token: admin,
    });
    expect(co2026.body.map((h) => h.date)).toEqual(PUBLIC_HOLIDAYS.CO[2026]);

    const edited: ComplianceProfile = {
      ...DEFAULT_COMPLIANCE_PROFILES.CO,
      windows: { ...DEFAULT_COMPLIANCE_PROFILES.CO.windows, sat: [{ from: '09:00', to: '13:00' }] },
    };
    const saved = await api<ComplianceProfileResponse>(t.url, 'PUT', '/compliance/profiles/CO', {
      token: admin,
      body: edited,
    });
    expect(saved).toMatchObject({
      status: 200,
      body: { code: 'CO', updatedBy: ids['admin'], updatedByName: 'root' },
    });
    expect(saved.body.definition.windows.sat).toEqual([{ from: '09:00', to: '13:00' }]);
    const removed = await api(t.url, 'DELETE', '/compliance/holidays/CO/2026-01-12', { token: admin });
    expect(removed.status).toBe(204);
    const added = await api<HolidayResponse>(t.url, 'POST', '/compliance/holidays', {
      token: admin,
      body: { country: 'CO', date: '2026-03-12', name: 'Día cívico' },
    });
    expect(added).toMatchObject({
      status: 201,
      body: { country: 'CO', date: '2026-03-12', name: 'Día cívico' },
    });
    const again = await api(t.url, 'POST', '/compliance/holidays', {
      token: admin,
      body: { country: 'CO', date: '2026-03-12', name: 'Otra vez' },
    });
    expect(again).toMatchObject({ status: 409, body: { code: ErrorCode.Conflict } });

    // A second server on the same database runs the start-up seeding again.
    const restarted = await createApp(t.config, ['error']);
    await restarted.init();
    await restarted.close();
    expect(await t.app.get(ComplianceRulesService).seedDefaults()).toEqual({ profiles: 0, holidays: 0 });

    const after = await api<ComplianceProfileResponse[]>(t.url, 'GET', '/compliance/profiles', {
      token: admin,
    });
    expect(after.body).toHaveLength(JURISDICTIONS.length);
    expect(after.body.find((p) => p.code === 'CO')?.definition.windows.sat).toEqual([
      { from: '09:00', to: '13:00' },
    ]);
    const holidays = await api<HolidayResponse[]>(t.url, 'GET', '/compliance/holidays?country=CO&year=2026', {
      token: admin,
    });
    expect(holidays.body.map((h) => h.date)).not.toContain('2026-01-12');
    expect(holidays.body).toContainEqual({ country: 'CO', date: '2026-03-12', name: 'Día cívico' });
    expect(holidays.body).toHaveLength(PUBLIC_HOLIDAYS.CO[2026].length);

    const [audit] = await t.db.query(
      "SELECT action, actor_id, before_data, after_data FROM audit_events WHERE entity_type IN ('compliance_profile', 'holiday') ORDER BY id",
    );
    const events = audit as { action: string; actor_id: number; before_data: unknown; after_data: unknown }[];
    expect(events.map((e) => e.action)).toEqual([
      'compliance-profile.updated',
      'holiday.removed',
      'holiday.added',
    ]);
    const parse = (value: unknown) =>
      (typeof value === 'string' ? JSON.parse(value) : value) as ComplianceProfile;
    expect(parse(events[0].before_data).windows.sat).toEqual([{ from: '08:00', to: '15:00' }]);
    expect(parse(events[0].after_data).windows.sat).toEqual([{ from: '09:00', to: '13:00' }]);
    expect(events.every((e) => String(e.actor_id) === ids['admin'])).toBe(true);
  });

  it('applies holiday edits to the very next check', async () => {
    const d = await debt(ids['teamA']);
    const request = { accountId: d.accountId, contactPointId: d.contactPointId, channel: 'voice' as const };
    // 12 January 2026 (Reyes, moved to Monday) was removed above; 12 March was added.
    expect(await gate.check(request, bogota('2026-01-12', '10:00'))).toEqual({ allowed: true });
    expect(await gate.check(request, bogota('2026-03-12', '10:00'))).toEqual({
      allowed: false,
      reason: ComplianceError.Holiday,
      retryAt: bogota('2026-03-13', '07:00'),
    });
  });

  it('refuses an invalid profile edit with the list of its problems', async () => {
    const admin = await login(t.url, 'root@x.co');
    const broken: ComplianceProfile = {
      ...DEFAULT_COMPLIANCE_PROFILES.EC,
      jurisdiction: 'MX',
      windows: { ...DEFAULT_COMPLIANCE_PROFILES.EC.windows, mon: [{ from: '20:00', to: '07:00' }] },
      caps: [{ ...DEFAULT_COMPLIANCE_PROFILES.EC.caps[0], maxAttemptsPerDay: -1 }],
    };
    const refused = await api<{ code: string; details: { problems: string[] } }>(
      t.url,
      'PUT',
      '/compliance/profiles/EC',
      { token: admin, body: broken },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe(ErrorCode.ValidationFailed);
    expect(refused.body.details.problems).toEqual([
      'jurisdiction MX does not match profile EC',
      'mon: 20:00–07:00 ends before it starts',
      'cap 1: maxAttemptsPerDay must be a whole number ≥ 0 or empty',
    ]);
    const shapeless = await api(t.url, 'PUT', '/compliance/profiles/EC', {
      token: admin,
      body: { ...DEFAULT_COMPLIANCE_PROFILES.EC, windows: undefined, extra: true },
    });
    expect(shapeless.status).toBe(400);
    const unknown = await api(t.url, 'PUT', '/compliance/profiles/AR', {
      token: admin,
      body: { ...DEFAULT_COMPLIANCE_PROFILES.EC, jurisdiction: 'AR' },
    });
    expect(unknown.status).toBe(404);
    const [rows] = await t.db.query("SELECT updated_by FROM compliance_profiles WHERE code = 'EC'");
    expect(rows).toEqual([{ updated_by: null }]);
  });

  it('refuses a call to a Bogotá debtor at 19:30 on a weekday until 07:00 the next day, and records it', async () => {
    const d = await debt(ids['teamA']);
    const verdict = await gate.check(
      { accountId: d.accountId, contactPointId: d.contactPointId, channel: 'voice', campaignId: '41' },
      bogota('2026-03-10', '19:30'),
    );
    expect(verdict).toEqual({
      allowed: false,
      reason: ComplianceError.OutsideWindow,
      retryAt: new Date('2026-03-11T12:00:00.000Z'),
    });
    expect(await refusalRows(d.accountId)).toEqual([
      {
        reason: 'outside_window',
        retry_at: sqlTime(new Date('2026-03-11T12:00:00.000Z')),
        team_id: Number(ids['teamA']),
        channel: 'voice',
      },
    ]);
    const manager = await login(t.url, 'boss@x.co');
    expect(counts(await summary(manager, '&campaignId=41'))).toEqual({ outside_window: 1 });
    expect(counts(await summary(manager))['outside_window']).toBeGreaterThanOrEqual(1);
  });

  it('refuses a do-not-contact number for good, and a number without consent under Ley 2300', async () => {
    const blocked = await debt(ids['teamA'], { doNotContact: true });
    expect(
      await gate.check(
        { accountId: blocked.accountId, contactPointId: blocked.contactPointId, channel: 'voice' },
        bogota('2026-03-10', '10:00'),
      ),
    ).toEqual({ allowed: false, reason: ComplianceError.DoNotContact });
    const unasked = await debt(ids['teamA'], { consent: 'unknown' });
    expect(
      await gate.check(
        { accountId: unasked.accountId, contactPointId: unasked.contactPointId, channel: 'sms' },
        bogota('2026-03-10', '10:00'),
      ),
    ).toEqual({ allowed: false, reason: ComplianceError.ConsentMissing });
    expect((await refusalRows(blocked.accountId)).map((r) => [r.reason, r.retry_at])).toEqual([
      ['do_not_contact', null],
    ]);
  });

  it('blocks a number for 72 h after an abandoned call, for voice only', async () => {
    const d = await debt(ids['teamA']);
    const now = bogota('2026-03-10', '18:00');
    const abandonedAt = new Date(now.getTime() - 10 * 3_600_000);
    await interaction(d, abandonedAt, 'abandoned');
    expect(
      await gate.check({ accountId: d.accountId, contactPointId: d.contactPointId, channel: 'voice' }, now),
    ).toEqual({
      allowed: false,
      reason: ComplianceError.AbandonedRecently,
      retryAt: new Date(abandonedAt.getTime() + 72 * 3_600_000),
    });
    expect(
      await gate.check({ accountId: d.accountId, contactPointId: d.contactPointId, channel: 'sms' }, now),
    ).toEqual({ allowed: true });
  });

  it('counts a right-party contact from its disposition: one contact a day, one channel a week', async () => {
    const d = await debt(ids['teamA']);
    await interaction(d, bogota('2026-03-10', '09:00'), 'human', { dispositionId: ids['rpc'] });
    const now = bogota('2026-03-10', '11:00');
    const request = { accountId: d.accountId, contactPointId: d.contactPointId };
    expect(await gate.check({ ...request, channel: 'voice' }, now)).toEqual({
      allowed: false,
      reason: ComplianceError.DailyContactCap,
      retryAt: bogota('2026-03-11', '07:00'),
    });
    expect(await gate.check({ ...request, channel: 'sms' }, now)).toEqual({
      allowed: false,
      reason: ComplianceError.ChannelMix,
      retryAt: bogota('2026-03-16', '07:00'),
    });
  });

  it('stops a CL debtor once the account is in court, and needs a contact point for phone channels', async () => {
    const d = await debt(ids['teamA'], {}, 'legal');
    await t.db.query("UPDATE debtors SET jurisdiction = 'CL', time_zone = 'America/Santiago' WHERE id = ?", [
      d.debtorId,
    ]);
    expect(
      await gate.check(
        { accountId: d.accountId, contactPointId: d.contactPointId, channel: 'voice' },
        new Date('2026-03-10T15:00:00Z'),
      ),
    ).toEqual({ allowed: false, reason: ComplianceError.LawsuitServed });
    await expect(gate.check({ accountId: d.accountId, channel: 'voice' }, new Date())).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
    });
    await expect(
      gate.check({ accountId: '999999', contactPointId: d.contactPointId, channel: 'voice' }, new Date()),
    ).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it("shows a supervisor only their teams' refusals, and managers all of them", async () => {
    const a = await debt(ids['teamA']);
    const b = await debt(ids['teamB']);
    const sunday = bogota('2026-03-15', '10:00');
    await gate.check(
      { accountId: a.accountId, contactPointId: a.contactPointId, channel: 'voice', campaignId: '77' },
      sunday,
    );
    await gate.check(
      { accountId: b.accountId, contactPointId: b.contactPointId, channel: 'voice', campaignId: '77' },
      sunday,
    );
    await gate.check(
      { accountId: b.accountId, contactPointId: b.contactPointId, channel: 'sms', campaignId: '77' },
      sunday,
    );

    const supA = await login(t.url, 'sup.a@x.co');
    const supB = await login(t.url, 'sup.b@x.co');
    const manager = await login(t.url, 'boss@x.co');
    expect(await summary(supA, '&campaignId=77')).toMatchObject({
      campaignId: '77',
      total: 1,
      byReason: [{ reason: 'no_window_today', count: 1 }],
    });
    expect(await summary(supB, '&campaignId=77')).toMatchObject({
      total: 2,
      byReason: [{ reason: 'no_window_today', count: 2 }],
    });
    expect((await summary(manager, '&campaignId=77')).total).toBe(3);
    const supATotal = (await summary(supA)).total;
    const managerTotal = (await summary(manager)).total;
    expect(supATotal).toBeLessThan(managerTotal);
    const empty = await api<RefusalSummaryResponse>(t.url, 'GET', '/compliance/refusals/summary', {
      token: supA,
    });
    expect(empty.body.total).toBe(0);
    const backwards = await api(
      t.url,
      'GET',
      '/compliance/refusals/summary?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z',
      { token: manager },
    );
    expect(backwards.status).toBe(400);
  });

  it('answers "¿se puede llamar ahora?" on the real clock without recording it, within the caller\'s teams', async () => {
    const d = await debt(ids['teamA'], { doNotContact: true });
    const admin = await login(t.url, 'root@x.co');
    const check = await api<ComplianceCheckResponse>(t.url, 'POST', '/compliance/check', {
      token: admin,
      body: { accountId: d.accountId, contactPointId: d.contactPointId, channel: 'voice' },
    });
    expect(check).toMatchObject({
      status: 200,
      body: { allowed: false, reason: 'do_not_contact', retryAt: null, profile: 'CO', timeZone: BOGOTA },
    });
    expect(await refusalRows(d.accountId)).toEqual([]);
    const supA = await login(t.url, 'sup.a@x.co');
    const supB = await login(t.url, 'sup.b@x.co');
    const body = { accountId: d.accountId, contactPointId: d.contactPointId, channel: 'voice' };
    expect((await api(t.url, 'POST', '/compliance/check', { token: supA, body })).status).toBe(200);
    expect((await api(t.url, 'POST', '/compliance/check', { token: supB, body })).status).toBe(404);
    const other = await debt(ids['teamA']);
    const foreignPoint = await api(t.url, 'POST', '/compliance/check', {
      token: admin,
      body: { accountId: other.accountId, contactPointId: d.contactPointId, channel: 'voice' },
    });
    expect(foreignPoint.status).toBe(404);
  });

  it('keeps every compliance endpoint from agents, and edits to admins', async () => {
    const agent = await login(t.url, 'agent@x.co');
    const manager = await login(t.url, 'boss@x.co');
    const supervisor = await login(t.url, 'sup.a@x.co');
    const holiday = { country: 'CO', date: '2026-10-01', name: 'Prueba' };
    const calls: [string, string, unknown?][] = [
      ['GET', '/compliance/profiles'],
      ['PUT', '/compliance/profiles/CO', DEFAULT_COMPLIANCE_PROFILES.CO],
      ['GET', '/compliance/holidays?country=CO'],
      ['POST', '/compliance/holidays', holiday],
      ['DELETE', '/compliance/holidays/CO/2026-01-01'],
      ['GET', '/compliance/refusals/summary'],
      ['POST', '/compliance/check', { accountId: '1', contactPointId: '1', channel: 'voice' }],
    ];
    for (const [method, path, body] of calls) {
      expect([method, path, (await api(t.url, method, path, { token: agent, body })).status]).toEqual([
        method,
        path,
        403,
      ]);
    }
    for (const [method, path, body] of calls.filter(([m, p]) => m !== 'GET' && p !== '/compliance/check')) {
      expect((await api(t.url, method, path, { token: manager, body })).status).toBe(403);
      expect((await api(t.url, method, path, { token: supervisor, body })).status).toBe(403);
    }
    expect(
      (await api(t.url, 'POST', '/compliance/check', { token: manager, body: calls[6][2] })).status,
    ).toBe(403);
    expect((await api(t.url, 'GET', '/compliance/profiles', { token: manager })).status).toBe(200);
    expect((await api(t.url, 'GET', '/compliance/holidays', { token: supervisor })).status).toBe(200);
  });
});
