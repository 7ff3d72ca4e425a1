import { formatMoney } from '../domain/money.util';
import { DEFAULT_MX_COLLECTION_SCRIPT, EXAMPLE_SCRIPT_CONTEXT } from './default-script.constant';
import { SCRIPT_FIELD_PATHS, SCRIPT_FIELDS } from './script-fields.constant';
import {
  MISSING_VALUE_PLACEHOLDER,
  compileScript,
  escapeHtml,
  formatCivilDate,
  renderScript,
  renderTemplate,
  resolveField,
  scriptLocale,
  toPlainText,
  toSafeHtml,
} from './script-render.util';
import type { ScriptContext, ScriptVersion } from './script.type';

/** Intl writes a no-break space between some symbols and digits. */
const NBSP = '\u00a0';

const context = (patch: (c: ScriptContext) => void = () => undefined): ScriptContext => {
  const copy = structuredClone(EXAMPLE_SCRIPT_CONTEXT);
  patch(copy);
  return copy;
};

const text = (template: string, ctx: ScriptContext = context(), locale = 'es-MX'): string =>
  toPlainText(renderTemplate(template, ctx, locale));

describe('renderScript', () => {
  it('renders the default MX script for an account, in Spanish with Mexican formats', () => {
    const rendered = renderScript(
      DEFAULT_MX_COLLECTION_SCRIPT,
      EXAMPLE_SCRIPT_CONTEXT,
      scriptLocale('es', 'MX'),
    );
    expect(rendered.locale).toBe('es-MX');
    expect(rendered.startStepId).toBe('saludo');
    expect(rendered.missingFields).toEqual([]);
    const step = (id: string) => rendered.steps.find((s) => s.id === id)!;
    expect(toPlainText(step('identificacion').body)).toBe(
      'María Fernanda, le informo que esta llamada se graba con fines de calidad y cumplimiento. ' +
        'Cobranza Integral del Centro es un despacho de cobranza que actúa en nombre de Banco del Bajío Ejemplo, ' +
        'respecto de su contrato número TC-0045-7781 (Tarjeta de crédito), ' +
        'que al 18 de marzo de 2026 tiene un saldo vencido de $12,345.67 y 47 días de atraso.',
    );
    expect(step('identificacion')).toMatchObject({ required: true, question: null, next: 'situacion' });
    expect(step('saludo').question!.answers.map((a) => [a.id, a.next])).toEqual([
      ['titular', 'identificacion'],
      ['tercero', 'tercero'],
      ['numero_errado', 'numero_errado'],
    ]);
    expect(toPlainText(step('saludo').question!.prompt)).toBe('¿Hablo con María Fernanda López Hernández?');
    expect(step('convenio').actions).toEqual([{ type: 'offer_agreement' }]);
  });

  it('returns segments that keep which field each value came from', () => {
    expect(renderTemplate('Hola {{debtor.firstName}}.', EXAMPLE_SCRIPT_CONTEXT, 'es-MX')).toEqual([
      { kind: 'text', value: 'Hola ' },
      { kind: 'field', path: 'debtor.firstName', value: 'María Fernanda', missing: false },
      { kind: 'text', value: '.' },
    ]);
  });

  it('renders a compiled script the same as the script, so templates can be parsed once', () => {
    const compiled = compileScript(DEFAULT_MX_COLLECTION_SCRIPT);
    expect(renderScript(compiled, EXAMPLE_SCRIPT_CONTEXT, 'es-MX')).toEqual(
      renderScript(DEFAULT_MX_COLLECTION_SCRIPT, EXAMPLE_SCRIPT_CONTEXT, 'es-MX'),
    );
  });

  it('refuses a malformed locale up front', () => {
    expect(() => renderScript(DEFAULT_MX_COLLECTION_SCRIPT, EXAMPLE_SCRIPT_CONTEXT, 'es_MX!')).toThrow(
      RangeError,
    );
  });

  it('reads every catalogue field with the type the catalogue declares', () => {
    const types = { text: 'string', number: 'number', date: 'string', money: 'object' };
    for (const path of SCRIPT_FIELD_PATHS) {
      const value = resolveField(path, EXAMPLE_SCRIPT_CONTEXT);
      expect(value).not.toBeNull();
      expect(value!.type).toBe(SCRIPT_FIELDS[path].type);
      expect(typeof value!.value).toBe(types[SCRIPT_FIELDS[path].type]);
    }
  });
});

