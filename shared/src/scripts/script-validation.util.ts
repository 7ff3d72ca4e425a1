import { assertNever } from '../domain/assert-never.util';
import type { Jurisdiction } from '../domain/jurisdictions.constant';
import {
  type DisclosureId,
  type RequiredDisclosure,
  requiredDisclosures,
} from './script-disclosures.constant';
import { type ScriptFieldPath, isScriptActionType } from './script-fields.constant';
import { type ParsedTemplate, TEMPLATE_ERROR_CODES, parseTemplate } from './script-template.util';
import type { ScriptStep, ScriptVersion } from './script.type';

export const SCRIPT_PROBLEM_CODES = [
  ...TEMPLATE_ERROR_CODES,
  'no_steps',
  'missing_start_step',
  'empty_step_id',
  'duplicate_step_id',
  'empty_step',
  'unknown_next_step',
  'question_and_next',
  'question_without_answers',
  'empty_answer_id',
  'duplicate_answer_id',
  'unknown_action',
  'empty_disposition_code',
  'unknown_disposition_code',
  'unreachable_step',
  'no_end_step',
  'no_exit',
  'missing_disclosure',
  'disclosure_after_offer',
] as const;
export type ScriptProblemCode = (typeof SCRIPT_PROBLEM_CODES)[number];

/** Which template of a step a template problem is in. */
export type ScriptTemplatePart = 'text' | 'prompt' | 'answer';

export interface ScriptProblemLocation {
  part: ScriptTemplatePart;
  answerId: string | null;
  offset: number;
  length: number;
  line: number;
  column: number;
}

/**
 * Why a script cannot be saved as it is. Errors block publishing; a warning (only an unreachable
 * step: it can neither trap the agent nor hide a disclosure, since disclosures are only counted
 * in reachable steps) is shown but lets a draft with unlinked steps be saved.
 */
export interface ScriptProblem {
  code: ScriptProblemCode;
  severity: 'error' | 'warning';
  stepId: string | null;
  at: ScriptProblemLocation | null;
  params: Readonly<Record<string, string | number>>;
}

export interface ScriptValidationOptions {
  /** Whose rules to check; defaults to the script's own jurisdiction (a campaign may check its own). */
  jurisdiction?: Jurisdiction | null;
  /** Replaces the default disclosures of the jurisdiction (an admin-edited compliance profile). */
  disclosures?: readonly RequiredDisclosure[];
  /** The campaign's disposition codes; without it codes are only checked for being non-empty. */
  dispositionCodes?: readonly string[];
}

