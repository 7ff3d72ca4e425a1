import {
  AGREEMENT_FREQUENCIES,
  CALLBACK_MAX_DAYS,
  DEFAULT_AGREEMENT_RULES,
  PREVIEW_SKIP_REASONS,
  WAIVER_LIMIT_BP,
  addDays,
  planAgreement,
  type BreakReason,
  type CallbackAssignee,
  type CreateAgreementRequest,
  type DispositionCategory,
  type DispositionOption,
  type IsoDate,
  type PreviewSkipReason,
  type RenderedScript,
  type RenderedStep,
  type SeededRandom,
} from '@recupera/shared';
import {
  DEMO_BREAKS,
  DEMO_DISPOSITION_WEIGHTS,
  DEMO_NOTES,
  DEMO_PREVIEW_DIAL_SHARE,
  DEMO_PREVIEW_SECONDS,
  DEMO_STAGGER_SECONDS,
  DEMO_TALK_SECONDS,
  DEMO_WORK_STRETCH_MINUTES,
  DEMO_WRAP_SECONDS,
} from './demo-floor.constant';

/** What a bot means to do with a call the moment it connects. */
export interface DemoCallPlan {
  disposition: DispositionOption;
  /** Seconds the bot talks before hanging up (the debtor may hang up first). */
  talkSeconds: number;
  /** Seconds the bot spends in wrap-up before finishing it. */
  wrapSeconds: number;
  notes: string;
}

/** Wrap-ups that need more than a code: a callback needs its time, a promise its agreement. */
const DEMANDING: readonly DispositionCategory[] = ['callback', 'promise'];

function between(rng: SeededRandom, [min, max]: readonly [number, number]): number {
  return rng.int(min, max);
}

/** A disposition of the call's set, weighted by DEMO_DISPOSITION_WEIGHTS; null for an empty set. */
export function chooseDisposition(
  options: readonly DispositionOption[],
  rng: SeededRandom,
): DispositionOption | null {
  if (options.length === 0) return null;
  const weighted = options.filter((o) => DEMO_DISPOSITION_WEIGHTS[o.category] > 0);
  if (weighted.length === 0) return rng.pick(options);
  const total = weighted.reduce((sum, o) => sum + DEMO_DISPOSITION_WEIGHTS[o.category], 0);
  let roll = rng.next() * total;
  for (const option of weighted) {
    roll -= DEMO_DISPOSITION_WEIGHTS[option.category];
    if (roll < 0) return option;
  }
  return weighted[weighted.length - 1];
}

/**
 * The disposition a bot falls back on when its first choice was refused (an agreement the API
 * would not take): one that needs nothing else, else a callback, else whatever the set has.
 */
export function fallbackDisposition(
  options: readonly DispositionOption[],
  refused: DispositionCategory,
): DispositionOption | null {
  const plain = ['rpc', 'no_contact', 'refusal', 'third_party', 'dispute', 'wrong_number'] as const;
  for (const category of plain) {
    const found = category === refused ? undefined : options.find((o) => o.category === category);
    if (found) return found;
  }
  return (
    options.find((o) => !DEMANDING.includes(o.category) && o.category !== refused) ??
    options.find((o) => o.category === 'callback' && refused !== 'callback') ??
    null
  );
}

export function planCall(options: readonly DispositionOption[], rng: SeededRandom): DemoCallPlan | null {
  const disposition = chooseDisposition(options, rng);
  if (!disposition) return null;
  return {
    disposition,
    talkSeconds: between(rng, DEMO_TALK_SECONDS[disposition.category]),
    wrapSeconds: between(rng, DEMO_WRAP_SECONDS),
    notes: rng.pick(DEMO_NOTES[disposition.category]),
  };
}

/**
 * A promise the API accepts from an agent: settle in full (perhaps with a waiver within the agent's
 * own 10 %), or a plan with a down payment and 2–12 installments. Amounts are whole currency units
 * where the balance allows; the first due date is 3–30 days out, which stays inside the rules'
 * 60 days whatever the debtor's time zone makes of "today".
 */
export function planDemoAgreement(
  balanceMinor: number,
  today: IsoDate,
  rng: SeededRandom,
): Omit<CreateAgreementRequest, 'interactionId'> {
  const rules = { ...DEFAULT_AGREEMENT_RULES, waiverLimitBp: WAIVER_LIMIT_BP.agent };
  const firstDueDate = addDays(today, rng.int(3, 30));
  const unit = balanceMinor >= 100_000 ? 100 : 1;
  const round = (minor: number) => Math.floor(minor / unit) * unit;
  let request: Omit<CreateAgreementRequest, 'interactionId'>;
  if (rng.chance(0.4)) {
    const waiverBp = rng.pick([0, 0, 250, 500, 1_000]);
    request = {
      waiverMinor: round((balanceMinor * waiverBp) / 10_000),
      downPaymentMinor: 0,
      installments: 1,
      frequency: 'monthly',
      firstDueDate,
    };
  } else {
    const installments = rng.int(2, 12);
    const downBp = rng.pick([1_000, 1_500, 2_000, 3_000]);
    request = {
      waiverMinor: 0,
      downPaymentMinor: round((balanceMinor * downBp) / 10_000),
      installments,
      frequency: rng.pick(AGREEMENT_FREQUENCIES),
      firstDueDate,
    };
  }
  const checked = planAgreement({ ...request, balanceMinor, startDate: today }, rules);
  if (checked.ok) return request;
  // A tiny balance cannot be cut into parts: one payment of all of it is always a valid plan.
  return { waiverMinor: 0, downPaymentMinor: 0, installments: 1, frequency: 'monthly', firstDueDate };
}

