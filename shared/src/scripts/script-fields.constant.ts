import type { Locale } from '../contracts/auth.type';
import type { ScriptActionType } from './script.type';

/** What kind of value a field holds, which decides the formatters it accepts. */
export const SCRIPT_FIELD_TYPES = ['text', 'money', 'date', 'number'] as const;
export type ScriptFieldType = (typeof SCRIPT_FIELD_TYPES)[number];

export interface ScriptFieldDefinition {
  type: ScriptFieldType;
  /** The value may be absent for an account; the renderer then shows a placeholder or the `default`. */
  optional: boolean;
  /** For the editor's field picker. */
  label: Readonly<Record<Locale, string>>;
}

/**
 * Every field a template may name, with its type: the single list the parser, the validator, the
 * renderer and the editor share. A path is looked up here as an own key, never by walking the
 * context object, so `{{constructor}}` or `{{debtor.__proto__}}` are unknown fields, not a way in.
 */
export const SCRIPT_FIELDS = {
  'debtor.firstName': {
    type: 'text',
    optional: false,
    label: { es: 'Nombre del deudor', en: 'Debtor first name' },
  },
  'debtor.lastName': {
    type: 'text',
    optional: true,
    label: { es: 'Apellidos del deudor', en: 'Debtor last name' },
  },
  'debtor.fullName': {
    type: 'text',
    optional: false,
    label: { es: 'Nombre completo del deudor', en: 'Debtor full name' },
  },
  'debtor.nationalId': {
    type: 'text',
    optional: true,
    label: { es: 'Documento de identidad', en: 'National id' },
  },
  'account.number': {
    type: 'text',
    optional: false,
    label: { es: 'Número de cuenta / contrato', en: 'Account / contract number' },
  },
  'account.balance': { type: 'money', optional: false, label: { es: 'Saldo', en: 'Balance' } },
  'account.originalAmount': {
    type: 'money',
    optional: true,
    label: { es: 'Monto original', en: 'Original amount' },
  },
  'account.daysPastDue': {
    type: 'number',
    optional: false,
    label: { es: 'Días de mora', en: 'Days past due' },
  },
  'account.dueDate': { type: 'date', optional: true, label: { es: 'Fecha de vencimiento', en: 'Due date' } },
  'account.product': { type: 'text', optional: true, label: { es: 'Producto', en: 'Product' } },
  'account.agingBucket': {
    type: 'text',
    optional: false,
    label: { es: 'Tramo de mora', en: 'Aging bucket' },
  },
  'client.name': {
    type: 'text',
    optional: false,
    label: { es: 'Mandante (acreedor)', en: 'Client (creditor)' },
  },
  'agency.name': {
    type: 'text',
    optional: false,
    label: { es: 'Agencia de cobranza', en: 'Collection agency' },
  },
  'agent.firstName': {
    type: 'text',
    optional: false,
    label: { es: 'Nombre del agente', en: 'Agent first name' },
  },
  'agent.fullName': {
    type: 'text',
    optional: false,
    label: { es: 'Nombre completo del agente', en: 'Agent full name' },
  },
  // Only a message about one installment (a payment reminder) has these; elsewhere they are missing.
  'installment.number': {
    type: 'number',
    optional: true,
    label: { es: 'Número de cuota', en: 'Installment number' },
  },
  'installment.amount': {
    type: 'money',
    optional: true,
    label: { es: 'Valor de la cuota', en: 'Installment amount' },
  },
  'installment.dueDate': {
    type: 'date',
    optional: true,
    label: { es: 'Vencimiento de la cuota', en: 'Installment due date' },
  },
  today: { type: 'date', optional: false, label: { es: 'Fecha de hoy', en: "Today's date" } },
} as const satisfies Readonly<Record<string, ScriptFieldDefinition>>;

export type ScriptFieldPath = keyof typeof SCRIPT_FIELDS;

/** The catalogue's paths in the order above, for editors and tests. */
export const SCRIPT_FIELD_PATHS = Object.keys(SCRIPT_FIELDS) as readonly ScriptFieldPath[];

export type ScriptFieldTypeOf<P extends ScriptFieldPath> = (typeof SCRIPT_FIELDS)[P]['type'];

export function isScriptFieldPath(text: string): text is ScriptFieldPath {
  return Object.prototype.hasOwnProperty.call(SCRIPT_FIELDS, text);
}

export const SCRIPT_FORMATTER_NAMES = ['money', 'date', 'number', 'upper', 'default'] as const;
export type ScriptFormatterName = (typeof SCRIPT_FORMATTER_NAMES)[number];

export interface ScriptFormatterDefinition {
  /** Types of value the formatter may follow in a pipeline. */
  accepts: readonly ScriptFieldType[];
  /** `none`: no `:argument`; `options`: one of `options`, or none; `text`: a required free text. */
  argument: 'none' | 'options' | 'text';
  options?: readonly string[];
  /** Example for the editor's help. */
  example: string;
}

/**
 * The formatters a pipeline may use. Each turns its input into text, so a pipeline is typed left
 * to right: `{{account.balance | money | upper}}` is valid, `{{account.balance | upper}}` is not.
 * `default` accepts anything because it only acts when the value is missing.
 */
export const SCRIPT_FORMATTERS: Readonly<Record<ScriptFormatterName, ScriptFormatterDefinition>> = {
  money: { accepts: ['money'], argument: 'none', example: '{{account.balance | money}}' },
  date: {
    accepts: ['date'],
    argument: 'options',
    options: ['long'],
    example: '{{account.dueDate | date:long}}',
  },
  number: { accepts: ['number'], argument: 'none', example: '{{account.daysPastDue | number}}' },
  upper: { accepts: ['text'], argument: 'none', example: '{{debtor.lastName | upper}}' },
  default: {
    accepts: SCRIPT_FIELD_TYPES,
    argument: 'text',
    example: '{{account.product | default:"crédito"}}',
  },
};

export function isScriptFormatterName(text: string): text is ScriptFormatterName {
  return Object.prototype.hasOwnProperty.call(SCRIPT_FORMATTERS, text);
}

/** Mirrors the ScriptAction union, for checking actions that arrive as JSON and for the editor. */
export const SCRIPT_ACTION_TYPES = [
  'offer_agreement',
  'schedule_callback',
  'set_disposition',
] as const satisfies readonly ScriptActionType[];

export function isScriptActionType(text: unknown): text is (typeof SCRIPT_ACTION_TYPES)[number] {
  return typeof text === 'string' && (SCRIPT_ACTION_TYPES as readonly string[]).includes(text);
}
