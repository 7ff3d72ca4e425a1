import type {
  ScriptAction,
  ScriptActionType,
  ScriptAnswer,
  ScriptFieldPath,
  ScriptQuestion,
  ScriptStep,
} from '@recupera/shared';
import { uniqueId } from './script-draft.util';

/** What happens after a step: it ends the script, leads to one step, or asks a question. */
export type StepFlow = 'end' | 'next' | 'question';

export function flowOf(step: ScriptStep): StepFlow {
  if (step.question) return 'question';
  return step.next !== undefined ? 'next' : 'end';
}

function withoutFlow(step: ScriptStep): ScriptStep {
  const { next: _next, question: _question, ...rest } = step;
  return rest;
}

/**
 * Switches a step's flow. A question and a fixed next step exclude each other, so each switch
 * drops the other; a new question starts with one answer leading where the step led before.
 */
export function setFlow(step: ScriptStep, flow: StepFlow, answerPrefix: string): ScriptStep {
  if (flow === flowOf(step)) return step;
  const base = withoutFlow(step);
  switch (flow) {
    case 'end':
      return base;
    case 'next':
      return { ...base, next: step.question?.answers[0]?.next ?? '' };
    case 'question':
      return {
        ...base,
        question: { prompt: '', answers: [{ id: `${answerPrefix}_1`, label: '', next: step.next ?? '' }] },
      };
  }
}

export function setNext(step: ScriptStep, next: string): ScriptStep {
  return { ...step, next };
}

function withQuestion(step: ScriptStep, change: (q: ScriptQuestion) => ScriptQuestion): ScriptStep {
  return step.question ? { ...step, question: change(step.question) } : step;
}

export function setPrompt(step: ScriptStep, prompt: string): ScriptStep {
  return withQuestion(step, (q) => ({ ...q, prompt }));
}

export function addAnswer(step: ScriptStep, answerPrefix: string): ScriptStep {
  return withQuestion(step, (q) => ({
    ...q,
    answers: [
      ...q.answers,
      {
        id: uniqueId(
          answerPrefix,
          q.answers.map((a) => a.id),
        ),
        label: '',
        next: '',
      },
    ],
  }));
}

export function patchAnswer(step: ScriptStep, index: number, patch: Partial<ScriptAnswer>): ScriptStep {
  return withQuestion(step, (q) => ({
    ...q,
    answers: q.answers.map((a, i) => (i === index ? { ...a, ...patch } : a)),
  }));
}

export function removeAnswer(step: ScriptStep, index: number): ScriptStep {
  return withQuestion(step, (q) => ({ ...q, answers: q.answers.filter((_, i) => i !== index) }));
}

export function newAction(type: ScriptActionType): ScriptAction {
  switch (type) {
    case 'offer_agreement':
      return { type };
    case 'schedule_callback':
      return { type };
    case 'set_disposition':
      return { type, code: '' };
  }
}

/** An empty list of actions is left out, as the server stores it. */
function withActions(step: ScriptStep, actions: readonly ScriptAction[]): ScriptStep {
  const { actions: _actions, ...rest } = step;
  return actions.length === 0 ? rest : { ...rest, actions };
}

export function addAction(step: ScriptStep, type: ScriptActionType): ScriptStep {
  return withActions(step, [...(step.actions ?? []), newAction(type)]);
}

export function removeAction(step: ScriptStep, index: number): ScriptStep {
  return withActions(
    step,
    (step.actions ?? []).filter((_, i) => i !== index),
  );
}

export function setDispositionCode(step: ScriptStep, index: number, code: string): ScriptStep {
  return withActions(
    step,
    (step.actions ?? []).map((action, i) =>
      i === index && action.type === 'set_disposition' ? { ...action, code } : action,
    ),
  );
}

/** How the field picker writes a field into a template. */
export function fieldToken(path: ScriptFieldPath): string {
  return `{{${path}}}`;
}

export interface TextInsertion {
  value: string;
  /** Where the cursor goes: right after the inserted text. */
  caret: number;
}

/** Replaces the selection (or inserts at the cursor); positions out of range are clamped. */
export function insertAtCursor(value: string, start: number, end: number, text: string): TextInsertion {
  const from = Math.max(0, Math.min(start, value.length));
  const to = Math.max(from, Math.min(end, value.length));
  return { value: value.slice(0, from) + text + value.slice(to), caret: from + text.length };
}
