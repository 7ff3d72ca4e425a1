import { assertNever } from '../domain/assert-never.util';
import {
  SCRIPT_FIELDS,
  SCRIPT_FORMATTERS,
  type ScriptFieldPath,
  type ScriptFieldType,
  type ScriptFormatterName,
  isScriptFieldPath,
  isScriptFormatterName,
} from './script-fields.constant';

/*
 * The template language of script text, deliberately tiny:
 *
 *   text     := ( literal | field )*
 *   field    := '{{' ws path ws ( '|' ws name ws ( ':' ws argument )? ws )* '}}'
 *   path     := ident ( '.' ident )*          one of SCRIPT_FIELDS
 *   argument := ident | '"' ( '\' any | any but '"' )* '"'
 *
 * A field must close on its own line, so a forgotten `}}` cannot swallow the rest of the script;
 * `}}` inside a quoted argument does not close it. A template is scanned once, by hand, into
 * tokens; rendering walks the tokens and never scans text again, so a value that contains `{{`
 * (a debtor's name, a default) is shown as written and cannot become a field.
 */

export type DateStyle = 'short' | 'long';

export type FormatterCall =
  | { name: 'money' }
  | { name: 'date'; style: DateStyle }
  | { name: 'number' }
  | { name: 'upper' }
  | { name: 'default'; text: string };

export type TemplateToken =
  | { kind: 'text'; value: string; start: number }
  | { kind: 'field'; path: ScriptFieldPath; formatters: readonly FormatterCall[]; start: number; end: number }
  /** A field with errors: kept so a template that skipped validation still renders, as a placeholder. */
  | { kind: 'invalid'; source: string; start: number; end: number };

export const TEMPLATE_ERROR_CODES = [
  'unclosed_field',
  'empty_field',
  'unexpected_character',
  'unterminated_string',
  'unknown_field',
  'unknown_formatter',
  'formatter_not_for_type',
  'missing_formatter_argument',
  'unexpected_formatter_argument',
  'invalid_formatter_argument',
] as const;
export type TemplateErrorCode = (typeof TEMPLATE_ERROR_CODES)[number];

export interface TemplateError {
  code: TemplateErrorCode;
  /** Index in the template (UTF-16 code units, as JavaScript and the editor's textarea count). */
  offset: number;
  length: number;
  /** 1-based, for people. */
  line: number;
  column: number;
  params: Readonly<Record<string, string>>;
}

export interface ParsedTemplate {
  tokens: readonly TemplateToken[];
  errors: readonly TemplateError[];
  /** The known fields the template names, once each, in order of first use. */
  fields: readonly ScriptFieldPath[];
}

