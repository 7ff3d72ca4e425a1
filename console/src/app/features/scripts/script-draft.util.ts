import {
  DEFAULT_MX_COLLECTION_SCRIPT,
  cleanSteps,
  type Locale,
  type ScriptAnswer,
  type ScriptDraftRequest,
  type ScriptResponse,
  type ScriptStep,
  type ScriptVersion,
  type ScriptVersionResponse,
} from '@recupera/shared';

/** The working draft the editor changes: exactly what PUT /scripts/:id/draft takes. */
export type ScriptDraft = ScriptDraftRequest;

/** What the "new script" action starts from. */
export type DraftTemplate = 'blank' | 'mx';

const STEP_PREFIX: Readonly<Record<Locale, string>> = { es: 'paso', en: 'step' };
const ANSWER_PREFIX: Readonly<Record<Locale, string>> = { es: 'respuesta', en: 'answer' };

export function stepPrefix(language: Locale): string {
  return STEP_PREFIX[language];
}

export function answerPrefix(language: Locale): string {
  return ANSWER_PREFIX[language];
}

/** `paso_1`, `paso_2`…: the first one no step (or answer) uses yet. */
export function uniqueId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

export function emptyStep(id: string): ScriptStep {
  return { id, title: '', text: '', required: false };
}

export function newDraft(template: DraftTemplate, language: Locale): ScriptDraft {
  if (template === 'mx') {
    const base = DEFAULT_MX_COLLECTION_SCRIPT;
    return {
      name: base.name,
      language: base.language,
      jurisdiction: base.jurisdiction,
      startStepId: base.startStepId,
      steps: cleanSteps(base.steps),
    };
  }
  const first = `${stepPrefix(language)}_1`;
  return { name: '', language, jurisdiction: null, startStepId: first, steps: [emptyStep(first)] };
}

export function draftOf(version: ScriptVersionResponse): ScriptDraft {
  return {
    name: version.name,
    language: version.language,
    jurisdiction: version.jurisdiction,
    startStepId: version.startStepId,
    steps: cleanSteps(version.steps),
  };
}

/** The draft in the shape validateScript reads; the script id and number do not affect the checks. */
export function toValidatable(draft: ScriptDraft): ScriptVersion {
  return { scriptId: '', version: 0, ...draft };
}

/** Versions arrive newest first, but the editor does not rely on it. */
export function latestVersion(script: ScriptResponse): ScriptVersionResponse | null {
  return script.versions.reduce<ScriptVersionResponse | null>(
    (latest, v) => (latest === null || v.version > latest.version ? v : latest),
    null,
  );
}

export function versionsNewestFirst(script: ScriptResponse): ScriptVersionResponse[] {
  return [...script.versions].sort((a, b) => b.version - a.version);
}

/** Appends an empty step with a fresh id; the first step of an empty script becomes its start. */
export function addStep(draft: ScriptDraft): ScriptDraft {
  const id = uniqueId(
    stepPrefix(draft.language),
    draft.steps.map((s) => s.id),
  );
  return {
    ...draft,
    startStepId: draft.steps.length === 0 ? id : draft.startStepId,
    steps: [...draft.steps, emptyStep(id)],
  };
}

export function replaceStep(draft: ScriptDraft, index: number, step: ScriptStep): ScriptDraft {
  return { ...draft, steps: draft.steps.map((s, i) => (i === index ? step : s)) };
}

/** Moves a step up (-1) or down (+1); the order is only how the author reads the script. */
export function moveStep(draft: ScriptDraft, index: number, delta: -1 | 1): ScriptDraft {
  const target = index + delta;
  if (index < 0 || index >= draft.steps.length || target < 0 || target >= draft.steps.length) return draft;
  const steps = [...draft.steps];
  [steps[index], steps[target]] = [steps[target], steps[index]];
  return { ...draft, steps };
}

/** Every pointer at `from` (answers, fixed next steps, the start) made to point at `to`. */
function repoint(draft: ScriptDraft, from: string, to: string | null): ScriptDraft {
  const steps = draft.steps.map((step): ScriptStep => {
    let changed = step;
    if (step.next === from) {
      const { next: _removed, ...rest } = step;
      changed = to === null ? rest : { ...step, next: to };
    }
    if (step.question?.answers.some((a) => a.next === from)) {
      const answers = step.question.answers.map(
        (a): ScriptAnswer => (a.next === from ? { ...a, next: to ?? '' } : a),
      );
      changed = { ...changed, question: { ...step.question, answers } };
    }
    return changed;
  });
  return { ...draft, steps, startStepId: draft.startStepId === from ? (to ?? '') : draft.startStepId };
}

const countId = (draft: ScriptDraft, id: string): number => draft.steps.filter((s) => s.id === id).length;

/**
 * Gives a step a new id and makes what pointed at it point at the new one. Pointers are only
 * rewritten when the rename is unambiguous: if another step shared the old id or already has the
 * new one, rewriting would merge two steps' links, so only the id changes and the validator
 * reports the duplicate for the author to resolve.
 */
export function renameStep(draft: ScriptDraft, index: number, newId: string): ScriptDraft {
  const step = draft.steps[index];
  const id = newId.trim();
  if (!step || step.id === id) return draft;
  const renamed = replaceStep(draft, index, { ...step, id });
  if (step.id === '' || id === '' || countId(draft, step.id) > 1 || countId(draft, id) > 0) return renamed;
  return repoint(renamed, step.id, id);
}

/**
 * Removes a step. Pointers at it are cleared (an answer keeps an empty next step to choose, a
 * fixed next step is dropped so the step ends the script) unless another step still has the id.
 * A removed start gives way to the first step left, which is what an author nearly always means.
 */
export function removeStep(draft: ScriptDraft, index: number): ScriptDraft {
  const step = draft.steps[index];
  if (!step) return draft;
  const rest: ScriptDraft = { ...draft, steps: draft.steps.filter((_, i) => i !== index) };
  if (step.id === '' || countId(rest, step.id) > 0) return rest;
  const cleared = repoint(rest, step.id, null);
  return cleared.startStepId === '' && cleared.steps.length > 0
    ? { ...cleared, startStepId: cleared.steps[0].id }
    : cleared;
}

/** The ids a step's answers or next step may point at, each once, in the author's order. */
export function stepIdsOf(draft: ScriptDraft): string[] {
  return [...new Set(draft.steps.map((s) => s.id).filter((id) => id.trim() !== ''))];
}
