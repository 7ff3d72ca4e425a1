import type { ScriptStep } from '@recupera/shared';
import {
  addAction,
  addAnswer,
  fieldToken,
  flowOf,
  insertAtCursor,
  patchAnswer,
  removeAction,
  removeAnswer,
  setDispositionCode,
  setFlow,
  setPrompt,
} from './script-step.util';

const plain: ScriptStep = { id: 'aviso', title: 'Aviso', text: 'Se graba.', required: true, next: 'cierre' };

describe('script step editing', () => {
  it('tells a step that ends, leads on, or asks', () => {
    expect(flowOf({ ...plain, next: undefined })).toBe('end');
    expect(flowOf(plain)).toBe('next');
    expect(flowOf(setFlow(plain, 'question', 'respuesta'))).toBe('question');
  });

  it('turns a next step into a question whose first answer leads to the same step, and back', () => {
    const asking = setFlow(plain, 'question', 'respuesta');
    expect(asking).not.toHaveProperty('next');
    expect(asking.question).toEqual({
      prompt: '',
      answers: [{ id: 'respuesta_1', label: '', next: 'cierre' }],
    });
    const leading = setFlow(asking, 'next', 'respuesta');
    expect(leading).not.toHaveProperty('question');
    expect(leading.next).toBe('cierre');
    expect(setFlow(leading, 'end', 'respuesta')).toEqual({
      id: 'aviso',
      title: 'Aviso',
      text: 'Se graba.',
      required: true,
    });
  });

  it('adds, edits and removes answers', () => {
    let step = setFlow(plain, 'question', 'respuesta');
    step = setPrompt(step, '¿Acepta?');
    step = addAnswer(step, 'respuesta');
    step = patchAnswer(step, 1, { label: 'No', next: 'objecion' });
    expect(step.question).toEqual({
      prompt: '¿Acepta?',
      answers: [
        { id: 'respuesta_1', label: '', next: 'cierre' },
        { id: 'respuesta_2', label: 'No', next: 'objecion' },
      ],
    });
    expect(removeAnswer(step, 0).question?.answers.map((a) => a.id)).toEqual(['respuesta_2']);
  });

  it('leaves answer edits alone on a step without a question', () => {
    expect(addAnswer(plain, 'respuesta')).toBe(plain);
  });

  it('adds actions, sets a disposition code and drops the list once empty', () => {
    let step = addAction(plain, 'offer_agreement');
    step = addAction(step, 'set_disposition');
    step = setDispositionCode(step, 1, 'promise');
    expect(step.actions).toEqual([{ type: 'offer_agreement' }, { type: 'set_disposition', code: 'promise' }]);
    step = removeAction(removeAction(step, 0), 0);
    expect(step).not.toHaveProperty('actions');
  });

  it('inserts a field at the cursor, replacing the selection, and puts the cursor after it', () => {
    const token = fieldToken('debtor.firstName');
    expect(token).toBe('{{debtor.firstName}}');
    expect(insertAtCursor('Hola, .', 6, 6, token)).toEqual({
      value: 'Hola, {{debtor.firstName}}.',
      caret: 26,
    });
    expect(insertAtCursor('Hola, NOMBRE.', 6, 12, token).value).toBe('Hola, {{debtor.firstName}}.');
    expect(insertAtCursor('Hola', 99, 99, '!')).toEqual({ value: 'Hola!', caret: 5 });
  });
});
