import {
  BREAK_REASONS,
  CALLBACK_MAX_DAYS,
  DEFAULT_AGREEMENT_RULES,
  DEFAULT_MX_COLLECTION_SCRIPT,
  DISPOSITION_CATEGORIES,
  EXAMPLE_SCRIPT_CONTEXT,
  PREVIEW_SKIP_REASONS,
  SeededRandom,
  WAIVER_LIMIT_BP,
  daysBetween,
  planAgreement,
  renderScript,
  type DispositionCategory,
  type DispositionOption,
} from '@recupera/shared';
import {
  chooseDisposition,
  fallbackDisposition,
  planBreak,
  planCall,
  planCallback,
  planDemoAgreement,
  planPreview,
  planScriptPath,
  startDelayMs,
  workStretchSeconds,
} from './demo-agent-plan.util';
import { DEMO_BOT_EMAILS, DEMO_HUMAN_AGENTS } from './demo-floor.constant';
import { DEMO_DISPOSITIONS, DEMO_USERS } from './demo-users.constant';

const DEMO_SET: DispositionOption[] = DEMO_DISPOSITIONS.map((d, i) => ({ id: String(i + 1), ...d }));

function option(code: string, category: DispositionCategory): DispositionOption {
  return {
    id: code,
    code,
    labelEs: code,
    labelEn: code,
    category,
    isContact: category !== 'no_contact',
    isRpc: false,
    isPromise: category === 'promise',
  };
}

function shares(draws: number, seed: number, options = DEMO_SET): Map<DispositionCategory, number> {
  const rng = new SeededRandom(seed);
  const counts = new Map<DispositionCategory, number>();
  for (let i = 0; i < draws; i++) {
    const chosen = chooseDisposition(options, rng)!;
    counts.set(chosen.category, (counts.get(chosen.category) ?? 0) + 1);
  }
  return new Map([...counts].map(([category, n]) => [category, n / draws]));
}

