import type { Locale } from '../contracts/auth.type';
import { assertNever } from '../domain/assert-never.util';
import { type IsoDate, isIsoDate } from '../domain/dates.util';
import type { Jurisdiction } from '../domain/jurisdictions.constant';
import { formatMoney, type Money } from '../domain/money.util';
import { SCRIPT_FIELDS, type ScriptFieldPath, type ScriptFieldTypeOf } from './script-fields.constant';
import {
  type DateStyle,
  type ParsedTemplate,
  type TemplateToken,
  parseTemplate,
} from './script-template.util';
import type { ScriptAction, ScriptContext, ScriptStep, ScriptVersion } from './script.type';

/** Shown where a value is absent or malformed, so the agent sees a gap instead of reading "undefined". */
export const MISSING_VALUE_PLACEHOLDER = '—';

/**
 * Rendered text is data, not markup: the console binds `value` as text (Angular escapes it) and
 * anything that needs HTML goes through toSafeHtml. A field keeps its path so the console can
 * highlight it and a missing one can be flagged.
 */
export type RenderedSegment =
  | { kind: 'text'; value: string }
  | { kind: 'field'; path: string; value: string; missing: boolean };

export interface RenderedAnswer {
  id: string;
  label: readonly RenderedSegment[];
  next: string;
}

export interface RenderedStep {
  id: string;
  title: string;
  required: boolean;
  body: readonly RenderedSegment[];
  question: { prompt: readonly RenderedSegment[]; answers: readonly RenderedAnswer[] } | null;
  next: string | null;
  actions: readonly ScriptAction[];
  /** Fields of this step shown as the placeholder (a malformed field is listed by its source). */
  missingFields: readonly string[];
}

export interface RenderedScript {
  scriptId: string;
  version: number;
  name: string;
  locale: string;
  startStepId: string;
  steps: readonly RenderedStep[];
  /** Union of the steps' missing fields: lets the server refuse to push, say, an MX script without the amount. */
  missingFields: readonly string[];
}

interface CompiledStep {
  step: ScriptStep;
  text: ParsedTemplate;
  prompt: ParsedTemplate | null;
  answers: readonly ParsedTemplate[];
}

/** A script whose templates are parsed, to render it for many calls without parsing again. */
export interface CompiledScript {
  script: ScriptVersion;
  steps: readonly CompiledStep[];
}

export function compileScript(script: ScriptVersion): CompiledScript {
  return {
    script,
    steps: script.steps.map((step) => ({
      step,
      text: parseTemplate(step.text),
      prompt: step.question ? parseTemplate(step.question.prompt) : null,
      answers: step.question ? step.question.answers.map((answer) => parseTemplate(answer.label)) : [],
    })),
  };
}

/**
 * The locale to format a script's amounts and dates with: the script's language with the
 * debtor's country as region. Bare 'es' is a poor choice for money: ICU writes MXN as
 * "1234,56 MXN" in it, while 'es-MX' gives the "$1,234.56" a Mexican debtor expects.
 */
export function scriptLocale(language: Locale, jurisdiction: Jurisdiction | null): string {
  return jurisdiction ? `${language}-${jurisdiction}` : language;
}

/** Renders every step of a script for one interaction (the server pushes all of it to the agent). */
export function renderScript(
  script: ScriptVersion | CompiledScript,
  context: ScriptContext,
  locale: string,
): RenderedScript {
  const compiled = 'script' in script ? script : compileScript(script);
  // Fail on a malformed locale here, with Intl's RangeError, rather than half-way through a step.
  const canonical = Intl.getCanonicalLocales(locale)[0] ?? locale;
  const formatter = new FieldFormatter(canonical);
  const allMissing = new Set<string>();
  const steps = compiled.steps.map((c): RenderedStep => {
    const missing = new Set<string>();
    const render = (template: ParsedTemplate): RenderedSegment[] =>
      renderTokens(template.tokens, context, formatter, missing);
    const question = c.step.question;
    const rendered: RenderedStep = {
      id: c.step.id,
      title: c.step.title,
      required: c.step.required,
      body: render(c.text),
      question:
        question && c.prompt
          ? {
              prompt: render(c.prompt),
              answers: question.answers.map((answer, i) => ({
                id: answer.id,
                label: render(c.answers[i]),
                next: answer.next,
              })),
            }
          : null,
      next: c.step.next ?? null,
      actions: c.step.actions ?? [],
      missingFields: [...missing],
    };
    missing.forEach((path) => allMissing.add(path));
    return rendered;
  });
  const { script: source } = compiled;
  return {
    scriptId: source.scriptId,
    version: source.version,
    name: source.name,
    locale: canonical,
    startStepId: source.startStepId,
    steps,
    missingFields: [...allMissing],
  };
}

