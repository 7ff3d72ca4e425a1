import type { DialerEngine, SimulatedCarrier } from '@recupera/dialer';
import {
  DEFAULT_MX_COLLECTION_SCRIPT,
  ErrorCode,
  toPlainText,
  type RenderedScript,
  type ScriptPushed,
  type ScriptResponse,
  type ScriptVersionResponse,
} from '@recupera/shared';
import { CARRIER, DIALER_ENGINE } from '../dialer/dialer.constant';
import {
  DialerFixtures,
  EVERYONE_ANSWERS,
  WEDNESDAY_MORNING_IN_BOGOTA,
  emitWithAck,
} from '../../testing/dialer-fixtures.util';
import { api, login, startTestApp, type TestApp } from '../../testing/test-app.util';

const { scriptId: _id, version: _v, ...BODY } = DEFAULT_MX_COLLECTION_SCRIPT;

/** Scripts from the editor's save to the agent's screen: versions, publishing, preview, push, path. */
describe('Call scripts', () => {
  let t: TestApp;
  let f: DialerFixtures;
  let admin: string;
  const startedAt = Date.now();

  beforeAll(async () => {
    t = await startTestApp();
    t.app.get<DialerEngine>(DIALER_ENGINE).ctx.clock.now = () =>
      new Date(WEDNESDAY_MORNING_IN_BOGOTA.getTime() + (Date.now() - startedAt));
    t.app
      .get<SimulatedCarrier>(CARRIER)
      .useScenario({ ...EVERYONE_ANSWERS, talkTime: { kind: 'fixed', ms: 60_000 } });
    f = new DialerFixtures(t);
    await f.seed();
    admin = await login(t.url, 'admin@dialer.test');
  });

  afterAll(async () => {
    await f?.close();
    await t?.close();
  });

  async function publishedScript(): Promise<ScriptVersionResponse> {
    const created = await api<ScriptResponse>(t.url, 'POST', '/scripts', { token: admin, body: BODY });
    expect(created.status).toBe(201);
    const published = await api<ScriptVersionResponse>(t.url, 'POST', `/scripts/${created.body.id}/publish`, {
      token: admin,
    });
    expect(published.status).toBe(200);
    return published.body;
  }

  it('publishes a draft once, and an edit after that starts the next version without touching it', async () => {
    const v1 = await publishedScript();
    expect(v1).toMatchObject({ version: 1, status: 'published', problems: [] });
    const again = await api(t.url, 'POST', `/scripts/${v1.scriptId}/publish`, { token: admin });
    expect(again.status).toBe(409);
    const edited = await api<ScriptResponse>(t.url, 'PUT', `/scripts/${v1.scriptId}/draft`, {
      token: admin,
      body: { ...BODY, name: 'Cobranza v2' },
    });
    expect(edited.body.versions.map((v) => [v.version, v.status, v.name])).toEqual([
      [2, 'draft', 'Cobranza v2'],
      [1, 'published', BODY.name],
    ]);
  });

  it('refuses malformed steps, and keeps a draft with errors from being published', async () => {
    const malformed = await api<{ details: { errors: string[] } }>(t.url, 'POST', '/scripts', {
      token: admin,
      body: { ...BODY, steps: [{ id: 'x', title: 'X', text: 1, required: true }] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details.errors).toEqual(['steps[0].text must be text']);
    const broken = {
      ...BODY,
      steps: BODY.steps.map((s, i) => (i === 0 ? { ...s, text: '{{debtor.shoeSize}}' } : s)),
    };
    const draft = await api<ScriptResponse>(t.url, 'POST', '/scripts', { token: admin, body: broken });
    expect(draft.status).toBe(201);
    expect(draft.body.versions[0].problems.length).toBeGreaterThan(0);
    const refused = await api<{ code: string }>(t.url, 'POST', `/scripts/${draft.body.id}/publish`, {
      token: admin,
    });
    expect(refused.status).toBe(400);
    const campaign = await api(t.url, 'POST', '/campaigns', {
      token: admin,
      body: {
        name: 'Con borrador',
        portfolioId: f.ids['p1'],
        dialMode: 'progressive',
        teamIds: [f.ids['teamA']],
        scriptVersionId: draft.body.versions[0].id,
      },
    });
    expect(campaign.status).toBe(400);
  });

  it('previews a version against an account, escaping the debtor’s data', async () => {
    const v1 = await publishedScript();
    await f.account('SC-1', f.ids['p1'], f.ids['teamA'], 'America/Bogota', '+573003330001');
    await t.db.query(
      "UPDATE debtors d JOIN accounts a ON a.debtor_id = d.id SET d.full_name = '<b>Ana</b> Ruiz' WHERE a.id = ?",
      [f.ids['SC-1']],
    );
    const preview = await api<RenderedScript>(t.url, 'POST', `/scripts/versions/${v1.id}/preview`, {
      token: admin,
      body: { accountId: f.ids['SC-1'] },
    });
    expect(preview.status).toBe(200);
    const greeting = preview.body.steps.find((s) => s.id === 'saludo')!;
    expect(toPlainText(greeting.question!.prompt)).toBe('¿Hablo con <b>Ana</b> Ruiz?');
    expect(JSON.stringify(greeting.question!.prompt)).not.toContain('"kind":"html"');
  });

  it('pushes the campaign script to the agent when the call connects, and keeps the agent’s path', async () => {
    const v1 = await publishedScript();
    await f.account('SC-2', f.ids['p2'], f.ids['teamB'], 'America/Bogota', '+573003330002');
    const agent = await f.connectAgent('b@dialer.test');
    const pushed = new Promise<ScriptPushed>((resolve) => agent.once('script.pushed', resolve));
    await emitWithAck(agent, 'agent.state-requested', { state: 'available' });
    const campaignId = await f.startCampaign('Con guion', f.ids['p2'], f.ids['teamB']);
    await api(t.url, 'POST', `/campaigns/${campaignId}/pause`, { token: admin });
    const edit = await api(t.url, 'PATCH', `/campaigns/${campaignId}`, {
      token: admin,
      body: { scriptVersionId: v1.id },
    });
    expect(edit.status).toBe(200);
    await api(t.url, 'POST', `/campaigns/${campaignId}/resume`, { token: admin });

    const script = await pushed;
    expect(script.versionId).toBe(v1.id);
    const greeting = script.script.steps.find((s) => s.id === 'saludo')!;
    expect(toPlainText(greeting.question!.prompt)).toBe('¿Hablo con Deudor SC-2?');
    const identification = script.script.steps.find((s) => s.id === 'identificacion')!;
    expect(identification.required).toBe(true);

    expect(
      await emitWithAck(agent, 'script.step-recorded', {
        callId: script.callId,
        stepId: 'saludo',
        completed: true,
        answerId: 'titular',
      }),
    ).toEqual({ ok: true });
    expect(
      await emitWithAck(agent, 'script.step-recorded', {
        callId: script.callId,
        stepId: 'identificacion',
        completed: true,
      }),
    ).toEqual({ ok: true });
    expect(
      await emitWithAck(agent, 'script.step-recorded', {
        callId: script.callId,
        stepId: 'nope',
        completed: true,
      }),
    ).toMatchObject({
      ok: false,
      code: ErrorCode.Conflict,
    });
    const [rows] = await t.db.query(
      'SELECT script_version_id, script_required_shown, script_required_completed FROM interactions WHERE id = ?',
      [script.callId],
    );
    expect(rows).toEqual([
      { script_version_id: Number(v1.id), script_required_shown: 1, script_required_completed: 1 },
    ]);
    const stranger = await f.connectAgent('a@dialer.test');
    expect(
      await emitWithAck(stranger, 'script.step-recorded', {
        callId: script.callId,
        stepId: 'saludo',
        completed: true,
      }),
    ).toMatchObject({
      ok: false,
      code: ErrorCode.Conflict,
    });
  });
});
