import {
  WIDGET_NAMESPACE,
  type SimulatedOutboxMessage,
  type WidgetAgreementView,
  type WidgetChallenge,
  type WidgetClientToServerEvents,
  type WidgetServerToClientEvents,
  type WidgetSessionToken,
  type WidgetSnapshot,
} from '@recupera/shared';
import { io, type Socket } from 'socket.io-client';
import { DialerFixtures, until } from '../../testing/dialer-fixtures.util';
import { api, login, startTestApp, type TestApp } from '../../testing/test-app.util';
import { LifecycleEvents } from '../lifecycle/lifecycle-events.service';

type WidgetClient = Socket<WidgetServerToClientEvents, WidgetClientToServerEvents>;

const SITE = 'https://www.bancoandino.example';
const ELSEWHERE = 'https://phishing.example';
const MOBILE = '+573005550001';

let ipSeq = 0;
/** Each identification comes from its own address unless a test says otherwise (5 per address). */
function nextIp(): string {
  ipSeq += 1;
  return `10.9.${Math.floor(ipSeq / 250)}.${ipSeq % 250}`;
}

/** The widget embedded on a creditor's site: CORS, the socket's origins, limits, expiry, agreements. */
describe('Web chat widget on a creditor site', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let admin: string;
  const sockets: WidgetClient[] = [];

  async function call<T = unknown>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const response = await fetch(`${t.url}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // socket.io's polling frames are not JSON: kept as text.
    }
    return { status: response.status, body: body as T, headers: response.headers };
  }

  function identify(accountNumber: string, nationalId: string, ip = nextIp()) {
    return call<WidgetChallenge>('POST', '/api/widget/BCO/identify', {
      body: { accountNumber, nationalId },
      headers: { 'x-forwarded-for': ip },
    });
  }

  async function lastCode(): Promise<string> {
    const outbox = await api<SimulatedOutboxMessage[]>(
      t.url,
      'GET',
      `/simulated-carrier/outbox?to=${encodeURIComponent(MOBILE)}`,
      { token: admin },
    );
    return /(\d{6})/.exec(outbox.body[0]!.body)![1]!;
  }

  async function session(): Promise<string> {
    const challenge = await identify('EM-1', '55666777K');
    expect(challenge.status).toBe(201);
    const verified = await call<WidgetSessionToken>('POST', '/api/widget/verify', {
      body: { challengeId: challenge.body.challengeId, code: await lastCode() },
    });
    expect(verified.status).toBe(200);
    return verified.body.token;
  }

  function connect(token: string, origin?: string): WidgetClient {
    const socket: WidgetClient = io(`${t.url}${WIDGET_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
      extraHeaders: origin ? { origin } : {},
    });
    sockets.push(socket);
    return socket;
  }

  function handshake(socket: WidgetClient): Promise<WidgetSnapshot> {
    return new Promise((resolve, reject) => {
      socket.once('widget.snapshot', resolve);
      socket.once('connect_error', reject);
    });
  }

  async function insertAgreement(accountId: string, status: 'active' | 'pending_approval'): Promise<string> {
    const id = await f.insertId(
      `INSERT INTO agreements (account_id, status, currency, total_minor, down_payment_minor, installments_count, settles_in_full)
       VALUES (?, ?, 'COP', 400000, 100000, 2, 1)`,
      [accountId, status],
    );
    await t.db.query(
      `INSERT INTO installments (agreement_id, seq, due_date, amount_minor) VALUES (?, 1, '2026-12-15', 150000), (?, 2, '2027-01-15', 150000)`,
      [id, id],
    );
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp({ widgetAllowedOrigins: [SITE] });
    f = new DialerFixtures(t);
    await f.seed();
    await f.account('EM-1', f.ids['p1']!, f.ids['teamA']!, 'America/Bogota', MOBILE);
    await f.account('EM-LAND', f.ids['p1']!, f.ids['teamA']!, 'America/Bogota', '+5716015555');
    await t.db.query("UPDATE debtors SET national_id = '55.666.777-k' WHERE debtor_key = 'EM-1'");
    await t.db.query("UPDATE debtors SET national_id = '8001' WHERE debtor_key = 'EM-LAND'");
    await t.db.query(
      "UPDATE contact_points cp JOIN debtors d ON d.id = cp.debtor_id SET cp.type = 'landline' WHERE d.debtor_key = 'EM-LAND'",
    );
    admin = await login(t.url, 'admin@dialer.test');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await f?.close();
    await t?.close();
  });

  it("answers a creditor site's preflight on the widget's routes, and nobody else's", async () => {
    const preflight = (path: string, origin: string) =>
      call('OPTIONS', path, {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('/api/widget/verify', SITE);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();

    const foreign = await preflight('/api/widget/verify', ELSEWHERE);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    // The staff API answers no site, not even the widget's.
    const staff = await preflight('/api/auth/login', SITE);
    expect(staff.headers.get('access-control-allow-origin')).toBeNull();

    const refused = await call('POST', '/api/widget/BCO/identify', {
      body: { accountNumber: 'nope', nationalId: 'nope' },
      headers: { origin: SITE, 'x-forwarded-for': nextIp() },
    });
    expect(refused.status).toBe(404);
    expect(refused.headers.get('access-control-allow-origin')).toBe(SITE);
  });

  it("lets the creditor's site, and this server's own pages, open the widget's socket; another site is refused", async () => {
    const token = await session();
    await expect(handshake(connect(token, SITE))).resolves.toMatchObject({ debtorName: 'Deudor EM-1' });
    await expect(handshake(connect(token, t.url))).resolves.toBeTruthy();
    await expect(handshake(connect(token, ELSEWHERE))).rejects.toThrow(/not enabled for this site/);

    const polling = await call('GET', '/socket.io/?EIO=4&transport=polling', { headers: { origin: SITE } });
    expect(polling.status).toBe(200);
    expect(polling.headers.get('access-control-allow-origin')).toBe(SITE);
    const pollingElsewhere = await call('GET', '/socket.io/?EIO=4&transport=polling', {
      headers: { origin: ELSEWHERE },
    });
    expect(pollingElsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('matches the national id however it is written', async () => {
    expect((await identify('EM-1', '55 666 777-K')).status).toBe(201);
    expect((await identify('EM-1', '55.666.777.k')).status).toBe(201);
    expect((await identify('EM-1', '55666778K')).status).toBe(404);
  });

  it('says so when the debtor has no mobile to send the code to', async () => {
    const refused = await identify('EM-LAND', '8001');
    expect(refused.status).toBe(422);
    const [rows] = await t.db.query(
      "SELECT COUNT(*) AS n FROM widget_sessions ws JOIN accounts a ON a.id = ws.account_id WHERE a.account_number = 'EM-LAND'",
    );
    expect(Number((rows as { n: number }[])[0]!.n)).toBe(0);
  });

  it('refuses an expired code, even the right one', async () => {
    const challenge = await identify('EM-1', '55666777K');
    const code = await lastCode();
    await t.db.query(
      'UPDATE widget_sessions SET code_expires_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE challenge_id = ?',
      [challenge.body.challengeId],
    );
    const late = await call('POST', '/api/widget/verify', {
      body: { challengeId: challenge.body.challengeId, code },
    });
    expect(late.status).toBe(410);
  });

  it('throttles identification: 5 an address per 10 minutes, 5 an account per hour', async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) expect((await identify('nope', 'nope', ip)).status).toBe(404);
    expect((await identify('EM-1', '55666777K', ip)).status).toBe(429);

    const [rows] = await t.db.query(
      "SELECT COUNT(*) AS n FROM widget_sessions ws JOIN accounts a ON a.id = ws.account_id WHERE a.account_number = 'EM-1'",
    );
    const before = Number((rows as { n: number }[])[0]!.n);
    const statuses: number[] = [];
    for (let i = before; i < 6; i++) statuses.push((await identify('EM-1', '55666777K')).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 201)).toBe(true);
  });

  it('shows an agreement awaiting approval in the snapshot, and pushes one the agent activates in the chat', async () => {
    // The throttle test spent this account's hour of identifications.
    const token = await sessionBypassingThrottle();
    const pending = await insertAgreement(f.ids['EM-1']!, 'pending_approval');
    const snapshot = await call<WidgetSnapshot>('GET', '/api/widget/session', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(snapshot.body.agreements.map((a) => [a.id, a.status])).toEqual([[pending, 'pending_approval']]);
    expect(snapshot.body.agreements[0]!.installments.map((i) => i.dueDate)).toEqual([
      '2026-12-15',
      '2027-01-15',
    ]);

    const widget = connect(token, SITE);
    const pushed: WidgetAgreementView[] = [];
    widget.on('widget.agreement', (a) => pushed.push(a));
    await handshake(widget);
    const chat = (await widget.emitWithAck('widget.chat-requested', {
      accountId: f.ids['EM-1']!,
      queue: 'convenios',
    })) as { ok: boolean };
    expect(chat.ok).toBe(true);

    const made = await insertAgreement(f.ids['EM-1']!, 'active');
    await t.app.get(LifecycleEvents).emit('agreement.activated', {
      accountId: f.ids['EM-1']!,
      agreementId: made,
      at: new Date(),
    });
    const agreement = await until('the agreement in the widget', async () =>
      pushed.find((a) => a.id === made),
    );
    expect(agreement).toMatchObject({
      status: 'active',
      total: { amountMinor: 400000, currency: 'COP' },
      downPayment: { amountMinor: 100000, currency: 'COP' },
      settlesInFull: true,
    });
    expect(agreement.installments).toHaveLength(2);
  });

  /** A verified session for EM-1 once its hourly identifications are spent (the code path is tested above). */
  async function sessionBypassingThrottle(): Promise<string> {
    await deleteThrottle();
    return session();
  }

  async function deleteThrottle(): Promise<void> {
    const { Redis } = await import('ioredis');
    const redis = new Redis(t.config.redisUrl, { maxRetriesPerRequest: 1 });
    try {
      const keys = await redis.keys(`${t.config.queuePrefix}:widget-throttle:account:*`);
      if (keys.length > 0) await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
  }
});
