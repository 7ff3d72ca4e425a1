import { SCRIPT_FIELD_PATHS } from './script-fields.constant';
import { parseTemplate } from './script-template.util';

describe('parseTemplate', () => {
  it('splits text and fields, with the formatter pipeline, and lists the fields used', () => {
    const parsed = parseTemplate(
      'Hola {{ debtor.firstName }}, debe {{account.balance | money}} desde {{account.dueDate|date:long}}.',
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.tokens).toEqual([
      { kind: 'text', value: 'Hola ', start: 0 },
      { kind: 'field', path: 'debtor.firstName', formatters: [], start: 5, end: 27 },
      { kind: 'text', value: ', debe ', start: 27 },
      { kind: 'field', path: 'account.balance', formatters: [{ name: 'money' }], start: 34, end: 61 },
      { kind: 'text', value: ' desde ', start: 61 },
      {
        kind: 'field',
        path: 'account.dueDate',
        formatters: [{ name: 'date', style: 'long' }],
        start: 68,
        end: 97,
      },
      { kind: 'text', value: '.', start: 97 },
    ]);
    expect(parsed.fields).toEqual(['debtor.firstName', 'account.balance', 'account.dueDate']);
  });

  it('reads every formatter and its argument', () => {
    const field = (source: string) => {
      const parsed = parseTemplate(source);
      expect(parsed.errors).toEqual([]);
      return parsed.tokens[0];
    };
    expect(field('{{account.balance | money}}')).toMatchObject({ formatters: [{ name: 'money' }] });
    expect(field('{{account.dueDate | date}}')).toMatchObject({
      formatters: [{ name: 'date', style: 'short' }],
    });
    expect(field('{{today | date:long}}')).toMatchObject({ formatters: [{ name: 'date', style: 'long' }] });
    expect(field('{{account.daysPastDue | number}}')).toMatchObject({ formatters: [{ name: 'number' }] });
    expect(field('{{debtor.lastName | upper}}')).toMatchObject({ formatters: [{ name: 'upper' }] });
    expect(field('{{account.product | default:"crédito"}}')).toMatchObject({
      formatters: [{ name: 'default', text: 'crédito' }],
    });
    expect(field('{{account.product | default:credito}}')).toMatchObject({
      formatters: [{ name: 'default', text: 'credito' }],
    });
    // Formatters chain left to right: money yields text, which upper accepts.
    expect(field('{{account.balance | money | upper}}')).toMatchObject({
      formatters: [{ name: 'money' }, { name: 'upper' }],
    });
    expect(field('{{debtor.lastName | default:"cliente" | upper}}')).toMatchObject({
      formatters: [{ name: 'default', text: 'cliente' }, { name: 'upper' }],
    });
  });

  it('decodes quoted arguments, where "}}" and escaped quotes do not end anything', () => {
    const parsed = parseTemplate('{{account.product | default:"a \\"b\\" }} \\\\ c"}} fin');
    expect(parsed.errors).toEqual([]);
    expect(parsed.tokens[0]).toMatchObject({
      kind: 'field',
      formatters: [{ name: 'default', text: 'a "b" }} \\ c' }],
    });
    // 2 + 15 + 3 + 8 ('default:') + 17 (the quoted argument as written) + 2 = 47.
    expect(parsed.tokens[1]).toEqual({ kind: 'text', value: ' fin', start: 47 });
  });

  it('leaves text without fields, and a lone "}}", as text', () => {
    expect(parseTemplate('Sin campos }} aquí').tokens).toEqual([
      { kind: 'text', value: 'Sin campos }} aquí', start: 0 },
    ]);
    expect(parseTemplate('').tokens).toEqual([]);
  });

  it('knows every catalogue field', () => {
    for (const path of SCRIPT_FIELD_PATHS) expect(parseTemplate(`{{${path}}}`).errors).toEqual([]);
  });

  describe('errors, with their position', () => {
    it('reports an unclosed "{{" at the braces, and a field must close on its own line', () => {
      const parsed = parseTemplate('Hola {{debtor.firstName');
      expect(parsed.errors).toEqual([
        { code: 'unclosed_field', offset: 5, length: 2, line: 1, column: 6, params: {} },
      ]);
      expect(parsed.tokens).toEqual([
        { kind: 'text', value: 'Hola ', start: 0 },
        { kind: 'invalid', source: '{{debtor.firstName', start: 5, end: 23 },
      ]);

      // The next line still parses: one forgotten "}}" does not swallow the script.
      const multiline = parseTemplate('Línea uno\nHola {{debtor.firstName\nLe llama {{agent.firstName}}.');
      expect(multiline.errors).toEqual([
        { code: 'unclosed_field', offset: 15, length: 2, line: 2, column: 6, params: {} },
      ]);
      expect(multiline.fields).toEqual(['agent.firstName']);
    });

    it('reports a "{{" opened inside a field as the first one left unclosed', () => {
      const parsed = parseTemplate('{{debtor.firstName {{agent.firstName}}');
      expect(parsed.errors).toMatchObject([{ code: 'unclosed_field', offset: 0 }]);
      expect(parsed.fields).toEqual(['agent.firstName']);
    });

    it('reports unknown fields, including prototype keys that are not fields', () => {
      expect(parseTemplate('Hola {{debtor.nmae}}').errors).toEqual([
        {
          code: 'unknown_field',
          offset: 7,
          length: 11,
          line: 1,
          column: 8,
          params: { field: 'debtor.nmae' },
        },
      ]);
      for (const path of [
        'constructor',
        '__proto__',
        'debtor.__proto__',
        'toString',
        'debtor',
        'account.balance.amountMinor',
      ]) {
        expect(parseTemplate(`{{${path}}}`).errors).toMatchObject([
          { code: 'unknown_field', offset: 2, params: { field: path } },
        ]);
      }
    });

    it('reports unknown formatters and formatters that do not fit the value', () => {
      expect(parseTemplate('{{account.balance | mony}}').errors).toEqual([
        {
          code: 'unknown_formatter',
          offset: 20,
          length: 4,
          line: 1,
          column: 21,
          params: { formatter: 'mony' },
        },
      ]);
      expect(parseTemplate('{{debtor.firstName | money}}').errors).toEqual([
        {
          code: 'formatter_not_for_type',
          offset: 21,
          length: 5,
          line: 1,
          column: 22,
          params: { formatter: 'money', type: 'text', field: 'debtor.firstName' },
        },
      ]);
      expect(parseTemplate('{{account.balance | upper}}').errors).toMatchObject([
        { code: 'formatter_not_for_type', params: { formatter: 'upper', type: 'money' } },
      ]);
      expect(parseTemplate('{{account.balance | date}}').errors).toMatchObject([
        { code: 'formatter_not_for_type' },
      ]);
      expect(parseTemplate('{{today | number}}').errors).toMatchObject([{ code: 'formatter_not_for_type' }]);
      // After a formatter the value is text: a second money is a mistake.
      expect(parseTemplate('{{account.balance | money | money}}').errors).toMatchObject([
        { code: 'formatter_not_for_type', offset: 28, params: { type: 'text' } },
      ]);
      expect(parseTemplate('{{account.dueDate | default:"sin fecha" | date}}').errors).toMatchObject([
        { code: 'formatter_not_for_type' },
      ]);
    });

    it('checks formatter arguments', () => {
      expect(parseTemplate('{{account.product | default}}').errors).toMatchObject([
        { code: 'missing_formatter_argument', offset: 20, params: { formatter: 'default' } },
      ]);
      expect(parseTemplate('{{account.balance | money:"x"}}').errors).toMatchObject([
        { code: 'unexpected_formatter_argument', offset: 26, length: 3 },
      ]);
      expect(parseTemplate('{{today | date:medium}}').errors).toMatchObject([
        {
          code: 'invalid_formatter_argument',
          offset: 15,
          length: 6,
          params: { argument: 'medium', options: 'long' },
        },
      ]);
    });

    it('reports syntax errors at the offending character', () => {
      expect(parseTemplate('{{}}').errors).toMatchObject([{ code: 'empty_field', offset: 0, length: 4 }]);
      expect(parseTemplate('{{   }}').errors).toMatchObject([{ code: 'empty_field', offset: 0, length: 7 }]);
      expect(parseTemplate('{{debtor..firstName}}').errors).toMatchObject([
        { code: 'unexpected_character', offset: 9, params: { character: '.' } },
      ]);
      expect(parseTemplate('{{debtor.firstName debtor.lastName}}').errors).toMatchObject([
        { code: 'unexpected_character', offset: 19, params: { character: 'd' } },
      ]);
      expect(parseTemplate('{{debtor.firstName |}}').errors).toMatchObject([
        { code: 'unexpected_character', offset: 20, params: { character: '}}' } },
      ]);
      expect(parseTemplate('{{debtor.}}').errors).toMatchObject([
        { code: 'unexpected_character', offset: 9 },
      ]);
      expect(parseTemplate('{{{debtor.firstName}}}').errors).toMatchObject([
        { code: 'unexpected_character', offset: 2, params: { character: '{' } },
      ]);
      expect(parseTemplate('{{account.product | default:"sin cierre}}').errors).toMatchObject([
        { code: 'unterminated_string', offset: 28 },
      ]);
    });

    it('reports every error of a template, with lines and columns after line breaks', () => {
      const parsed = parseTemplate(
        'Hola {{debtor.nombre}}\n  saldo {{account.balance | dinero}}\n{{agent.firstName}}',
      );
      expect(parsed.errors.map(({ code, line, column }) => ({ code, line, column }))).toEqual([
        { code: 'unknown_field', line: 1, column: 8 },
        { code: 'unknown_formatter', line: 2, column: 29 },
      ]);
      expect(parsed.fields).toEqual(['agent.firstName']);
    });
  });
});