describe('money', () => {
  it('formats minor units exactly, with the currency, per the locale', () => {
    const mxn = { amountMinor: 123_456, currency: 'MXN' };
    // English disambiguates the peso from the dollar; Mexican Spanish writes it as "$".
    expect(formatMoney(mxn, 'en')).toBe('MX$1,234.56');
    expect(formatMoney(mxn, 'es-MX')).toBe('$1,234.56');
    // Bare "es" groups only from five digits and puts the ISO code after (why scriptLocale adds the region).
    expect(formatMoney(mxn, 'es')).toBe(`1234,56${NBSP}MXN`);
    expect(formatMoney({ amountMinor: 1_234_567, currency: 'MXN' }, 'es')).toBe(`12.345,67${NBSP}MXN`);
    expect(formatMoney({ amountMinor: 123_456, currency: 'USD' }, 'en')).toBe('$1,234.56');
    expect(formatMoney({ amountMinor: 123_456, currency: 'COP' }, 'es-CO')).toBe(`$${NBSP}1.234,56`);
    expect(formatMoney({ amountMinor: 123_456, currency: 'PEN' }, 'es-PE')).toBe(`S/${NBSP}1,234.56`);
    expect(formatMoney({ amountMinor: -5, currency: 'USD' }, 'en')).toBe('-$0.05');
  });

  it('writes CLP without decimals: its minor unit is the peso', () => {
    expect(formatMoney({ amountMinor: 1_234_567, currency: 'CLP' }, 'es-CL')).toBe('$1.234.567');
    expect(formatMoney({ amountMinor: 1_234_567, currency: 'CLP' }, 'en')).toBe(`CLP${NBSP}1,234,567`);
  });

  it('stays exact where dividing by 100 would not', () => {
    // 9007199254740991 / 100 is stored as 90071992547409.906…, which prints as .90 or .91
    // depending on rounding; the decimal string "90071992547409.91" cannot drift.
    const max = { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'USD' };
    expect(formatMoney(max, 'en')).toBe('$90,071,992,547,409.91');
  });

  it('renders an amount with or without the money formatter, never as raw minor units', () => {
    expect(text('{{account.balance | money}}')).toBe('$12,345.67');
    expect(text('{{account.balance}}')).toBe('$12,345.67');
    expect(text('{{account.originalAmount | default:"n/d"}}')).toBe('$20,000.00');
  });
});

