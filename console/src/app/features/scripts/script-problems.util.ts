import type { ScriptProblem, ScriptStep } from '@recupera/shared';

/** Where in a step's card a problem is shown. */
export type ProblemArea = 'step' | 'id' | 'text' | 'question' | 'flow' | 'actions';

export interface StepProblems {
  errors: number;
  warnings: number;
  areas: Readonly<Record<ProblemArea, readonly ScriptProblem[]>>;
  /** Problems of one answer, by the answer's id (answers sharing an id share them). */
  answers: Readonly<Record<string, readonly ScriptProblem[]>>;
}

export interface LocatedProblems {
  /** About the whole script: no steps, no reachable end, a missing disclosure… */
  general: readonly ScriptProblem[];
  /** About the start step field. */
  start: readonly ScriptProblem[];
  /** One entry per step, in the steps' order. */
  steps: readonly StepProblems[];
}

type Place = { area: ProblemArea } | { answerId: string };

function placeOf(problem: ScriptProblem): Place {
  if (problem.at) {
    switch (problem.at.part) {
      case 'text':
        return { area: 'text' };
      case 'prompt':
        return { area: 'question' };
      case 'answer':
        return { answerId: problem.at.answerId ?? '' };
    }
  }
  const answerId = problem.params['answerId'];
  switch (problem.code) {
    case 'unknown_next_step':
      return answerId !== undefined ? { answerId: String(answerId) } : { area: 'flow' };
    case 'duplicate_answer_id':
      return { answerId: String(answerId ?? '') };
    case 'empty_answer_id':
      return { answerId: '' };
    case 'question_and_next':
      return { area: 'flow' };
    case 'question_without_answers':
      return { area: 'question' };
    case 'empty_step':
      return { area: 'text' };
    case 'duplicate_step_id':
    case 'empty_step_id':
      return { area: 'id' };
    case 'unknown_action':
    case 'empty_disposition_code':
    case 'unknown_disposition_code':
      return { area: 'actions' };
    // Template errors always carry `at`, handled above; the rest are about the step as a whole.
    case 'unclosed_field':
    case 'empty_field':
    case 'unexpected_character':
    case 'unterminated_string':
    case 'unknown_field':
    case 'unknown_formatter':
    case 'formatter_not_for_type':
    case 'missing_formatter_argument':
    case 'unexpected_formatter_argument':
    case 'invalid_formatter_argument':
    case 'no_steps':
    case 'missing_start_step':
    case 'unreachable_step':
    case 'no_end_step':
    case 'no_exit':
    case 'missing_disclosure':
    case 'disclosure_after_offer':
      return { area: 'step' };
  }
}

/**
 * The steps a problem is about, by position. validateScript names a step by id, and the first
 * step with an id owns it: its template and link problems are that step's, while
 * `duplicate_step_id` belongs to the later steps that repeat the id. A step without an id is only
 * known by its title.
 */
function targetsOf(problem: ScriptProblem, steps: readonly ScriptStep[]): number[] {
  const indices = (match: (step: ScriptStep) => boolean): number[] =>
    steps.flatMap((step, i) => (match(step) ? [i] : []));
  if (problem.code === 'empty_step_id')
    return indices((s) => s.id.trim() === '' && s.title === problem.params['title']);
  if (problem.stepId === null) return [];
  const sameId = indices((s) => s.id === problem.stepId);
  return problem.code === 'duplicate_step_id' ? sameId.slice(1) : sameId.slice(0, 1);
}

function emptyStepProblems(): {
  errors: number;
  warnings: number;
  areas: Record<ProblemArea, ScriptProblem[]>;
  answers: Record<string, ScriptProblem[]>;
} {
  return {
    errors: 0,
    warnings: 0,
    areas: { step: [], id: [], text: [], question: [], flow: [], actions: [] },
    answers: {},
  };
}

/** Sorts problems into the places the editor shows them; one no step can take is general. */
export function locateProblems(
  steps: readonly ScriptStep[],
  problems: readonly ScriptProblem[],
): LocatedProblems {
  const general: ScriptProblem[] = [];
  const start: ScriptProblem[] = [];
  const located = steps.map(() => emptyStepProblems());
  for (const problem of problems) {
    if (problem.code === 'missing_start_step') {
      start.push(problem);
      continue;
    }
    const targets = targetsOf(problem, steps);
    if (targets.length === 0) general.push(problem);
    const place = placeOf(problem);
    for (const index of targets) {
      const entry = located[index];
      if (problem.severity === 'error') entry.errors++;
      else entry.warnings++;
      if ('area' in place) entry.areas[place.area].push(problem);
      else (entry.answers[place.answerId] ??= []).push(problem);
    }
  }
  return { general, start, steps: located };
}

const NO_PROBLEMS: readonly ScriptProblem[] = [];

export function answerProblems(
  problems: StepProblems | undefined,
  answerId: string,
): readonly ScriptProblem[] {
  return problems?.answers[answerId] ?? NO_PROBLEMS;
}

export function countBySeverity(problems: readonly ScriptProblem[]): { errors: number; warnings: number } {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
