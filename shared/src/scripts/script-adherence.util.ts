import type { ScriptStepVisit, ScriptVersion } from './script.type';

export interface ScriptAdherenceCount {
  /** Distinct required steps the agent was shown. */
  requiredShown: number;
  /** Distinct required steps the agent completed (on any visit). */
  requiredCompleted: number;
  /**
   * requiredCompleted ÷ requiredShown, from 0 to 1; null when no required step was shown, e.g. a
   * call that reached a third party and ended before any disclosure. There was nothing to adhere
   * to: 1 would flatter the agent and 0 would punish them, and either would skew an average.
   */
  adherence: number | null;
}

export interface ScriptAdherence extends ScriptAdherenceCount {
  /** Visited ids that are not steps of this version (a path recorded against another version). */
  unknownStepIds: readonly string[];
}

/**
 * Script adherence of one interaction (DESIGN §3: required script steps completed ÷ required
 * steps shown). Steps count once however often the path visits them: a disclosure read on the
 * second pass through a loop was read, and showing it twice does not make it two obligations.
 */
export function scriptAdherence(script: ScriptVersion, path: readonly ScriptStepVisit[]): ScriptAdherence {
  const required = new Map(script.steps.map((step) => [step.id, step.required]));
  const shown = new Set<string>();
  const completed = new Set<string>();
  const unknown = new Set<string>();
  for (const visit of path) {
    const isRequired = required.get(visit.stepId);
    if (isRequired === undefined) unknown.add(visit.stepId);
    if (!isRequired) continue;
    shown.add(visit.stepId);
    if (visit.completed) completed.add(visit.stepId);
  }
  return { ...ratio(shown.size, completed.size), unknownStepIds: [...unknown] };
}

/**
 * Adherence of an agent, team or campaign over many interactions: the ratio of the sums, so each
 * required step shown weighs the same. (An average of per-call ratios would let a call with one
 * required step weigh as much as one with five, and would have to drop the null calls anyway.)
 */
export function combineAdherence(
  counts: readonly Pick<ScriptAdherenceCount, 'requiredShown' | 'requiredCompleted'>[],
): ScriptAdherenceCount {
  let shown = 0;
  let completed = 0;
  for (const count of counts) {
    shown += count.requiredShown;
    completed += count.requiredCompleted;
  }
  return ratio(shown, completed);
}

function ratio(shown: number, completed: number): ScriptAdherenceCount {
  return {
    requiredShown: shown,
    requiredCompleted: completed,
    adherence: shown === 0 ? null : completed / shown,
  };
}
