import { validateScript, type ScriptStep } from '@recupera/shared';
import { toValidatable, type ScriptDraft } from './script-draft.util';
import { answerProblems, countBySeverity, locateProblems } from './script-problems.util';

function located(steps: ScriptStep[], startStepId = steps[0]?.id ?? '', jurisdiction: 'MX' | null = null) {
  const draft: ScriptDraft = { name: 'x', language: 'es', jurisdiction, startStepId, steps };
  const problems = validateScript(toValidatable(draft));
  return { problems, located: locateProblems(steps, problems) };
}

const codes = (list: readonly { code: string }[]) => list.map((p) => p.code);

describe(locateProblems.name, () => {
  it('puts a template error in the part of the step it is in', () => {
    const { located: l } = located([
      { id: 'a', title: 'A', text: 'Hola {{debtor.nombre}}', required: false },
    ]);
    expect(codes(l.steps[0].areas.text)).toEqual(['unknown_field']);
    expect(l.steps[0].errors).toBe(1);
    expect(l.general).toEqual([]);
  });

  it('puts an answer’s problems under that answer', () => {
    const { located: l } = located([
      {
        id: 'a',
        title: 'A',
        text: 'Hola',
        required: false,
        question: {
          prompt: '¿Es {{debtor.fullName | upper}}?',
          answers: [
            { id: 'si', label: 'Sí {{x}}', next: 'b' },
            { id: 'no', label: 'No', next: 'nada' },
          ],
        },
      },
      { id: 'b', title: 'B', text: 'Fin', required: false },
    ]);
    expect(codes(answerProblems(l.steps[0], 'si'))).toEqual(['unknown_field']);
    expect(codes(answerProblems(l.steps[0], 'no'))).toEqual(['unknown_next_step']);
    expect(l.steps[0].areas.question).toEqual([]);
  });

  it('gives a duplicate id to the step that repeats it, not to the first one', () => {
    const { located: l } = located([
      { id: 'a', title: 'A', text: 'Uno', required: false, next: 'b' },
      { id: 'b', title: 'B', text: 'Dos', required: false },
      { id: 'a', title: 'Otra A', text: 'Tres', required: false },
    ]);
    expect(codes(l.steps[2].areas.id)).toEqual(['duplicate_step_id']);
    expect(l.steps[0].areas.id).toEqual([]);
  });

  it('finds a step without an id by its title', () => {
    const { located: l } = located([
      { id: 'a', title: 'A', text: 'Uno', required: false },
      { id: '', title: 'Sin id', text: 'Dos', required: false },
    ]);
    expect(codes(l.steps[1].areas.id)).toEqual(['empty_step_id']);
  });

  it('shows an unreachable step as a warning on the step, and a bad start on the start field', () => {
    const { problems, located: l } = located(
      [
        { id: 'a', title: 'A', text: 'Uno', required: false },
        { id: 'b', title: 'B', text: 'Dos', required: false },
      ],
      'a',
    );
    expect(codes(l.steps[1].areas.step)).toEqual(['unreachable_step']);
    expect(l.steps[1].warnings).toBe(1);
    expect(countBySeverity(problems)).toEqual({ errors: 0, warnings: 1 });

    const missing = located([{ id: 'a', title: 'A', text: 'Uno', required: false }], 'zz');
    expect(codes(missing.located.start)).toEqual(['missing_start_step']);
  });

  it('keeps script-wide problems, like a missing disclosure, general', () => {
    const { located: l } = located(
      [{ id: 'a', title: 'A', text: 'Hola {{agency.name}}', required: true }],
      'a',
      'MX',
    );
    expect(new Set(codes(l.general))).toEqual(new Set(['missing_disclosure']));
  });

  it('puts action and flow problems in their places', () => {
    const { located: l } = located([
      {
        id: 'a',
        title: 'A',
        text: 'Hola',
        required: false,
        next: 'b',
        question: { prompt: '¿?', answers: [{ id: 'x', label: 'X', next: 'b' }] },
        actions: [{ type: 'set_disposition', code: '' }],
      },
      { id: 'b', title: 'B', text: 'Fin', required: false },
    ]);
    expect(codes(l.steps[0].areas.flow)).toEqual(['question_and_next']);
    expect(codes(l.steps[0].areas.actions)).toEqual(['empty_disposition_code']);
  });
});
