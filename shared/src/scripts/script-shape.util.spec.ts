import { DEFAULT_MX_COLLECTION_SCRIPT } from './default-script.constant';
import { cleanSteps, scriptStepsShapeProblems } from './script-shape.util';

describe(scriptStepsShapeProblems.name, () => {
  it('accepts the shipped default script', () => {
    expect(scriptStepsShapeProblems(DEFAULT_MX_COLLECTION_SCRIPT.steps)).toEqual([]);
  });

  it('names every field of the wrong type, unknown fields and bad actions', () => {
    expect(
      scriptStepsShapeProblems([
        { id: 1, title: 'T', text: 'x', required: 'yes', extra: true, actions: [{ type: 'explode' }] },
        {
          id: 'b',
          title: 'B',
          text: 'y',
          required: false,
          question: { prompt: 'p', answers: [{ id: 'a', label: 'l' }] },
        },
      ]),
    ).toEqual([
      'steps[0].extra is not a step field',
      'steps[0].id must be text',
      'steps[0].required must be true or false',
      'steps[0].actions[0].type must be offer_agreement, schedule_callback or set_disposition',
      'steps[1].question.answers[0].next must be text',
    ]);
    expect(scriptStepsShapeProblems('nope')).toEqual(['steps must be a list']);
  });

  it('copies only the known fields', () => {
    const dirty = [
      { id: 'a', title: 'A', text: 't', required: true, next: 'b', sneaky: '<script>' },
    ] as never;
    expect(cleanSteps(dirty)).toEqual([{ id: 'a', title: 'A', text: 't', required: true, next: 'b' }]);
  });
});