describe('demo agent decisions', () => {
  describe(chooseDisposition.name, () => {
    it('ends most calls with no contact, a callback or a right-party contact, and some with a promise', () => {
      const share = shares(20_000, 11);
      const common = (share.get('no_contact') ?? 0) + (share.get('callback') ?? 0) + (share.get('rpc') ?? 0);
      expect(common).toBeGreaterThan(0.65);
      expect(share.get('promise')).toBeGreaterThan(0.08);
      expect(share.get('promise')).toBeLessThan(0.16);
      expect(share.get('deceased')).toBeUndefined();
    });

    it("only picks codes of the call's own set, and gives none for an empty set", () => {
      const set = [option('TITULAR', 'rpc'), option('PROMESA', 'promise')];
      const share = shares(2_000, 3, set);
      expect([...share.keys()].sort()).toEqual(['promise', 'rpc']);
      expect(chooseDisposition([], new SeededRandom(1))).toBeNull();
    });

    it('still picks one when the set has only categories the bots never weigh', () => {
      expect(chooseDisposition([option('FAL', 'deceased')], new SeededRandom(1))?.code).toBe('FAL');
    });
  });

  describe(planCall.name, () => {
    it('talks 60–300 s and wraps up in 10–40 s, the same way for the same seed', () => {
      const a = new SeededRandom(42);
      const b = new SeededRandom(42);
      for (let i = 0; i < 500; i++) {
        const plan = planCall(DEMO_SET, a)!;
        expect(plan).toEqual(planCall(DEMO_SET, b));
        expect(plan.talkSeconds).toBeGreaterThanOrEqual(60);
        expect(plan.talkSeconds).toBeLessThanOrEqual(300);
        expect(plan.wrapSeconds).toBeGreaterThanOrEqual(10);
        expect(plan.wrapSeconds).toBeLessThanOrEqual(40);
        expect(plan.notes.length).toBeGreaterThan(0);
      }
    });

    it('talks longer to agree a promise than to find nobody', () => {
      const rng = new SeededRandom(5);
      const talk: Record<string, number[]> = {};
      for (let i = 0; i < 3_000; i++) {
        const plan = planCall(DEMO_SET, rng)!;
        (talk[plan.disposition.category] ??= []).push(plan.talkSeconds);
      }
      const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      expect(mean(talk['promise'])).toBeGreaterThan(mean(talk['no_contact']) + 90);
    });
  });

  describe(fallbackDisposition.name, () => {
    it('falls back on a disposition that needs nothing else', () => {
      expect(fallbackDisposition(DEMO_SET, 'promise')?.code).toBe('RPC');
      expect(fallbackDisposition([option('P', 'promise'), option('NC', 'no_contact')], 'promise')?.code).toBe(
        'NC',
      );
    });

    it('uses a callback when nothing plainer exists, and gives up when only the refused kind is left', () => {
      expect(fallbackDisposition([option('P', 'promise'), option('V', 'callback')], 'promise')?.code).toBe(
        'V',
      );
      expect(fallbackDisposition([option('P', 'promise')], 'promise')).toBeNull();
      expect(fallbackDisposition([option('T', 'rpc'), option('V', 'callback')], 'rpc')?.code).toBe('V');
    });
  });

  describe(planDemoAgreement.name, () => {
    it("plans agreements the server accepts from an agent without a supervisor's approval", () => {
      const rules = { ...DEFAULT_AGREEMENT_RULES, waiverLimitBp: WAIVER_LIMIT_BP.agent };
      const rng = new SeededRandom(2026);
      for (const balanceMinor of [1, 2, 99, 1_000, 55_555, 125_000, 4_800_000, 912_345_678]) {
        for (let i = 0; i < 200; i++) {
          const request = planDemoAgreement(balanceMinor, '2026-12-01', rng);
          // The server plans from the debtor's local date, which may be a day either side.
          for (const startDate of ['2026-11-30', '2026-12-01', '2026-12-02']) {
            const result = planAgreement({ ...request, balanceMinor, startDate }, rules);
            expect(result).toMatchObject({ ok: true, plan: { requiresApproval: false } });
          }
          const lead = daysBetween('2026-12-01', request.firstDueDate);
          expect(lead).toBeGreaterThanOrEqual(3);
          expect(lead).toBeLessThanOrEqual(30);
        }
      }
    });

    it('mixes settlements in full with payment plans, in whole pesos on a real balance', () => {
      const rng = new SeededRandom(9);
      const plans = Array.from({ length: 400 }, () => planDemoAgreement(1_234_567, '2026-12-01', rng));
      const single = plans.filter((p) => p.installments === 1);
      expect(single.length).toBeGreaterThan(100);
      expect(plans.length - single.length).toBeGreaterThan(150);
      for (const p of plans) {
        expect(p.downPaymentMinor % 100).toBe(0);
        expect(p.waiverMinor % 100).toBe(0);
      }
    });
  });

  describe(planCallback.name, () => {
    it('calls back between an hour and three days ahead, on a quarter hour, for the agent or the team', () => {
      const now = new Date('2026-12-01T22:07:31Z');
      const rng = new SeededRandom(4);
      const assignees = new Set<string>();
      for (let i = 0; i < 500; i++) {
        const { at, assignTo } = planCallback(now, rng);
        assignees.add(assignTo);
        expect(at.getTime() - now.getTime()).toBeGreaterThanOrEqual(3_600_000);
        expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(CALLBACK_MAX_DAYS * 86_400_000);
        expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(3 * 86_400_000 + 900_000);
        expect(at.getTime() % 900_000).toBe(0);
      }
      expect([...assignees].sort()).toEqual(['me', 'team']);
    });
  });

  describe(planBreak.name, () => {
    it('takes breaks for every reason, mostly short rests, none longer than 40 minutes', () => {
      const rng = new SeededRandom(8);
      const breaks = Array.from({ length: 2_000 }, () => planBreak(rng));
      expect(new Set(breaks.map((b) => b.reason))).toEqual(new Set(BREAK_REASONS));
      expect(breaks.filter((b) => b.reason === 'rest').length).toBeGreaterThan(800);
      expect(Math.max(...breaks.map((b) => b.seconds))).toBeLessThanOrEqual(40 * 60);
      expect(Math.min(...breaks.map((b) => b.seconds))).toBeGreaterThanOrEqual(60);
    });

    it('works 20–50 minutes between breaks', () => {
      const rng = new SeededRandom(8);
      for (let i = 0; i < 200; i++) {
        const seconds = workStretchSeconds(rng);
        expect(seconds).toBeGreaterThanOrEqual(20 * 60);
        expect(seconds).toBeLessThan(51 * 60);
      }
    });
  });

  describe(planPreview.name, () => {
    it('dials most previewed accounts and skips the others with a reason', () => {
      const rng = new SeededRandom(12);
      const decisions = Array.from({ length: 2_000 }, () => planPreview(rng));
      const dialled = decisions.filter((d) => d.dial).length / decisions.length;
      expect(dialled).toBeGreaterThan(0.8);
      expect(dialled).toBeLessThan(0.9);
      for (const d of decisions) {
        if (!d.dial) expect(PREVIEW_SKIP_REASONS).toContain(d.reason);
        expect(d.afterSeconds).toBeGreaterThanOrEqual(4);
      }
    });
  });

  describe(planScriptPath.name, () => {
    const script = renderScript(DEFAULT_MX_COLLECTION_SCRIPT, EXAMPLE_SCRIPT_CONTEXT, 'es-MX');
    const ids = new Set(script.steps.map((s) => s.id));

    it('answers the way that leads to the promise it means to record, through the required disclosure', () => {
      const path = planScriptPath(script, option('PTP', 'promise'), new SeededRandom(1));
      expect(path[0]).toEqual({ stepId: 'saludo', completed: true, answerId: 'titular' });
      expect(path.map((v) => v.stepId)).toContain('identificacion');
      expect(path.map((v) => v.stepId)).toContain('promesa_total');
      expect(path[path.length - 1].stepId).toBe('cierre');
    });

    it('matches a code by its category too, as the base scripts name categories', () => {
      const path = planScriptPath(script, option('TER', 'third_party'), new SeededRandom(1));
      expect(path.map((v) => v.stepId)).toEqual(['saludo', 'tercero', 'cierre']);
      expect(path[0].answerId).toBe('tercero');
    });

    it('walks to an exit (or stops at the step limit in a loop), only through real steps and answers', () => {
      for (const category of DISPOSITION_CATEGORIES) {
        for (let seed = 1; seed <= 30; seed++) {
          const path = planScriptPath(script, option('X', category), new SeededRandom(seed), 20);
          expect(path.length).toBeGreaterThan(0);
          expect(path.length).toBeLessThanOrEqual(20);
          expect(path.every((v) => ids.has(v.stepId) && v.completed)).toBe(true);
          const steps = new Map(script.steps.map((s) => [s.id, s]));
          const last = steps.get(path[path.length - 1].stepId)!;
          if (path.length < 20) expect(last.next === null && last.question === null).toBe(true);
          for (const visit of path) {
            const step = steps.get(visit.stepId)!;
            if (step.question) expect(step.question.answers.map((a) => a.id)).toContain(visit.answerId);
            else expect(visit.answerId).toBeUndefined();
          }
        }
      }
    });
  });

  describe('the bots', () => {
    it('drive fourteen demo agents, both teams in turn, never the two kept for people', () => {
      expect(DEMO_BOT_EMAILS).toHaveLength(14);
      for (const human of DEMO_HUMAN_AGENTS) expect(DEMO_BOT_EMAILS).not.toContain(human);
      const team = (email: string) => DEMO_USERS.find((u) => u.email === email)?.team;
      expect(DEMO_BOT_EMAILS.slice(0, 4).map(team)).toEqual(['norte', 'sur', 'norte', 'sur']);
      expect(DEMO_BOT_EMAILS[0]).toBe('agente2@recupera.demo');
    });

    it('join the floor one after the other', () => {
      const rng = new SeededRandom(3);
      const delays = Array.from({ length: 14 }, (_, i) => startDelayMs(i, rng));
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]);
    });
  });
});
