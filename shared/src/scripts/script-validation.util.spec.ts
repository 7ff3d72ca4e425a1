import { DISPOSITION_CATEGORIES } from '../domain/enums.constant';
import { JURISDICTIONS } from '../domain/jurisdictions.constant';
import { DEFAULT_MX_COLLECTION_SCRIPT } from './default-script.constant';
import { requiredDisclosures } from './script-disclosures.constant';
import { describeScriptProblem } from './script-problem-messages.util';
import { type ScriptProblem, hasBlockingProblems, validateScript } from './script-validation.util';
import type { ScriptStep, ScriptVersion } from './script.type';

/** A copy of the default script with some steps changed (by id) or added. */
function variant(
  changes: Record<string, Partial<ScriptStep> | null>,
  extra: ScriptStep[] = [],
): ScriptVersion {
  const steps = DEFAULT_MX_COLLECTION_SCRIPT.steps.flatMap((step) => {
    if (!(step.id in changes)) return [step];
    const change = changes[step.id];
    return change === null ? [] : [{ ...step, ...change }];
  });
  return { ...DEFAULT_MX_COLLECTION_SCRIPT, steps: [...steps, ...extra] };
}

const step = (id: string, fields: Partial<ScriptStep> = {}): ScriptStep => ({
  id,
  title: id,
  text: `Paso ${id}`,
  required: false,
  ...fields,
});

const script = (steps: ScriptStep[], startStepId = steps[0]?.id ?? ''): ScriptVersion => ({
  scriptId: 's',
  version: 1,
  name: 'prueba',
  language: 'es',
  jurisdiction: null,
  startStepId,
  steps,
});

const codes = (problems: readonly ScriptProblem[]) => problems.map((p) => [p.code, p.stepId]);