const isIdentStart = (ch: string): boolean =>
  (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
const isIdentPart = (ch: string): boolean => isIdentStart(ch) || (ch >= '0' && ch <= '9');
const isBlank = (ch: string): boolean => ch === ' ' || ch === '\t';
const isLineEnd = (ch: string): boolean => ch === '\n' || ch === '\r';

export function parseTemplate(source: string): ParsedTemplate {
  const parser = new TemplateParser(source);
  parser.run();
  return { tokens: parser.tokens, errors: parser.errors, fields: [...parser.fields] };
}

class TemplateParser {
  readonly tokens: TemplateToken[] = [];
  readonly errors: TemplateError[] = [];
  readonly fields = new Set<ScriptFieldPath>();

  constructor(private readonly source: string) {}

  run(): void {
    const src = this.source;
    let textStart = 0;
    let i = 0;
    while (i < src.length) {
      if (!src.startsWith('{{', i)) {
        i++;
        continue;
      }
      if (i > textStart) this.tokens.push({ kind: 'text', value: src.slice(textStart, i), start: textStart });
      i = this.field(i);
      textStart = i;
    }
    if (src.length > textStart)
      this.tokens.push({ kind: 'text', value: src.slice(textStart), start: textStart });
  }

  /** Parses the field opening at `open`; returns where the text after it starts. */
  private field(open: number): number {
    const close = this.findClose(open);
    if (close.kind === 'broken') {
      this.tokens.push({
        kind: 'invalid',
        source: this.source.slice(open, close.resumeAt),
        start: open,
        end: close.resumeAt,
      });
      return close.resumeAt;
    }
    const end = close.at + 2;
    const errorsBefore = this.errors.length;
    const parsed = this.fieldBody(open, open + 2, close.at);
    if (parsed && this.errors.length === errorsBefore) {
      this.tokens.push({ kind: 'field', path: parsed.path, formatters: parsed.formatters, start: open, end });
      this.fields.add(parsed.path);
    } else {
      this.tokens.push({ kind: 'invalid', source: this.source.slice(open, end), start: open, end });
    }
    return end;
  }

  private findClose(open: number): { kind: 'closed'; at: number } | { kind: 'broken'; resumeAt: number } {
    const src = this.source;
    let j = open + 2;
    for (;;) {
      if (j >= src.length || isLineEnd(src[j]) || src.startsWith('{{', j)) {
        this.error('unclosed_field', open, 2);
        return { kind: 'broken', resumeAt: j };
      }
      if (src.startsWith('}}', j)) return { kind: 'closed', at: j };
      if (src[j] === '"') {
        const after = this.skipString(j);
        if (after === null) {
          // Resume at the line end so the next line parses normally.
          let k = j;
          while (k < src.length && !isLineEnd(src[k])) k++;
          return { kind: 'broken', resumeAt: k };
        }
        j = after;
        continue;
      }
      j++;
    }
  }

  /** Returns the index after the closing quote, or null (and an error) when the line ends first. */
  private skipString(quote: number): number | null {
    const src = this.source;
    let k = quote + 1;
    while (k < src.length && !isLineEnd(src[k])) {
      if (src[k] === '"') return k + 1;
      k += src[k] === '\\' && k + 1 < src.length && !isLineEnd(src[k + 1]) ? 2 : 1;
    }
    this.error('unterminated_string', quote, k - quote);
    return null;
  }

  private fieldBody(
    open: number,
    from: number,
    to: number,
  ): { path: ScriptFieldPath; formatters: FormatterCall[] } | null {
    const src = this.source;
    let p = this.skipBlanks(from, to);
    if (p === to) {
      this.error('empty_field', open, to + 2 - open);
      return null;
    }
    const pathStart = p;
    const pathEnd = this.scanPath(p, to);
    if (pathEnd === null) return null;
    p = pathEnd;
    const pathText = src.slice(pathStart, pathEnd);
    let type: ScriptFieldType | null = null;
    let path: ScriptFieldPath | null = null;
    if (isScriptFieldPath(pathText)) {
      path = pathText;
      type = SCRIPT_FIELDS[pathText].type;
    } else {
      this.error('unknown_field', pathStart, pathText.length, { field: pathText });
    }

    const formatters: FormatterCall[] = [];
    for (;;) {
      p = this.skipBlanks(p, to);
      if (p === to) break;
      if (src[p] !== '|') return this.unexpected(p);
      p = this.skipBlanks(p + 1, to);
      const nameStart = p;
      while (p < to && isIdentPart(src[p])) p++;
      if (p === nameStart || !isIdentStart(src[nameStart])) return this.unexpected(nameStart, to);
      const name = src.slice(nameStart, p);
      p = this.skipBlanks(p, to);

      let argument: { value: string; start: number; length: number } | null = null;
      if (p < to && src[p] === ':') {
        p = this.skipBlanks(p + 1, to);
        const argStart = p;
        if (p < to && src[p] === '"') {
          const read = this.readString(p);
          argument = { value: read.value, start: argStart, length: read.end - argStart };
          p = read.end;
        } else {
          while (p < to && isIdentPart(src[p])) p++;
          if (p === argStart) return this.unexpected(argStart, to);
          argument = { value: src.slice(argStart, p), start: argStart, length: p - argStart };
        }
      }

      if (!isScriptFormatterName(name)) {
        this.error('unknown_formatter', nameStart, name.length, { formatter: name });
        // The output type of an unknown formatter is unknown: check no further types on this field.
        type = null;
        continue;
      }
      const call = this.formatterCall(name, nameStart, argument);
      if (type !== null && !SCRIPT_FORMATTERS[name].accepts.includes(type)) {
        this.error('formatter_not_for_type', nameStart, name.length, {
          formatter: name,
          type,
          field: pathText,
        });
      }
      // Every formatter yields text (see SCRIPT_FORMATTERS).
      if (type !== null) type = 'text';
      if (call) formatters.push(call);
    }
    return path ? { path, formatters } : null;
  }

  private formatterCall(
    name: ScriptFormatterName,
    at: number,
    argument: { value: string; start: number; length: number } | null,
  ): FormatterCall | null {
    const definition = SCRIPT_FORMATTERS[name];
    switch (definition.argument) {
      case 'none':
        if (argument) {
          this.error('unexpected_formatter_argument', argument.start, argument.length, { formatter: name });
          return null;
        }
        break;
      case 'options':
        if (argument && !(definition.options ?? []).includes(argument.value)) {
          this.error('invalid_formatter_argument', argument.start, argument.length, {
            formatter: name,
            argument: argument.value,
            options: (definition.options ?? []).join(', '),
          });
          return null;
        }
        break;
      case 'text':
        if (!argument) {
          this.error('missing_formatter_argument', at, name.length, { formatter: name });
          return null;
        }
        break;
      default:
        return assertNever(definition.argument);
    }
    switch (name) {
      case 'money':
        return { name };
      case 'date':
        return { name, style: argument?.value === 'long' ? 'long' : 'short' };
      case 'number':
        return { name };
      case 'upper':
        return { name };
      case 'default':
        return { name, text: argument?.value ?? '' };
      default:
        return assertNever(name);
    }
  }

  /** Reads a path (`ident(.ident)*`); reports and returns null when it is malformed. */
  private scanPath(from: number, to: number): number | null {
    const src = this.source;
    let p = from;
    for (;;) {
      if (p >= to || !isIdentStart(src[p])) return this.unexpected(p, to);
      while (p < to && isIdentPart(src[p])) p++;
      if (p < to && src[p] === '.') {
        p++;
        continue;
      }
      if (p < to && !isBlank(src[p]) && src[p] !== '|') return this.unexpected(p, to);
      return p;
    }
  }

  /** Decodes a quoted argument that findClose already knows is terminated. */
  private readString(quote: number): { value: string; end: number } {
    const src = this.source;
    let value = '';
    let k = quote + 1;
    while (src[k] !== '"') {
      if (src[k] === '\\') k++;
      value += src[k];
      k++;
    }
    return { value, end: k + 1 };
  }

  private skipBlanks(from: number, to: number): number {
    let p = from;
    while (p < to && isBlank(this.source[p])) p++;
    return p;
  }

  private unexpected(at: number, to?: number): null {
    if (to !== undefined && at >= to) {
      // The field ended where something was still expected: point at the closing braces.
      this.error('unexpected_character', at, 2, { character: '}}' });
    } else {
      this.error('unexpected_character', at, 1, { character: this.source[at] });
    }
    return null;
  }

  private error(
    code: TemplateErrorCode,
    offset: number,
    length: number,
    params: Record<string, string> = {},
  ): void {
    this.errors.push({ code, offset, length, ...lineAndColumn(this.source, offset), params });
  }
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = 0; k < offset && k < source.length; k++) {
    if (source[k] === '\n') {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