describe('formatters', () => {
  it('formats civil dates in the locale, short and long', () => {
    expect(formatCivilDate('2026-03-05', 'es', 'short')).toBe('05/03/2026');
    expect(formatCivilDate('2026-03-05', 'en', 'short')).toBe('03/05/2026');
    expect(formatCivilDate('2026-03-05', 'es-MX', 'long')).toBe('5 de marzo de 2026');
    expect(formatCivilDate('2026-03-05', 'en', 'long')).toBe('March 5, 2026');
    expect(text('{{account.dueDate | date}}')).toBe('31/01/2026');
    expect(text('{{account.dueDate}}')).toBe('31/01/2026');
    expect(text('{{today | date:long}}', context(), 'en-MX')).toBe('March 18, 2026');
  });

  it('does not move a civil date to the day before in an American time zone', () => {
    const original = process.env['TZ'];
    try {
      for (const zone of [
        'America/Mexico_City',
        'America/Santiago',
        'Pacific/Kiritimati',
        'Pacific/Pago_Pago',
      ]) {
        process.env['TZ'] = zone;
        expect(text('{{account.dueDate | date:long}}')).toBe('31 de enero de 2026');
      }
    } finally {
      if (original === undefined) delete process.env['TZ'];
      else process.env['TZ'] = original;
    }
  });

  it('formats numbers, upper-cases with the locale, and supplies defaults only when missing', () => {
    expect(
      text(
        '{{account.daysPastDue}}',
        context((c) => (c.account.daysPastDue = 1234)),
      ),
    ).toBe('1,234');
    expect(
      text(
        '{{account.daysPastDue | number}}',
        context((c) => (c.account.daysPastDue = 1234)),
        'es-CO',
      ),
    ).toBe('1.234');
    expect(text('{{debtor.lastName | upper}}')).toBe('LÓPEZ HERNÁNDEZ');
    expect(text('{{account.balance | money | upper}}', context(), 'en')).toBe('MX$12,345.67');
    expect(text('{{debtor.lastName | default:"cliente"}}')).toBe('López Hernández');
    expect(
      text(
        '{{debtor.lastName | default:"cliente"}}',
        context((c) => (c.debtor.lastName = null)),
      ),
    ).toBe('cliente');
    expect(
      text(
        '{{debtor.lastName | default:"cliente" | upper}}',
        context((c) => (c.debtor.lastName = null)),
      ),
    ).toBe('CLIENTE');
    expect(
      text(
        '{{account.dueDate | date:long | default:"sin fecha"}}',
        context((c) => (c.account.dueDate = null)),
      ),
    ).toBe('sin fecha');
  });
});

describe('missing values', () => {
  it('shows a visible placeholder for an absent optional value, and lists it', () => {
    const segments = renderTemplate(
      'Documento: {{debtor.nationalId}}',
      context((c) => (c.debtor.nationalId = null)),
      'es-MX',
    );
    expect(segments[1]).toEqual({
      kind: 'field',
      path: 'debtor.nationalId',
      value: MISSING_VALUE_PLACEHOLDER,
      missing: true,
    });
    expect(toPlainText(segments)).toBe('Documento: —');
  });

  it('never prints "undefined", "null" or "NaN", whatever the context holds at run time', () => {
    const broken = context((c) => {
      const loose = c as unknown as Record<string, Record<string, unknown>>;
      loose['debtor']['firstName'] = undefined;
      loose['debtor']['lastName'] = '   ';
      loose['account']['daysPastDue'] = Number.NaN;
      loose['account']['balance'] = { amountMinor: 12.5, currency: 'MXN' };
      loose['account']['originalAmount'] = { amountMinor: 100, currency: 'pesos' };
      loose['account']['dueDate'] = '2026-02-30';
      loose['account']['product'] = null;
      delete loose['agent'];
    });
    const rendered = renderScript(DEFAULT_MX_COLLECTION_SCRIPT, broken, 'es-MX');
    const everything = rendered.steps
      .flatMap((s) => [s.body, ...(s.question ? [s.question.prompt] : [])])
      .map(toPlainText)
      .join('\n');
    expect(everything).not.toMatch(/undefined|null|NaN/);
    expect(rendered.missingFields).toEqual(
      expect.arrayContaining([
        'agent.fullName',
        'debtor.firstName',
        'account.balance',
        'account.daysPastDue',
        'agent.firstName',
      ]),
    );
    expect(rendered.steps.find((s) => s.id === 'identificacion')!.missingFields).toEqual([
      'debtor.firstName',
      'account.balance',
      'account.daysPastDue',
    ]);
    const all = SCRIPT_FIELD_PATHS.map((path) => `{{${path}}}`).join(' | ');
    expect(text(all, broken)).not.toMatch(/undefined|null|NaN/);
  });
});

