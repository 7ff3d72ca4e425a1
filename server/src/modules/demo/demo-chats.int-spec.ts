import { DialerFixtures, until } from '../../testing/dialer-fixtures.util';
import { startTestApp, type TestApp } from '../../testing/test-app.util';
import type { DemoAgentBot } from './demo-agent-bot.util';
import { DemoDebtorsService } from './demo-debtors.service';
import { DemoFloorService } from './demo-floor.service';

interface StoredChat {
  id: string;
  status: string;
  agent_id: string | null;
  code: string | null;
  debtor_lines: number;
  agent_lines: number;
}

/** The demo's chats: simulated debtors text in over the inbound SMS path and a bot answers them. */
describe('demo chats', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let floor: DemoFloorService;
  let bot: DemoAgentBot;

  const chats = async (): Promise<StoredChat[]> => {
    const [rows] = await t.db.query(
      `SELECT c.id, c.status, c.agent_id, d.code,
              (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.author = 'debtor') AS debtor_lines,
              (SELECT COUNT(*) FROM messages m WHERE m.conversation_id = c.id AND m.author = 'agent') AS agent_lines
         FROM conversations c LEFT JOIN interactions i ON i.id = c.interaction_id
         LEFT JOIN dispositions d ON d.id = i.disposition_id ORDER BY c.id`,
    );
    return (rows as StoredChat[]).map((r) => ({
      ...r,
      id: String(r.id),
      agent_id: r.agent_id === null ? null : String(r.agent_id),
      debtor_lines: Number(r.debtor_lines),
      agent_lines: Number(r.agent_lines),
    }));
  };

  beforeAll(async () => {
    t = await startTestApp();
    f = new DialerFixtures(t);
    await f.seed();
    for (let n = 1; n <= 5; n++) {
      const debtor = await f.insertId(
        "INSERT INTO debtors (client_id, debtor_key, full_name, time_zone, jurisdiction) VALUES (?, ?, ?, 'America/Mexico_City', 'MX')",
        [f.ids['client'], `CH-${n}`, `Deudora Chat ${n}`],
      );
      await t.db.query(
        "INSERT INTO contact_points (debtor_id, type, value, consent) VALUES (?, 'mobile', ?, 'granted')",
        [debtor, `+52552${String(n).padStart(7, '0')}`],
      );
      await t.db.query(
        `INSERT INTO accounts (client_id, portfolio_id, debtor_id, account_number, currency, original_amount_minor,
           balance_minor, days_past_due, aging_bucket, status, assigned_team_id)
         VALUES (?, ?, ?, ?, 'COP', 2500000, 1500000, 45, '31-60', 'active', ?)`,
        [f.ids['client'], f.ids['p1'], debtor, `CH-${n}`, f.ids['teamA']],
      );
    }
    floor = t.app.get(DemoFloorService);
    const agent = { id: f.ids['agentA']!, email: 'a@dialer.test', teamId: f.ids['teamA']! };
    // A hundredth of real time: a debtor writes within seconds and answers in 0.1–0.25 s.
    [bot] = floor.startBots([agent], { baseUrl: t.url, timeScale: 0.01, seed: 7, staggerMs: 0 });
    floor.startDebtors([agent], { timeScale: 0.01, seed: 7 });
  }, 60_000);

  afterAll(async () => {
    await floor?.stop();
    await f?.close();
    await t?.close();
  });

  it('a debtor texts in, the bot accepts, they talk back and forth, and the bot wraps the chat up', async () => {
    const [done] = await until(
      'a demo chat wrapped up',
      async () => {
        const closed = (await chats()).filter((c) => c.status === 'closed' && c.code !== null);
        return closed.length > 0 && closed;
      },
      45_000,
    );
    expect(done!.agent_id).toBe(f.ids['agentA']);
    // The opening and both follow-ups; the greeting, two answers and the goodbye.
    expect(done!.debtor_lines).toBe(3);
    expect(done!.agent_lines).toBe(4);
    expect(['TITULAR', 'TERCERO', 'VOLVER']).toContain(done!.code);
    expect(bot.stats.chats).toBeGreaterThan(0);
    expect(bot.stats.errors).toBe(0);
  }, 60_000);

  it('stops writing when the floor stops', async () => {
    await floor.stop();
    expect(t.app.get(DemoDebtorsService).open).toBe(0);
    const before = (await chats()).length;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await chats()).toHaveLength(before);
  });
});