/** When to call back: between one hour and three days ahead, on a quarter hour, within CALLBACK_MAX_DAYS. */
export function planCallback(now: Date, rng: SeededRandom): { at: Date; assignTo: CallbackAssignee } {
  const minutes = rng.int(60, 3 * 24 * 60);
  const quarter = 15 * 60_000;
  const at = Math.ceil((now.getTime() + minutes * 60_000) / quarter) * quarter;
  const latest = now.getTime() + CALLBACK_MAX_DAYS * 86_400_000 - quarter;
  return { at: new Date(Math.min(at, latest)), assignTo: rng.chance(0.75) ? 'me' : 'team' };
}

export function planBreak(rng: SeededRandom): { reason: BreakReason; seconds: number } {
  const reason = rng.weighted(
    Object.fromEntries(Object.entries(DEMO_BREAKS).map(([r, b]) => [r, b.weight])) as Record<
      BreakReason,
      number
    >,
  );
  return { reason, seconds: between(rng, DEMO_BREAKS[reason].seconds) };
}

/** Seconds of work before the next break. */
export function workStretchSeconds(rng: SeededRandom): number {
  return between(rng, DEMO_WORK_STRETCH_MINUTES) * 60 + rng.int(0, 59);
}

export type PreviewDecision =
  | { dial: true; afterSeconds: number }
  | { dial: false; afterSeconds: number; reason: PreviewSkipReason };

export function planPreview(rng: SeededRandom): PreviewDecision {
  const afterSeconds = between(rng, DEMO_PREVIEW_SECONDS);
  if (rng.chance(DEMO_PREVIEW_DIAL_SHARE)) return { dial: true, afterSeconds };
  return { dial: false, afterSeconds, reason: rng.pick(PREVIEW_SKIP_REASONS) };
}

/** Milliseconds before the bot of rank `index` first asks to be available: the floor fills up gradually. */
export function startDelayMs(index: number, rng: SeededRandom): number {
  return index * DEMO_STAGGER_SECONDS * 1_000 + rng.int(0, 3_000);
}

export interface DemoStepVisit {
  stepId: string;
  completed: boolean;
  answerId?: string;
}

function dispositionOf(step: RenderedStep): string | null {
  for (const action of step.actions) if (action.type === 'set_disposition') return action.code;
  return null;
}

/**
 * Steps from `from` to the nearest step that sets the target disposition (by code or by category,
 * as the default scripts name categories), or Infinity when none is reachable.
 */
function distanceToTarget(
  steps: ReadonlyMap<string, RenderedStep>,
  from: string,
  target: DispositionOption,
): number {
  const wanted = [target.code.toLowerCase(), target.category];
  const seen = new Set<string>([from]);
  let frontier = [from];
  for (let distance = 0; frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const id of frontier) {
      const step = steps.get(id);
      if (!step) continue;
      const sets = dispositionOf(step);
      if (sets && wanted.includes(sets.toLowerCase())) return distance;
      const targets = step.question ? step.question.answers.map((a) => a.next) : step.next ? [step.next] : [];
      for (const t of targets)
        if (!seen.has(t)) {
          seen.add(t);
          next.push(t);
        }
    }
    frontier = next;
  }
  return Infinity;
}

/**
 * The bot's walk through the pushed script: every step it reaches is marked done, and at each
 * question it picks the answer that leads soonest to the disposition it means to give (at random
 * among equals, or among all answers when none leads there). A loop is cut after `maxSteps`.
 */
export function planScriptPath(
  script: RenderedScript,
  target: DispositionOption,
  rng: SeededRandom,
  maxSteps = 20,
): DemoStepVisit[] {
  const steps = new Map(script.steps.map((s) => [s.id, s]));
  const path: DemoStepVisit[] = [];
  let current: string | null = script.startStepId;
  while (current && path.length < maxSteps) {
    const step = steps.get(current);
    if (!step) break;
    if (!step.question) {
      path.push({ stepId: step.id, completed: true });
      current = step.next;
      continue;
    }
    const answers = step.question.answers;
    if (answers.length === 0) {
      path.push({ stepId: step.id, completed: true });
      break;
    }
    const distances = answers.map((a) => distanceToTarget(steps, a.next, target));
    const best = Math.min(...distances);
    const candidates = best === Infinity ? answers : answers.filter((_, i) => distances[i] === best);
    const answer = rng.pick(candidates);
    path.push({ stepId: step.id, completed: true, answerId: answer.id });
    current = answer.next;
  }
  return path;
}