export function hasBlockingProblems(problems: readonly ScriptProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/**
 * Checks a script at save time: templates, step graph, actions and the jurisdiction's required
 * disclosures. Each mistake is reported once, where it is: a step whose `next` points nowhere is an
 * `unknown_next_step`, and the graph checks treat it as an end so it does not also report every
 * step before it as a trap.
 *
 * Loops are allowed — "¿puede repetir?" back to a step, or an objection leading back to the offer —
 * as long as the agent can always get out: every reachable step must have a path to an ending
 * step (a step with neither a question nor `next`). A loop with no way out is `no_exit`.
 */
export function validateScript(
  script: ScriptVersion,
  options: ScriptValidationOptions = {},
): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const report = (
    code: ScriptProblemCode,
    stepId: string | null,
    params: Record<string, string | number> = {},
    at: ScriptProblemLocation | null = null,
  ): void => {
    problems.push({ code, severity: code === 'unreachable_step' ? 'warning' : 'error', stepId, at, params });
  };

  if (script.steps.length === 0) {
    report('no_steps', null);
    return problems;
  }

  // Ids: the first step with an id owns it; later ones are reported and left out of the graph.
  const byId = new Map<string, ScriptStep>();
  for (const step of script.steps) {
    if (step.id.trim() === '') report('empty_step_id', null, { title: step.title });
    else if (byId.has(step.id)) report('duplicate_step_id', step.id);
    else byId.set(step.id, step);
  }
  const start = byId.get(script.startStepId);
  if (!start) report('missing_start_step', null, { startStepId: script.startStepId });

  // Per step: templates, answers, links, actions. `broken` steps already have a link problem.
  const fieldsOf = new Map<string, ReadonlySet<ScriptFieldPath>>();
  const broken = new Set<string>();
  for (const step of byId.values()) {
    const spoken = new Set<ScriptFieldPath>();
    const check = (template: string, part: ScriptTemplatePart, answerId: string | null): ParsedTemplate => {
      const parsed = parseTemplate(template);
      for (const error of parsed.errors) {
        const { code, offset, length, line, column, params } = error;
        report(code, step.id, params, { part, answerId, offset, length, line, column });
      }
      return parsed;
    };
    check(step.text, 'text', null).fields.forEach((field) => spoken.add(field));

    if (step.question) {
      check(step.question.prompt, 'prompt', null).fields.forEach((field) => spoken.add(field));
      if (step.next !== undefined) report('question_and_next', step.id);
      if (step.question.answers.length === 0) {
        report('question_without_answers', step.id);
        broken.add(step.id);
      }
      const answerIds = new Set<string>();
      for (const answer of step.question.answers) {
        if (answer.id.trim() === '') report('empty_answer_id', step.id, { label: answer.label });
        else if (answerIds.has(answer.id)) report('duplicate_answer_id', step.id, { answerId: answer.id });
        answerIds.add(answer.id);
        check(answer.label, 'answer', answer.id);
        if (!byId.has(answer.next)) {
          report('unknown_next_step', step.id, { answerId: answer.id, next: answer.next });
          broken.add(step.id);
        }
      }
    } else {
      if (step.text.trim() === '') report('empty_step', step.id);
      if (step.next !== undefined && !byId.has(step.next)) {
        report('unknown_next_step', step.id, { next: step.next });
        broken.add(step.id);
      }
    }

    for (const action of step.actions ?? []) {
      if (!isScriptActionType(action.type)) {
        report('unknown_action', step.id, { action: String((action as { type: unknown }).type) });
        continue;
      }
      switch (action.type) {
        case 'offer_agreement':
        case 'schedule_callback':
          break;
        case 'set_disposition':
          if (typeof action.code !== 'string' || action.code.trim() === '')
            report('empty_disposition_code', step.id);
          else if (options.dispositionCodes && !options.dispositionCodes.includes(action.code))
            report('unknown_disposition_code', step.id, { code: action.code });
          break;
        default:
          assertNever(action);
      }
    }
    fieldsOf.set(step.id, spoken);
  }

  if (!start) return problems;

  const graph = new StepGraph(byId, start.id);
  for (const step of byId.values()) if (!graph.reachable.has(step.id)) report('unreachable_step', step.id);

  const isEnd = (step: ScriptStep): boolean => !step.question && step.next === undefined;
  // In the author's order, so reports are stable and point at the first step the author wrote.
  const reachableSteps = [...byId.values()].filter((step) => graph.reachable.has(step.id));
  if (!reachableSteps.some((step) => isEnd(step) || broken.has(step.id))) {
    report('no_end_step', null);
  } else {
    const canEnd = graph.reachingBack(
      reachableSteps.filter((step) => isEnd(step) || broken.has(step.id)).map((step) => step.id),
    );
    for (const step of reachableSteps) if (!canEnd.has(step.id)) report('no_exit', step.id);
  }

  const jurisdiction = options.jurisdiction !== undefined ? options.jurisdiction : script.jurisdiction;
  const disclosures = options.disclosures ?? (jurisdiction ? requiredDisclosures(jurisdiction) : []);
  if (disclosures.length > 0) {
    checkDisclosures(disclosures, jurisdiction, reachableSteps, fieldsOf, graph, report);
  }
  return problems;
}

