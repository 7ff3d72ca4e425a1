import type { ScriptAction, ScriptStep } from './script.type';

const isString = (v: unknown): v is string => typeof v === 'string';
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** At most this many steps, answers per question and characters per template: a script, not a book. */
export const SCRIPT_LIMITS = {
  steps: 100,
  answers: 12,
  actions: 6,
  template: 4_000,
  id: 60,
  title: 200,
} as const;

function actionProblems(action: unknown, where: string): string[] {
  if (!isObject(action)) return [`${where} must be an object`];
  switch (action['type']) {
    case 'offer_agreement':
    case 'schedule_callback':
      return [];
    case 'set_disposition':
      return isString(action['code']) && action['code'].length > 0
        ? []
        : [`${where}.code must be a disposition code`];
    default:
      return [`${where}.type must be offer_agreement, schedule_callback or set_disposition`];
  }
}

function text(value: unknown, where: string, max: number, problems: string[]): void {
  if (!isString(value)) problems.push(`${where} must be text`);
  else if (value.length > max) problems.push(`${where} is longer than ${max} characters`);
}

/**
 * The shape of script steps sent to the API, before validateScript judges their meaning: every
 * field of the right type and within its limits, nothing else. Returns one line per problem.
 */
export function scriptStepsShapeProblems(steps: unknown): string[] {
  if (!Array.isArray(steps)) return ['steps must be a list'];
  if (steps.length > SCRIPT_LIMITS.steps) return [`a script has at most ${SCRIPT_LIMITS.steps} steps`];
  const problems: string[] = [];
  steps.forEach((step: unknown, i) => {
    const at = `steps[${i}]`;
    if (!isObject(step)) {
      problems.push(`${at} must be an object`);
      return;
    }
    const known = new Set(['id', 'title', 'text', 'required', 'question', 'next', 'actions']);
    for (const key of Object.keys(step))
      if (!known.has(key)) problems.push(`${at}.${key} is not a step field`);
    text(step['id'], `${at}.id`, SCRIPT_LIMITS.id, problems);
    text(step['title'], `${at}.title`, SCRIPT_LIMITS.title, problems);
    text(step['text'], `${at}.text`, SCRIPT_LIMITS.template, problems);
    if (typeof step['required'] !== 'boolean') problems.push(`${at}.required must be true or false`);
    if (step['next'] !== undefined) text(step['next'], `${at}.next`, SCRIPT_LIMITS.id, problems);
    const question = step['question'];
    if (question !== undefined) {
      if (!isObject(question)) problems.push(`${at}.question must be an object`);
      else {
        text(question['prompt'], `${at}.question.prompt`, SCRIPT_LIMITS.template, problems);
        const answers = question['answers'];
        if (!Array.isArray(answers) || answers.length > SCRIPT_LIMITS.answers)
          problems.push(`${at}.question.answers must be a list of at most ${SCRIPT_LIMITS.answers}`);
        else
          answers.forEach((answer: unknown, j) => {
            const where = `${at}.question.answers[${j}]`;
            if (!isObject(answer)) return problems.push(`${where} must be an object`);
            text(answer['id'], `${where}.id`, SCRIPT_LIMITS.id, problems);
            text(answer['label'], `${where}.label`, SCRIPT_LIMITS.template, problems);
            text(answer['next'], `${where}.next`, SCRIPT_LIMITS.id, problems);
            return undefined;
          });
      }
    }
    const actions = step['actions'];
    if (actions !== undefined) {
      if (!Array.isArray(actions) || actions.length > SCRIPT_LIMITS.actions)
        problems.push(`${at}.actions must be a list of at most ${SCRIPT_LIMITS.actions}`);
      else
        actions.forEach((action: unknown, j) =>
          problems.push(...actionProblems(action, `${at}.actions[${j}]`)),
        );
    }
  });
  return problems;
}

/** Steps that passed scriptStepsShapeProblems, copied field by field so nothing else rides along. */
export function cleanSteps(steps: readonly ScriptStep[]): ScriptStep[] {
  return steps.map((s) => ({
    id: s.id,
    title: s.title,
    text: s.text,
    required: s.required,
    ...(s.question
      ? {
          question: {
            prompt: s.question.prompt,
            answers: s.question.answers.map((a) => ({ id: a.id, label: a.label, next: a.next })),
          },
        }
      : {}),
    ...(s.next !== undefined ? { next: s.next } : {}),
    ...(s.actions ? { actions: s.actions.map((a): ScriptAction => ({ ...a })) } : {}),
  }));
}