/** Renders one template on its own, e.g. for the editor's live preview. */
export function renderTemplate(
  template: string | ParsedTemplate,
  context: ScriptContext,
  locale: string,
): RenderedSegment[] {
  const parsed = typeof template === 'string' ? parseTemplate(template) : template;
  return renderTokens(parsed.tokens, context, new FieldFormatter(locale), new Set());
}

function renderTokens(
  tokens: readonly TemplateToken[],
  context: ScriptContext,
  formatter: FieldFormatter,
  missing: Set<string>,
): RenderedSegment[] {
  return tokens.map((token): RenderedSegment => {
    switch (token.kind) {
      case 'text':
        return { kind: 'text', value: token.value };
      case 'field': {
        let value = resolveField(token.path, context);
        // Values are only ever formatted, never parsed: a `{{` inside one stays text.
        for (const call of token.formatters) {
          if (value === null) {
            if (call.name === 'default') value = { type: 'text', value: call.text };
            continue;
          }
          switch (call.name) {
            case 'money':
            case 'number':
            case 'default':
              value = { type: 'text', value: formatter.finish(value) };
              break;
            case 'date':
              value = {
                type: 'text',
                value:
                  value.type === 'date' ? formatter.date(value.value, call.style) : formatter.finish(value),
              };
              break;
            case 'upper':
              value = { type: 'text', value: formatter.finish(value).toLocaleUpperCase(formatter.locale) };
              break;
            default:
              return assertNever(call);
          }
        }
        if (value === null) {
          missing.add(token.path);
          return { kind: 'field', path: token.path, value: MISSING_VALUE_PLACEHOLDER, missing: true };
        }
        return { kind: 'field', path: token.path, value: formatter.finish(value), missing: false };
      }
      case 'invalid':
        // Only reachable for a template that skipped validateScript; show the gap, never the source.
        missing.add(token.source);
        return { kind: 'field', path: token.source, value: MISSING_VALUE_PLACEHOLDER, missing: true };
      default:
        return assertNever(token);
    }
  });
}

type FieldValue =
  | { type: 'text'; value: string }
  | { type: 'money'; value: Money }
  | { type: 'date'; value: IsoDate }
  | { type: 'number'; value: number };

interface FieldValueTypes {
  text: string;
  money: Money;
  date: IsoDate;
  number: number;
}

/**
 * How each catalogue field is read from the context. The mapped type makes the compiler check
 * that every field has a reader and that it returns the type the catalogue declares.
 */
const READERS: {
  readonly [P in ScriptFieldPath]: (c: ScriptContext) => FieldValueTypes[ScriptFieldTypeOf<P>] | null;
} = {
  'debtor.firstName': (c) => c.debtor.firstName,
  'debtor.lastName': (c) => c.debtor.lastName,
  'debtor.fullName': (c) => c.debtor.fullName,
  'debtor.nationalId': (c) => c.debtor.nationalId,
  'account.number': (c) => c.account.number,
  'account.balance': (c) => c.account.balance,
  'account.originalAmount': (c) => c.account.originalAmount,
  'account.daysPastDue': (c) => c.account.daysPastDue,
  'account.dueDate': (c) => c.account.dueDate,
  'account.product': (c) => c.account.product,
  'account.agingBucket': (c) => c.account.agingBucket,
  'client.name': (c) => c.client.name,
  'agency.name': (c) => c.agency.name,
  'agent.firstName': (c) => c.agent.firstName,
  'agent.fullName': (c) => c.agent.fullName,
  'installment.number': (c) => c.installment?.number ?? null,
  'installment.amount': (c) => c.installment?.amount ?? null,
  'installment.dueDate': (c) => c.installment?.dueDate ?? null,
  today: (c) => c.today,
};