function checkDisclosures(
  disclosures: readonly RequiredDisclosure[],
  jurisdiction: Jurisdiction | null,
  reachableSteps: readonly ScriptStep[],
  fieldsOf: ReadonlyMap<string, ReadonlySet<ScriptFieldPath>>,
  graph: StepGraph,
  report: (code: ScriptProblemCode, stepId: string | null, params?: Record<string, string | number>) => void,
): void {
  const says = (step: ScriptStep, disclosure: RequiredDisclosure): boolean =>
    disclosure.fields.some((field) => fieldsOf.get(step.id)?.has(field) ?? false);

  const present: RequiredDisclosure[] = [];
  for (const disclosure of disclosures) {
    if (reachableSteps.some((step) => step.required && says(step, disclosure))) {
      present.push(disclosure);
      continue;
    }
    // Say so when the field is there but in a step the agent may skip: the usual mistake.
    const optionalStep = reachableSteps.find((step) => says(step, disclosure));
    report('missing_disclosure', null, {
      disclosure: disclosure.id,
      fields: disclosure.fields.join(', '),
      jurisdiction: jurisdiction ?? '',
      ...(optionalStep ? { optionalStepId: optionalStep.id } : {}),
    });
  }

  // "At first contact": before any agreement is offered, on every path from the start.
  const offers = reachableSteps.filter((step) =>
    (step.actions ?? []).some((action) => action.type === 'offer_agreement'),
  );
  if (present.length === 0 || offers.length === 0) return;
  const gen = new Map<string, ReadonlySet<DisclosureId>>(
    reachableSteps.map((step) => [
      step.id,
      new Set(step.required ? present.filter((d) => says(step, d)).map((d) => d.id) : []),
    ]),
  );
  const said = graph.mustHaveSeen(gen, new Set(present.map((d) => d.id)));
  for (const step of offers) {
    for (const disclosure of present) {
      if (!said.get(step.id)?.has(disclosure.id)) {
        report('disclosure_after_offer', step.id, {
          disclosure: disclosure.id,
          fields: disclosure.fields.join(', '),
          jurisdiction: jurisdiction ?? '',
        });
      }
    }
  }
}

/** The step graph restricted to links that point at existing steps. */
class StepGraph {
  readonly reachable: ReadonlySet<string>;
  private readonly successors = new Map<string, string[]>();
  private readonly predecessors = new Map<string, string[]>();

  constructor(
    byId: ReadonlyMap<string, ScriptStep>,
    private readonly startId: string,
  ) {
    for (const step of byId.values()) {
      const targets = [
        ...(step.question ? step.question.answers.map((a) => a.next) : []),
        ...(step.next !== undefined ? [step.next] : []),
      ];
      const existing = [...new Set(targets.filter((id) => byId.has(id)))];
      this.successors.set(step.id, existing);
      for (const target of existing)
        this.predecessors.set(target, [...(this.predecessors.get(target) ?? []), step.id]);
    }
    this.reachable = this.walk([startId], this.successors);
  }

  /** Reachable steps from which one of `targets` can be reached. */
  reachingBack(targets: readonly string[]): ReadonlySet<string> {
    const back = this.walk(targets, this.predecessors);
    return new Set([...back].filter((id) => this.reachable.has(id)));
  }

  /**
   * For each reachable step, what is certainly said once it has been shown, whichever path the
   * call took: a forward "must" data-flow analysis (intersection over predecessors), iterated to a
   * fixed point so loops are handled.
   */
  mustHaveSeen<T>(
    gen: ReadonlyMap<string, ReadonlySet<T>>,
    all: ReadonlySet<T>,
  ): ReadonlyMap<string, ReadonlySet<T>> {
    const out = new Map<string, Set<T>>();
    for (const id of this.reachable) out.set(id, id === this.startId ? new Set(gen.get(id)) : new Set(all));
    let changed = true;
    while (changed) {
      changed = false;
      for (const id of this.reachable) {
        const incoming: Set<T> =
          id === this.startId
            ? new Set()
            : intersection(
                (this.predecessors.get(id) ?? [])
                  .filter((p) => this.reachable.has(p))
                  .map((p) => out.get(p)!),
                all,
              );
        gen.get(id)?.forEach((item) => incoming.add(item));
        if (incoming.size !== out.get(id)!.size) {
          out.set(id, incoming);
          changed = true;
        }
      }
    }
    return out;
  }

  private walk(from: readonly string[], edges: ReadonlyMap<string, readonly string[]>): Set<string> {
    const seen = new Set<string>(from);
    const queue = [...from];
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const next of edges.get(id) ?? []) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  }
}

function intersection<T>(sets: readonly ReadonlySet<T>[], all: ReadonlySet<T>): Set<T> {
  const result = new Set(all);
  for (const set of sets) for (const item of result) if (!set.has(item)) result.delete(item);
  return result;
}
