import type { RenderedScript, ScriptResponse, ScriptVersionResponse } from '@recupera/shared';

/** A stored script version as the API returns it, for the console's tests: a valid two-step draft. */
export function versionResponse(patch: Partial<ScriptVersionResponse> = {}): ScriptVersionResponse {
  return {
    id: 'v1',
    scriptId: 's1',
    version: 1,
    status: 'draft',
    name: 'Cobranza temprana',
    language: 'es',
    jurisdiction: null,
    startStepId: 'saludo',
    steps: [
      { id: 'saludo', title: 'Saludo', text: 'Hola, {{debtor.firstName}}.', required: false, next: 'cierre' },
      { id: 'cierre', title: 'Cierre', text: 'Gracias.', required: false },
    ],
    problems: [],
    publishedAt: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    ...patch,
  };
}

export function scriptResponse(patch: Partial<ScriptResponse> = {}): ScriptResponse {
  return { id: 's1', name: 'Cobranza temprana', versions: [versionResponse()], ...patch };
}

/** A rendered script with a question that branches and a link to a step that does not exist. */
export function renderedScript(patch: Partial<RenderedScript> = {}): RenderedScript {
  const text = (value: string) => [{ kind: 'text' as const, value }];
  return {
    scriptId: 's1',
    version: 1,
    name: 'Cobranza temprana',
    locale: 'es-MX',
    startStepId: 'saludo',
    steps: [
      {
        id: 'saludo',
        title: 'Saludo',
        required: false,
        body: [
          { kind: 'text', value: 'Hola, ' },
          { kind: 'field', path: 'debtor.firstName', value: 'Ana', missing: false },
        ],
        question: {
          prompt: text('¿Es el titular?'),
          answers: [
            { id: 'si', label: text('Sí'), next: 'aviso' },
            { id: 'no', label: text('No'), next: 'perdido' },
          ],
        },
        next: null,
        actions: [],
        missingFields: [],
      },
      {
        id: 'aviso',
        title: 'Aviso',
        required: true,
        body: text('Esta llamada se graba.'),
        question: null,
        next: 'cierre',
        actions: [{ type: 'offer_agreement' }],
        missingFields: [],
      },
      {
        id: 'cierre',
        title: 'Cierre',
        required: false,
        body: text('Gracias.'),
        question: null,
        next: null,
        actions: [],
        missingFields: [],
      },
    ],
    missingFields: [],
    ...patch,
  };
}