describe('safe output', () => {
  const hostile = context((c) => {
    c.debtor.firstName = '<img src=x onerror=alert(1)>';
    c.debtor.fullName = '"><script>alert("x")</script>';
    c.client.name = "O'Brien & <b>Hijos</b>";
  });

  it('escapes every value, so a hostile name is shown as text and never becomes markup', () => {
    const html = toSafeHtml(
      renderTemplate('Hola {{debtor.firstName}} / {{debtor.fullName}} / {{client.name}}', hostile, 'es-MX'),
    );
    expect(html).toBe(
      'Hola <span class="script-field" data-field="debtor.firstName">&lt;img src=x onerror=alert(1)&gt;</span> / ' +
        '<span class="script-field" data-field="debtor.fullName">&quot;&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</span> / ' +
        '<span class="script-field" data-field="client.name">O&#39;Brien &amp; &lt;b&gt;Hijos&lt;/b&gt;</span>',
    );
    expect(html).not.toMatch(/<img|<script|<b>/);
  });

  it('keeps the segments as plain values: escaping is the output layer’s job, done once', () => {
    expect(renderTemplate('{{debtor.firstName}}', hostile, 'es-MX')[0]).toMatchObject({
      value: '<img src=x onerror=alert(1)>',
    });
  });

  it('never parses a value: "{{" inside a name or a default stays text', () => {
    const sneaky = context((c) => {
      c.debtor.firstName = '{{agent.fullName}}';
      c.debtor.lastName = null;
    });
    expect(text('Hola {{debtor.firstName}}', sneaky)).toBe('Hola {{agent.fullName}}');
    expect(text('{{debtor.lastName | default:"{{agent.fullName}}"}}', sneaky)).toBe('{{agent.fullName}}');
  });

  it('escapes the author’s own text, defaults and line breaks too', () => {
    const html = toSafeHtml(
      renderTemplate(
        '<b>Aviso</b>\n{{account.product | default:"<i>x</i>"}}',
        context((c) => (c.account.product = null)),
        'es-MX',
      ),
    );
    expect(html).toBe(
      '&lt;b&gt;Aviso&lt;/b&gt;<br><span class="script-field" data-field="account.product">&lt;i&gt;x&lt;/i&gt;</span>',
    );
  });

  it('renders a malformed field of an unvalidated script as a placeholder, with its source escaped', () => {
    const segments = renderTemplate(
      'A {{"><img src=x>"}} B {{debtor.firstName',
      EXAMPLE_SCRIPT_CONTEXT,
      'es-MX',
    );
    expect(toPlainText(segments)).toBe('A — B —');
    const html = toSafeHtml(segments);
    expect(html).toContain('data-field="{{&quot;&gt;&lt;img src=x&gt;&quot;}}"');
    expect(html).toContain('script-field--missing');
    expect(html).not.toContain('<img');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});

describe('scriptLocale', () => {
  it('puts the debtor’s country as the region of the script’s language', () => {
    expect(scriptLocale('es', 'MX')).toBe('es-MX');
    expect(scriptLocale('en', 'CO')).toBe('en-CO');
    expect(scriptLocale('es', null)).toBe('es');
  });
});

describe('renderScript with answers that use fields', () => {
  it('renders answer labels as templates too', () => {
    const script: ScriptVersion = {
      ...DEFAULT_MX_COLLECTION_SCRIPT,
      startStepId: 'a',
      steps: [
        {
          id: 'a',
          title: 'A',
          text: 'x',
          required: false,
          question: {
            prompt: '¿Paga?',
            answers: [{ id: 'si', label: 'Paga {{account.balance | money}}', next: 'b' }],
          },
        },
        { id: 'b', title: 'B', text: 'fin', required: false },
      ],
    };
    const rendered = renderScript(script, EXAMPLE_SCRIPT_CONTEXT, 'es-MX');
    expect(toPlainText(rendered.steps[0].question!.answers[0].label)).toBe('Paga $12,345.67');
  });
});