describe('validateScript', () => {
  it('accepts the default MX collection script, loops and all', () => {
    expect(
      validateScript(DEFAULT_MX_COLLECTION_SCRIPT, { dispositionCodes: DISPOSITION_CATEGORIES }),
    ).toEqual([]);
  });

  describe('templates', () => {
    it('catches an unknown field at save time, saying where it is', () => {
      const problems = validateScript(
        variant({ cierre: { text: 'Gracias.\nLe atendió {{agente.nombre}}.' } }),
      );
      expect(problems).toEqual([
        {
          code: 'unknown_field',
          severity: 'error',
          stepId: 'cierre',
          at: { part: 'text', answerId: null, offset: 22, length: 13, line: 2, column: 14 },
          params: { field: 'agente.nombre' },
        },
      ]);
      expect(hasBlockingProblems(problems)).toBe(true);
    });

    it('checks question prompts and answer labels as templates', () => {
      const saludo = DEFAULT_MX_COLLECTION_SCRIPT.steps[0];
      const problems = validateScript(
        variant({
          saludo: {
            question: {
              prompt: '¿Hablo con {{debtor.fullName | upper:"x"}}?',
              answers: [
                { ...saludo.question!.answers[0], label: 'Sí {{debtor.firstName' },
                ...saludo.question!.answers.slice(1),
              ],
            },
          },
        }),
      );
      expect(problems.map((p) => [p.code, p.stepId, p.at?.part, p.at?.answerId])).toEqual([
        ['unexpected_formatter_argument', 'saludo', 'prompt', null],
        ['unclosed_field', 'saludo', 'answer', 'titular'],
      ]);
    });
  });

  describe('structure', () => {
    it('catches an answer that points to a missing step, once', () => {
      const saludo = DEFAULT_MX_COLLECTION_SCRIPT.steps[0];
      const problems = validateScript(
        variant({
          saludo: {
            question: {
              ...saludo.question!,
              answers: [...saludo.question!.answers, { id: 'sordo', label: 'No oye', next: 'repetir' }],
            },
          },
        }),
      );
      // Not also a no_exit for saludo: the dangling link is the one mistake.
      expect(problems).toEqual([
        {
          code: 'unknown_next_step',
          severity: 'error',
          stepId: 'saludo',
          at: null,
          params: { answerId: 'sordo', next: 'repetir' },
        },
      ]);
    });

    it('catches a fixed next step that does not exist', () => {
      expect(codes(validateScript(variant({ negativa: { next: 'adios' } })))).toEqual([
        ['unknown_next_step', 'negativa'],
      ]);
    });

    it('warns about an unreachable step without blocking the save', () => {
      const problems = validateScript(variant({}, [step('borrador', { next: 'cierre' })]));
      expect(problems).toEqual([
        { code: 'unreachable_step', severity: 'warning', stepId: 'borrador', at: null, params: {} },
      ]);
      expect(hasBlockingProblems(problems)).toBe(false);
    });

    it('reports a missing start step, duplicate ids and an empty script', () => {
      expect(codes(validateScript({ ...DEFAULT_MX_COLLECTION_SCRIPT, startStepId: 'inicio' }))).toEqual([
        ['missing_start_step', null],
      ]);
      expect(codes(validateScript(variant({}, [step('cierre')])))).toEqual([['duplicate_step_id', 'cierre']]);
      expect(codes(validateScript(script([])))).toEqual([['no_steps', null]]);
      expect(codes(validateScript(script([step('a'), step(' ')], 'a')))).toEqual([['empty_step_id', null]]);
    });

    it('checks questions, answers and the steps’ content', () => {
      const question = { prompt: '¿?', answers: [] };
      expect(codes(validateScript(script([step('a', { question }), step('b')])))).toEqual([
        ['question_without_answers', 'a'],
        ['unreachable_step', 'b'],
      ]);
      const twice = {
        prompt: '¿?',
        answers: [
          { id: 'x', label: 'X', next: 'b' },
          { id: 'x', label: 'Y', next: 'b' },
        ],
      };
      expect(codes(validateScript(script([step('a', { question: twice }), step('b')])))).toEqual([
        ['duplicate_answer_id', 'a'],
      ]);
      const both = { prompt: '¿?', answers: [{ id: 'x', label: 'X', next: 'b' }] };
      expect(codes(validateScript(script([step('a', { question: both, next: 'b' }), step('b')])))).toEqual([
        ['question_and_next', 'a'],
      ]);
      expect(codes(validateScript(script([step('a', { next: 'b' }), step('b', { text: '  ' })])))).toEqual([
        ['empty_step', 'b'],
      ]);
    });

    it('checks actions and disposition codes', () => {
      const actions = (a: unknown) =>
        validateScript(script([step('a', { actions: a as ScriptStep['actions'] })]), {
          dispositionCodes: DISPOSITION_CATEGORIES,
        });
      expect(codes(actions([{ type: 'set_disposition', code: '' }]))).toEqual([
        ['empty_disposition_code', 'a'],
      ]);
      expect(actions([{ type: 'set_disposition', code: 'pago' }])).toMatchObject([
        { code: 'unknown_disposition_code', params: { code: 'pago' } },
      ]);
      expect(actions([{ type: 'send_sms' }])).toMatchObject([
        { code: 'unknown_action', params: { action: 'send_sms' } },
      ]);
      expect(
        actions([
          { type: 'offer_agreement' },
          { type: 'schedule_callback' },
          { type: 'set_disposition', code: 'promise' },
        ]),
      ).toEqual([]);
    });
  });

  describe('loops', () => {
    it('allows a loop the agent can leave', () => {
      // a ⇄ b, and b can also go on to the end.
      const b = {
        prompt: '¿Repetir?',
        answers: [
          { id: 'si', label: 'Sí', next: 'a' },
          { id: 'no', label: 'No', next: 'fin' },
        ],
      };
      expect(
        validateScript(script([step('a', { next: 'b' }), step('b', { question: b }), step('fin')])),
      ).toEqual([]);
    });

    it('reports the steps of a loop with no way out', () => {
      // inicio → fin is fine, but once in x → y → x the agent can never finish.
      const inicio = {
        prompt: '¿?',
        answers: [
          { id: 'fin', label: 'Fin', next: 'fin' },
          { id: 'x', label: 'X', next: 'x' },
        ],
      };
      const problems = validateScript(
        script([
          step('inicio', { question: inicio }),
          step('x', { next: 'y' }),
          step('y', { next: 'x' }),
          step('fin'),
        ]),
      );
      expect(codes(problems)).toEqual([
        ['no_exit', 'x'],
        ['no_exit', 'y'],
      ]);
    });

    it('reports a script that cannot end at all once, not every step', () => {
      expect(codes(validateScript(script([step('a', { next: 'b' }), step('b', { next: 'a' })])))).toEqual([
        ['no_end_step', null],
      ]);
      expect(codes(validateScript(script([step('a', { next: 'a' })])))).toEqual([['no_end_step', null]]);
    });
  });

  describe('jurisdiction disclosures', () => {
    it('requires agency, creditor, contract and amount for Mexico only (DESIGN §5.1)', () => {
      expect(requiredDisclosures('MX').map((d) => [d.id, d.fields])).toEqual([
        ['agency', ['agency.name']],
        ['creditor', ['client.name']],
        ['contract', ['account.number']],
        ['amount', ['account.balance']],
      ]);
      for (const j of JURISDICTIONS.filter((j) => j !== 'MX')) expect(requiredDisclosures(j)).toEqual([]);
    });

    it('reports an MX script that never states the amount in a required step', () => {
      const identificacion = DEFAULT_MX_COLLECTION_SCRIPT.steps.find((s) => s.id === 'identificacion')!;
      const problems = validateScript(
        variant({
          identificacion: {
            text: identificacion.text.replace('{{account.balance | money}}', 'el saldo pendiente'),
          },
        }),
      );
      // The amount still appears in optional steps (situacion's question comes first), which is the usual mistake.
      expect(problems).toEqual([
        {
          code: 'missing_disclosure',
          severity: 'error',
          stepId: null,
          at: null,
          params: {
            disclosure: 'amount',
            fields: 'account.balance',
            jurisdiction: 'MX',
            optionalStepId: 'situacion',
          },
        },
      ]);
      expect(describeScriptProblem(problems[0], 'es')).toBe(
        'falta informar el monto adeudado (account.balance) en un paso obligatorio (MX)',
      );
      expect(describeScriptProblem(problems[0], 'en')).toBe(
        'the amount owed (account.balance) must be stated in a required step (MX)',
      );
    });

    it('does not count a disclosure in a step the agent may skip', () => {
      const problems = validateScript(variant({ identificacion: { required: false } }));
      // The agency is still named in a required step, the third-party one, but that is not on the
      // way to the offer: so it is reported as said too late rather than as missing.
      expect(problems.map((p) => [p.code, p.stepId, p.params['disclosure']])).toEqual([
        ['missing_disclosure', null, 'creditor'],
        ['missing_disclosure', null, 'contract'],
        ['missing_disclosure', null, 'amount'],
        ['disclosure_after_offer', 'convenio', 'agency'],
      ]);
    });

    it('requires the disclosures before an agreement is offered, on every path', () => {
      const saludo = DEFAULT_MX_COLLECTION_SCRIPT.steps[0];
      // A shortcut from the greeting straight to the offer skips the identification.
      const problems = validateScript(
        variant({
          saludo: {
            question: {
              ...saludo.question!,
              answers: [
                ...saludo.question!.answers,
                { id: 'directo', label: 'Quiere pagar', next: 'convenio' },
              ],
            },
          },
        }),
      );
      expect(problems.map((p) => [p.code, p.stepId, p.params['disclosure']])).toEqual([
        ['disclosure_after_offer', 'convenio', 'agency'],
        ['disclosure_after_offer', 'convenio', 'creditor'],
        ['disclosure_after_offer', 'convenio', 'contract'],
        ['disclosure_after_offer', 'convenio', 'amount'],
      ]);
    });

    it('checks a campaign’s jurisdiction, or an admin’s own list, instead of the script’s', () => {
      const generic = script([step('a', { text: 'Hola {{debtor.firstName}}', required: true })]);
      expect(validateScript(generic)).toEqual([]);
      expect(validateScript(generic, { jurisdiction: 'MX' })).toHaveLength(4);
      expect(validateScript(generic, { jurisdiction: 'CO' })).toEqual([]);
      expect(validateScript(DEFAULT_MX_COLLECTION_SCRIPT, { jurisdiction: null })).toEqual([]);
      const custom = validateScript(generic, {
        disclosures: [
          { id: 'amount', fields: ['account.balance', 'account.originalAmount'], source: 'admin' },
        ],
      });
      expect(custom).toMatchObject([
        {
          code: 'missing_disclosure',
          params: { disclosure: 'amount', fields: 'account.balance, account.originalAmount' },
        },
      ]);
    });
  });
});
