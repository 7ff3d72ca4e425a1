import { validateScript, type ScriptResponse, type ScriptStep } from '@recupera/shared';
import {
  addStep,
  latestVersion,
  moveStep,
  newDraft,
  removeStep,
  renameStep,
  stepIdsOf,
  toValidatable,
  uniqueId,
  type ScriptDraft,
} from './script-draft.util';
import { scriptResponse, versionResponse } from './script-response.factory';

const step = (id: string, extra: Partial<ScriptStep> = {}): ScriptStep => ({
  id,
  title: id,
  text: `Texto de ${id}`,
  required: false,
  ...extra,
});

/** saludo asks; both answers and the plain next of `datos` point at other steps. */
function draft(): ScriptDraft {
  return {
    name: 'Cobranza',
    language: 'es',
    jurisdiction: null,
    startStepId: 'saludo',
    steps: [
      step('saludo', {
        question: {
          prompt: '¿Es el titular?',
          answers: [
            { id: 'si', label: 'Sí', next: 'datos' },
            { id: 'no', label: 'No', next: 'cierre' },
          ],
        },
      }),
      step('datos', { next: 'cierre' }),
      step('cierre'),
    ],
  };
}

describe('script draft editing', () => {
  it('numbers new ids after the ones already taken', () => {
    expect(uniqueId('paso', [])).toBe('paso_1');
    expect(uniqueId('paso', ['paso_1', 'paso_3'])).toBe('paso_2');
  });

  it('starts a blank draft with one step that is also the start', () => {
    const blank = newDraft('blank', 'en');
    expect(blank.steps.map((s) => s.id)).toEqual(['step_1']);
    expect(blank.startStepId).toBe('step_1');
    expect(blank.language).toBe('en');
  });

  it('starts from the Mexican base script, which passes validation', () => {
    const base = newDraft('mx', 'es');
    expect(base.jurisdiction).toBe('MX');
    expect(validateScript(toValidatable(base))).toEqual([]);
  });

  it('adds a step with a fresh id at the end, and makes the first step of an empty script its start', () => {
    const added = addStep(draft());
    expect(added.steps.map((s) => s.id)).toEqual(['saludo', 'datos', 'cierre', 'paso_1']);
    expect(added.startStepId).toBe('saludo');
    const first = addStep({ ...draft(), steps: [], startStepId: '' });
    expect(first.startStepId).toBe('paso_1');
  });

  it('renaming a step updates the answers, next steps and start that pointed at it', () => {
    const renamed = renameStep(draft(), 2, 'despedida');
    expect(renamed.steps[2].id).toBe('despedida');
    expect(renamed.steps[0].question?.answers.map((a) => a.next)).toEqual(['datos', 'despedida']);
    expect(renamed.steps[1].next).toBe('despedida');
    expect(validateScript(toValidatable(renamed))).toEqual([]);

    const start = renameStep(draft(), 0, ' inicio ');
    expect(start.steps[0].id).toBe('inicio');
    expect(start.startStepId).toBe('inicio');
  });

  it('does not merge links when the new id is already taken', () => {
    const clash = renameStep(draft(), 2, 'datos');
    expect(clash.steps.map((s) => s.id)).toEqual(['saludo', 'datos', 'datos']);
    // The links stay on the old id, which no longer exists: the validator says so.
    expect(clash.steps[1].next).toBe('cierre');
    const codes = validateScript(toValidatable(clash)).map((p) => p.code);
    expect(codes).toContain('duplicate_step_id');
    expect(codes).toContain('unknown_next_step');
  });

  it('removing a step clears the pointers at it', () => {
    const removed = removeStep(draft(), 2);
    expect(removed.steps.map((s) => s.id)).toEqual(['saludo', 'datos']);
    expect(removed.steps[0].question?.answers.map((a) => a.next)).toEqual(['datos', '']);
    expect(removed.steps[1]).not.toHaveProperty('next');
  });

  it('removing the start step makes the first remaining step the start', () => {
    const removed = removeStep(draft(), 0);
    expect(removed.startStepId).toBe('datos');
  });

  it('keeps the pointers when another step still has the removed id', () => {
    const twice = { ...draft(), steps: [...draft().steps, step('cierre')] };
    const removed = removeStep(twice, 3);
    expect(removed.steps[1].next).toBe('cierre');
  });

  it('moves steps up and down, and ignores a move past either end', () => {
    expect(moveStep(draft(), 2, -1).steps.map((s) => s.id)).toEqual(['saludo', 'cierre', 'datos']);
    expect(moveStep(draft(), 0, -1)).toEqual(draft());
    expect(moveStep(draft(), 2, 1)).toEqual(draft());
  });

  it('lists each non-empty step id once, for the next-step choices', () => {
    const messy = { ...draft(), steps: [...draft().steps, step('datos'), step('')] };
    expect(stepIdsOf(messy)).toEqual(['saludo', 'datos', 'cierre']);
  });

  it('finds the newest version whatever the order they arrive in', () => {
    const script: ScriptResponse = scriptResponse({
      versions: [
        versionResponse({ id: 'v1', version: 1, status: 'published' }),
        versionResponse({ id: 'v2', version: 2 }),
      ],
    });
    expect(latestVersion(script)?.id).toBe('v2');
    expect(latestVersion({ ...script, versions: [] })).toBeNull();
  });
});
