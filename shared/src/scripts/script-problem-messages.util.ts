import type { Locale } from '../contracts/auth.type';
import { DISCLOSURE_IDS, type DisclosureId } from './script-disclosures.constant';
import type { ScriptProblem, ScriptProblemCode } from './script-validation.util';

const DISCLOSURE_NAMES: Readonly<Record<Locale, Readonly<Record<DisclosureId, string>>>> = {
  es: { agency: 'la agencia', creditor: 'el acreedor', contract: 'el contrato', amount: 'el monto adeudado' },
  en: { agency: 'agency', creditor: 'creditor', contract: 'contract', amount: 'amount owed' },
};

const MESSAGES: Readonly<Record<Locale, Readonly<Record<ScriptProblemCode, string>>>> = {
  es: {
    unclosed_field: 'falta cerrar el campo con "}}" en la misma línea',
    empty_field: 'el campo "{{ }}" está vacío',
    unexpected_character: 'carácter inesperado "{character}"',
    unterminated_string: 'falta cerrar las comillas del texto',
    unknown_field: 'el campo "{field}" no existe',
    unknown_formatter: 'el formato "{formatter}" no existe',
    formatter_not_for_type: 'el formato "{formatter}" no se aplica a un valor de tipo {type} ({field})',
    missing_formatter_argument: 'el formato "{formatter}" necesita un texto, p. ej. {formatter}:"…"',
    unexpected_formatter_argument: 'el formato "{formatter}" no lleva opciones',
    invalid_formatter_argument: 'el formato "{formatter}" no acepta "{argument}" (opciones: {options})',
    no_steps: 'el guion no tiene pasos',
    missing_start_step: 'el paso inicial "{startStepId}" no existe',
    empty_step_id: 'el paso "{title}" no tiene identificador',
    duplicate_step_id: 'hay otro paso con el identificador "{stepId}"',
    empty_step: 'el paso no tiene texto ni pregunta',
    unknown_next_step: 'el paso siguiente "{next}" no existe',
    question_and_next: 'un paso con pregunta no puede tener además un paso siguiente fijo',
    question_without_answers: 'la pregunta no tiene respuestas',
    empty_answer_id: 'la respuesta "{label}" no tiene identificador',
    duplicate_answer_id: 'hay otra respuesta con el identificador "{answerId}"',
    unknown_action: 'la acción "{action}" no existe',
    empty_disposition_code: 'falta el código de tipificación',
    unknown_disposition_code: 'la tipificación "{code}" no está en la campaña',
    unreachable_step: 'ningún camino lleva a este paso',
    no_end_step: 'el guion no tiene un paso final alcanzable',
    no_exit: 'desde este paso no se puede llegar a un paso final',
    missing_disclosure: 'falta informar {disclosure} ({fields}) en un paso obligatorio ({jurisdiction})',
    disclosure_after_offer:
      'se ofrece un convenio sin haber informado antes {disclosure} ({fields}) en todos los caminos',
  },
  en: {
    unclosed_field: 'the field is not closed with "}}" on the same line',
    empty_field: 'the field "{{ }}" is empty',
    unexpected_character: 'unexpected character "{character}"',
    unterminated_string: 'the quoted text is not closed',
    unknown_field: 'there is no field "{field}"',
    unknown_formatter: 'there is no formatter "{formatter}"',
    formatter_not_for_type: 'the formatter "{formatter}" does not apply to a {type} value ({field})',
    missing_formatter_argument: 'the formatter "{formatter}" needs a text, e.g. {formatter}:"…"',
    unexpected_formatter_argument: 'the formatter "{formatter}" takes no option',
    invalid_formatter_argument:
      'the formatter "{formatter}" does not accept "{argument}" (options: {options})',
    no_steps: 'the script has no steps',
    missing_start_step: 'the start step "{startStepId}" does not exist',
    empty_step_id: 'the step "{title}" has no id',
    duplicate_step_id: 'another step has the id "{stepId}"',
    empty_step: 'the step has neither text nor a question',
    unknown_next_step: 'the next step "{next}" does not exist',
    question_and_next: 'a step with a question cannot also have a fixed next step',
    question_without_answers: 'the question has no answers',
    empty_answer_id: 'the answer "{label}" has no id',
    duplicate_answer_id: 'another answer has the id "{answerId}"',
    unknown_action: 'there is no action "{action}"',
    empty_disposition_code: 'the disposition code is missing',
    unknown_disposition_code: 'the disposition "{code}" is not in the campaign',
    unreachable_step: 'no path leads to this step',
    no_end_step: 'the script has no reachable final step',
    no_exit: 'no final step can be reached from this step',
    missing_disclosure: 'the {disclosure} ({fields}) must be stated in a required step ({jurisdiction})',
    disclosure_after_offer:
      'an agreement is offered before the {disclosure} ({fields}) is stated on every path',
  },
};

/** Words a script problem in the reader's language, for the script editor. */
export function describeScriptProblem(
  problem: Pick<ScriptProblem, 'code' | 'params' | 'stepId'>,
  locale: Locale,
): string {
  const disclosure = problem.params['disclosure'];
  const params: Readonly<Record<string, string | number | null>> = {
    stepId: problem.stepId,
    ...problem.params,
    ...(isDisclosureId(disclosure) ? { disclosure: DISCLOSURE_NAMES[locale][disclosure] } : {}),
  };
  // Placeholders are replaced in one pass, so a value that itself contains "{x}" stays as written.
  return MESSAGES[locale][problem.code].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined || value === null ? whole : String(value);
  });
}

function isDisclosureId(value: unknown): value is DisclosureId {
  return typeof value === 'string' && (DISCLOSURE_IDS as readonly string[]).includes(value);
}