/**
 * Reads a field and checks its value at run time: the context comes from the database over the
 * wire, and a blank name, a fractional amount or an impossible date must show as missing rather
 * than as "undefined", "NaN" or a shifted day.
 */
export function resolveField(path: ScriptFieldPath, context: ScriptContext): FieldValue | null {
  let raw: unknown;
  try {
    raw = READERS[path](context);
  } catch {
    // A whole section of the context is absent (e.g. no agent on a preview): the field is missing.
    return null;
  }
  const type = SCRIPT_FIELDS[path].type;
  switch (type) {
    case 'text':
      return typeof raw === 'string' && raw.trim() !== '' ? { type, value: raw } : null;
    case 'money':
      return isMoney(raw) ? { type, value: raw } : null;
    case 'date':
      return typeof raw === 'string' && isIsoDate(raw) ? { type, value: raw } : null;
    case 'number':
      return typeof raw === 'number' && Number.isFinite(raw) ? { type, value: raw } : null;
    default:
      return assertNever(type);
  }
}

function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const { amountMinor, currency } = value as Partial<Money>;
  return Number.isSafeInteger(amountMinor) && typeof currency === 'string' && /^[A-Z]{3}$/.test(currency);
}

/** Intl formatters are slow to build and a floor renders the same few combinations all day. */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = build();
    if (cache.size < 500) cache.set(key, value);
  }
  return value;
}

/**
 * Formats a civil date in the locale's own way. The date is placed at midnight UTC and formatted
 * in UTC, so neither the server's nor the debtor's time zone can move it to the day before.
 */
export function formatCivilDate(date: IsoDate, locale: string, style: DateStyle): string {
  const format = cached(dateFormats, `${style}|${locale}`, () =>
    style === 'long'
      ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' })
      : new Intl.DateTimeFormat(locale, {
          timeZone: 'UTC',
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
        }),
  );
  return format.format(new Date(`${date}T00:00:00Z`));
}

class FieldFormatter {
  constructor(readonly locale: string) {}

  date(value: IsoDate, style: DateStyle): string {
    return formatCivilDate(value, this.locale, style);
  }

  /** The text of a value: a pipeline that ends on a typed value gets that type's default format. */
  finish(value: FieldValue): string {
    switch (value.type) {
      case 'text':
        return value.value;
      case 'money':
        return formatMoney(value.value, this.locale);
      case 'date':
        return formatCivilDate(value.value, this.locale, 'short');
      case 'number':
        return cached(
          numberFormats,
          `number|${this.locale}`,
          () => new Intl.NumberFormat(this.locale, { maximumFractionDigits: 0 }),
        ).format(value.value);
      default:
        return assertNever(value);
    }
  }
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  let out = '';
  for (const ch of text) out += HTML_ESCAPES[ch] ?? ch;
  return out;
}

/** Escapes first, then turns line breaks into `<br>`: the only markup ever produced is our own. */
function escapeWithBreaks(text: string): string {
  return escapeHtml(text).split(/\r?\n/).join('<br>');
}

/**
 * HTML for places that need markup (a server-side preview, an e-mail of the script). Every value,
 * path and text is escaped, so a debtor called `<img src=x onerror=alert(1)>` is shown as text.
 */
export function toSafeHtml(segments: readonly RenderedSegment[]): string {
  return segments
    .map((segment) => {
      switch (segment.kind) {
        case 'text':
          return escapeWithBreaks(segment.value);
        case 'field': {
          const classes = segment.missing ? 'script-field script-field--missing' : 'script-field';
          return `<span class="${classes}" data-field="${escapeHtml(segment.path)}">${escapeWithBreaks(segment.value)}</span>`;
        }
        default:
          return assertNever(segment);
      }
    })
    .join('');
}

/** Plain text of rendered segments (SMS, logs, tests). */
export function toPlainText(segments: readonly RenderedSegment[]): string {
  return segments.map((segment) => segment.value).join('');
}
