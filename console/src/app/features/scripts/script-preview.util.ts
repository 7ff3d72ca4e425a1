import type { RenderedScript, RenderedStep } from '@recupera/shared';

/**
 * The path clicked through a rendered script: step ids from the start, the last one on screen.
 * A link to a missing step (a draft with problems) is kept in the path, so the preview can say
 * where it leads instead of silently stopping.
 */
export type PreviewPath = readonly string[];

export function startPath(script: RenderedScript): PreviewPath {
  return [script.startStepId];
}

export function stepOf(script: RenderedScript | null, id: string | undefined): RenderedStep | null {
  if (!script || id === undefined) return null;
  return script.steps.find((step) => step.id === id) ?? null;
}

export function currentId(path: PreviewPath): string | undefined {
  return path[path.length - 1];
}

/** Follows an answer of the current step, or its fixed next step when `answerId` is null. */
export function follow(script: RenderedScript, path: PreviewPath, answerId: string | null): PreviewPath {
  const step = stepOf(script, currentId(path));
  if (!step) return path;
  const next =
    answerId === null ? step.next : (step.question?.answers.find((a) => a.id === answerId)?.next ?? null);
  return next === null ? path : [...path, next];
}

export function back(path: PreviewPath): PreviewPath {
  return path.length > 1 ? path.slice(0, -1) : path;
}

/** A step with neither a question nor a next step ends the script. */
export function isEnd(step: RenderedStep): boolean {
  return step.question === null && step.next === null;
}
