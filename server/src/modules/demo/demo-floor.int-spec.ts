import type { SimulatedCarrier } from '@recupera/dialer';
import {
  DEFAULT_COMPLIANCE_PROFILES,
  DEFAULT_MX_COLLECTION_SCRIPT,
  PREVIEW_SKIP_REASONS,
  agentRoom,
  evaluateAttempt,
  type Weekday,
  type ScriptResponse,
  type ScriptVersionResponse,
} from '@recupera/shared';
import type { Namespace } from 'socket.io';
import { AgentGateway } from '../agents/agent.gateway';
import { CARRIER } from '../dialer/dialer.constant';
import { DialerFixtures, EVERYONE_ANSWERS, until } from '../../testing/dialer-fixtures.util';
import { api, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import type { DemoAgentBot } from './demo-agent-bot.util';
import { DemoFloorService } from './demo-floor.service';

/**
 * An Etc/GMT zone where Mexico's 07:00–22:00 window is open right now: the bots, the gate and the
 * agreements all run on the real clock, so the debtors are put where they may be called.
 */
function zoneOpenNow(now: Date): string {
  for (let offset = -12; offset <= 14; offset++) {
    const hour = (now.getUTCHours() + offset + 24) % 24;
    if (hour < 9 || hour > 19) continue;
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const verdict = evaluateAttempt(
      {
        profile: DEFAULT_COMPLIANCE_PROFILES.MX,
        timeZone: zone,
        holidays: new Set(),
        channel: 'voice',
        contactPoint: { id: '1', valid: true, doNotContact: false, consent: { voice: 'granted' } },
        history: [],
        legal: { lawsuitServed: false },
      },
      now,
    );
    if (verdict.allowed) return zone;
  }
  throw new Error('no zone inside the MX window now');
}

/** A bot may be on its lunch break when a test starts waiting: 40 min of it take 24 s here. */
const BREAK_PROOF_MS = 45_000;

interface StoredCall {
  id: string;
  code: string | null;
  category: string | null;
  connected_at: Date | null;
  script_path: { stepId: string; completed: boolean }[] | null;
  talk_seconds: number | null;
  wrap_seconds: number | null;
}

describe(DemoFloorService.name, () => {
  let t: TestApp;
  let f: DialerFixtures;
  let floor: DemoFloorService;
  let bot: DemoAgentBot;
  let campaign: string;
  let review: string;
  const EVERY_DAY: { days: Weekday[]; from: string; to: string } = {
    days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
    from: '00:00',
    to: '23:59',
  };

  const dispositioned = async (): Promise<StoredCall[]> => {
    const [rows] = await t.db.query(
      `SELECT i.id, d.code, d.category, i.connected_at, i.script_path, i.talk_seconds, i.wrap_seconds
         FROM interactions i LEFT JOIN dispositions d ON d.id = i.disposition_id
        WHERE i.agent_id = ? AND i.disposition_id IS NOT NULL ORDER BY i.id`,
      [f.ids['agentA']],
    );
    return (rows as StoredCall[]).map((r) => ({ ...r, id: String(r.id) }));
  };

  const states = async (): Promise<string[]> => {
    const [rows] = await t.db.query('SELECT state FROM agent_state_changes WHERE agent_id = ? ORDER BY id', [
      f.ids['agentA'],
    ]);
    return (rows as { state: string }[]).map((r) => r.state);
  };

  /** A Mexican debtor where calling is lawful right now, owing on an account of team A. */
  const account = async (number: string, portfolio: string, n: number): Promise<void> => {
    const debtor = await f.insertId(
      "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, ?, 'MX')",
      [f.ids['client'], number, `María Deudora ${n}`, zoneOpenNow(new Date())],
    );
    await t.db.query(
      "INSERT INTO contact_points (debtor_id, type, value, consent) VALUES (?, 'mobile', ?, 'granted')",
      [debtor, `+52551${String(n).padStart(7, '0')}`],
    );
    await t.db.query(
      `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
         balance_minor, days_past_due, aging_bucket, status, assigned_team_id)
       VALUES (?, ?, ?, ?, 'COP', 2500000, ?, 45, '31-60', 'active', ?)`,
      [f.ids['client'], portfolio, debtor, number, 1_000_000 + n * 12_345, f.ids['teamA']],
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    // Everyone answers at once and would talk ten minutes: the bot is the one who hangs up.
    t.app
      .get<SimulatedCarrier>(CARRIER)
      .useScenario({ ...EVERYONE_ANSWERS, talkTime: { kind: 'fixed', ms: 600_000 } });
    f = new DialerFixtures(t);
    await f.seed();
    for (let n = 1; n <= 12; n++) await account(`DEMO-${n}`, f.ids['p1'], n);
    const admin = await login(t.url, 'admin@dialer.test');
    const { scriptId: _id, version: _version, ...draft } = DEFAULT_MX_COLLECTION_SCRIPT;
    const script = await api<ScriptResponse>(t.url, 'POST', '/scripts', { token: admin, body: draft });
    const published = await api<ScriptVersionResponse>(t.url, 'POST', `/scripts/${script.body.id}/publish`, {
      token: admin,
    });
    campaign = await f.startCampaign('Piso demo', f.ids['p1'], f.ids['teamA'], {
      schedule: EVERY_DAY,
      scriptVersionId: published.body.id,
    });
    floor = t.app.get(DemoFloorService);
    // A hundredth of real time: 60–300 s of talk take 0.6–3 s, a 10–40 s wrap-up 0.1–0.4 s.
    [bot] = floor.startBots([{ id: f.ids['agentA'], email: 'a@dialer.test', teamId: f.ids['teamA'] }], {
      baseUrl: t.url,
      timeScale: 0.01,
      seed: 2026,
      staggerMs: 0,
    });
  }, 60_000);

  afterAll(async () => {
    await floor?.stop();
    await f?.close();
    await t?.close();
  });

  it('goes available, takes a call, follows its script and finishes the wrap-up with a disposition', async () => {
    const [first] = await until('a call wrapped up by the bot', async () => {
      const calls = await dispositioned();
      return calls.length > 0 && calls;
    });
    expect(['TITULAR', 'PROMESA', 'VOLVER']).toContain(first.code);
    expect(first.connected_at).not.toBeNull();
    expect(first.talk_seconds).not.toBeNull();
    expect(first.wrap_seconds).not.toBeNull();
    expect(first.script_path?.[0]).toEqual({ stepId: 'saludo', completed: true });
    // The disposition is stored before the agent's return to available is: wait for that too.
    const seen = await until('the bot back to available', async () => {
      const all = await states();
      return all.length >= 4 && all;
    });
    expect(seen.slice(0, 4)).toEqual(['available', 'on_call', 'wrap_up', 'available']);
    expect(bot.stats).toMatchObject({ connects: 1, errors: 0 });
  });

  it('keeps working: a promise comes with its agreement, a callback with its time', async () => {
    const calls = await until(
      'a promise and a callback',
      async () => {
        const all = await dispositioned();
        return all.some((c) => c.category === 'promise') && all.some((c) => c.category === 'callback') && all;
      },
      BREAK_PROOF_MS,
    );
    const promise = calls.find((c) => c.category === 'promise')!;
    const [agreements] = await t.db.query(
      'SELECT status, agent_id, installments_count FROM agreements WHERE interaction_id = ?',
      [promise.id],
    );
    expect(agreements).toHaveLength(1);
    const [agreement] = agreements as { status: string; agent_id: number | string }[];
    expect(agreement.status).toBe('active');
    expect(String(agreement.agent_id)).toBe(f.ids['agentA']);
    const callback = calls.find((c) => c.category === 'callback')!;
    const [callbacks] = await t.db.query('SELECT due_at FROM callbacks WHERE interaction_id = ?', [
      callback.id,
    ]);
    const due = (callbacks as { due_at: Date }[])[0].due_at;
    expect(due.getTime()).toBeGreaterThan(Date.now());
    expect(bot.stats.errors).toBe(0);
  }, 90_000);

  it('dials most previewed accounts and skips the others with a reason', async () => {
    for (let n = 101; n <= 108; n++) await account(`PV-${n}`, f.ids['p2'], n);
    const admin = await login(t.url, 'admin@dialer.test');
    expect((await api(t.url, 'POST', `/campaigns/${campaign}/pause`, { token: admin })).status).toBe(200);
    review = await f.startCampaign('Piso demo — revisión', f.ids['p2'], f.ids['teamA'], {
      dialMode: 'preview',
      schedule: EVERY_DAY,
    });
    const previewed = async () => {
      const [rows] = await t.db.query(
        `SELECT i.stage, i.end_reason, i.dialed_at IS NOT NULL AS dialed, i.disposition_id FROM interactions i
           JOIN accounts a ON a.id = i.account_id WHERE a.account_number LIKE 'PV-%'`,
      );
      return rows as {
        stage: string;
        end_reason: string | null;
        dialed: number;
        disposition_id: string | null;
      }[];
    };
    const rows = await until(
      'a previewed account dialled and wrapped up',
      async () => {
        const all = await previewed();
        return all.some((r) => r.dialed && r.disposition_id) && all;
      },
      BREAK_PROOF_MS,
    );
    expect(bot.stats.previewsDialled).toBeGreaterThan(0);
    for (const skipped of rows.filter((r) => r.stage === 'skipped'))
      expect(PREVIEW_SKIP_REASONS).toContain(skipped.end_reason);
  }, 90_000);

  it('comes back when the server drops its socket, and carries on from the snapshot', async () => {
    const before = (await states()).length;
    const gateway = t.app.get(AgentGateway) as unknown as { namespace: Namespace };
    gateway.namespace.in(agentRoom(f.ids['agentA'])).disconnectSockets(true);
    await until('the bot to reconnect', async () => bot.stats.connects >= 2, 20_000);
    // Dropped while free it is logged off and asks to be available; dropped on a call it finishes it.
    await until(
      'the bot to be available again',
      async () => (await states()).slice(before).includes('available'),
      BREAK_PROOF_MS,
    );
    expect(bot.stats.errors).toBe(0);
  }, 90_000);

  it('leaves the floor when stopped: the call in hand is hung up and wrapped up, the agent logged off', async () => {
    const admin = await login(t.url, 'admin@dialer.test');
    expect((await api(t.url, 'POST', `/campaigns/${review}/pause`, { token: admin })).status).toBe(200);
    const closing = await f.insertId(
      "INSERT INTO portfolios (client_id, name, stage, industry, currency, jurisdiction) VALUES (?, 'Cierre', 'tardia', 'banking', 'COP', 'MX')",
      [f.ids['client']],
    );
    for (let n = 201; n <= 204; n++) await account(`CI-${n}`, closing, n);
    await f.startCampaign('Piso demo — cierre', closing, f.ids['teamA'], { schedule: EVERY_DAY });
    await until('the bot to be on a call', async () => bot.state?.state === 'on_call', BREAK_PROOF_MS);
    await floor.stop();
    expect(floor.running).toHaveLength(0);
    expect((await states()).at(-1)).toBe('offline');
    const [open] = await t.db.query(
      'SELECT COUNT(*) AS n FROM interactions WHERE agent_id = ? AND connected_at IS NOT NULL AND disposition_id IS NULL',
      [f.ids['agentA']],
    );
    expect(Number((open as { n: number }[])[0].n)).toBe(0);
    const before = (await dispositioned()).length;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(await dispositioned()).toHaveLength(before);
    expect(await states().then((s) => s.at(-1))).toBe('offline');
  }, 90_000);
});
