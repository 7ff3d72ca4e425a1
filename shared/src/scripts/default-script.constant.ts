import type { ScriptContext, ScriptVersion } from './script.type';

/**
 * The collection script a new Mexican agency starts from. It meets DESIGN §5.1 for MX: the
 * identification step is required and names the agency, the creditor, the contract and the
 * amount, and every path to the agreement offer passes through it. A third party hears who is
 * calling but nothing about the debt (no disclosure of the debt to anyone but the debtor).
 * Disposition codes are the DISPOSITION_CATEGORIES.
 */
export const DEFAULT_MX_COLLECTION_SCRIPT: ScriptVersion = {
  scriptId: 'default-mx-cobranza',
  version: 1,
  name: 'Cobranza — guion base (México)',
  language: 'es',
  jurisdiction: 'MX',
  startStepId: 'saludo',
  steps: [
    {
      id: 'saludo',
      title: 'Saludo',
      text: 'Buenos días, le habla {{agent.fullName}}, de {{agency.name}}.',
      required: false,
      question: {
        prompt: '¿Hablo con {{debtor.fullName}}?',
        answers: [
          { id: 'titular', label: 'Sí, es el titular', next: 'identificacion' },
          { id: 'tercero', label: 'No, es otra persona', next: 'tercero' },
          { id: 'numero_errado', label: 'No conocen al titular', next: 'numero_errado' },
        ],
      },
    },
    {
      id: 'tercero',
      title: 'Tercero',
      text:
        'Gracias. ¿Podría indicarle a {{debtor.firstName}} que le llamó {{agent.firstName}} de {{agency.name}}? ' +
        'Por confidencialidad no puedo darle más información.',
      required: true,
      next: 'cierre',
      actions: [{ type: 'set_disposition', code: 'third_party' }],
    },
    {
      id: 'numero_errado',
      title: 'Número equivocado',
      text: 'Disculpe la molestia. Retiraremos este número de nuestros registros.',
      required: false,
      next: 'cierre',
      actions: [{ type: 'set_disposition', code: 'wrong_number' }],
    },
    {
      id: 'identificacion',
      title: 'Identificación y aviso (obligatorio)',
      text:
        '{{debtor.firstName}}, le informo que esta llamada se graba con fines de calidad y cumplimiento. ' +
        '{{agency.name}} es un despacho de cobranza que actúa en nombre de {{client.name}}, ' +
        'respecto de su contrato número {{account.number}} ({{account.product | default:"crédito"}}), ' +
        'que al {{today | date:long}} tiene un saldo vencido de {{account.balance | money}} ' +
        'y {{account.daysPastDue}} días de atraso.',
      required: true,
      next: 'situacion',
      actions: [{ type: 'set_disposition', code: 'rpc' }],
    },
    {
      id: 'situacion',
      title: 'Situación de pago',
      text: 'Nos gustaría ayudarle a regularizar su cuenta.',
      required: false,
      question: {
        prompt: '¿Puede liquidar el saldo de {{account.balance | money}} en este momento?',
        answers: [
          { id: 'pago_total', label: 'Sí, liquidará el total', next: 'promesa_total' },
          { id: 'convenio', label: 'Solo puede pagar en partes', next: 'convenio' },
          { id: 'no_puede', label: 'No puede pagar', next: 'objecion' },
          { id: 'desconoce', label: 'No reconoce la deuda', next: 'aclaracion' },
          { id: 'otro_momento', label: 'Pide que le llamen después', next: 'agendar' },
        ],
      },
    },
    {
      id: 'promesa_total',
      title: 'Promesa de pago total',
      text: 'Perfecto. Registro su compromiso de pagar {{account.balance | money}}; le enviaremos la referencia de pago por escrito.',
      required: false,
      next: 'cierre',
      actions: [{ type: 'set_disposition', code: 'promise' }],
    },
    {
      id: 'convenio',
      title: 'Ofrecer convenio',
      text:
        'Podemos formalizar un convenio de pago. Se le entregará por escrito e indicará si liquida la deuda ' +
        'o si es un pago parcial.',
      required: true,
      actions: [{ type: 'offer_agreement' }],
      question: {
        prompt: '¿Acepta el convenio propuesto?',
        answers: [
          { id: 'acepta', label: 'Acepta', next: 'confirmacion_convenio' },
          { id: 'rechaza', label: 'No acepta', next: 'objecion' },
        ],
      },
    },
    {
      id: 'confirmacion_convenio',
      title: 'Confirmación del convenio',
      text:
        'Le confirmo el convenio; recibirá el documento por escrito con las fechas y montos de cada pago. ' +
        'Conserve su comprobante de cada pago.',
      required: true,
      next: 'cierre',
      actions: [{ type: 'set_disposition', code: 'promise' }],
    },
    {
      id: 'objecion',
      title: 'Manejo de objeción',
      text: 'Entiendo su situación. Podemos buscar una alternativa que se ajuste a su presupuesto.',
      required: false,
      question: {
        prompt: '¿Le gustaría revisar una opción de pagos parciales?',
        // Back to the offer is a loop on purpose; "no" is its way out.
        answers: [
          { id: 'reconsidera', label: 'Sí, revisar opciones', next: 'convenio' },
          { id: 'negativa', label: 'No', next: 'negativa' },
        ],
      },
    },
    {
      id: 'aclaracion',
      title: 'Aclaración',
      text: 'Registro su desacuerdo. Recibirá por escrito la información del adeudo con {{client.name}} para su aclaración.',
      required: false,
      next: 'cierre',
      actions: [{ type: 'set_disposition', code: 'dispute' }],
    },
    {
      id: 'agendar',
      title: 'Agendar llamada',
      text: 'Con gusto. ¿En qué día y horario le podemos llamar?',
      required: false,
      next: 'cierre',
      actions: [{ type: 'schedule_callback' }, { type: 'set_disposition', code: 'callback' }],
    },
    {
      id: 'negativa',
      title: 'Negativa de pago',
      text: 'Entiendo. Su cuenta sigue pendiente; puede comunicarse con nosotros cuando lo decida.',
      required: false,
      next: 'cierre',
      actions: [{ type: 'set_disposition', code: 'refusal' }],
    },
    {
      id: 'cierre',
      title: 'Despedida',
      text: 'Le atendió {{agent.fullName}}, de {{agency.name}}. Que tenga buen día.',
      required: false,
    },
  ],
};

/** A plausible Mexican account, for the editor's preview and for tests. */
export const EXAMPLE_SCRIPT_CONTEXT: ScriptContext = {
  debtor: {
    firstName: 'María Fernanda',
    lastName: 'López Hernández',
    fullName: 'María Fernanda López Hernández',
    nationalId: 'LOHM850312MDFPRR07',
  },
  account: {
    number: 'TC-0045-7781',
    balance: { amountMinor: 1_234_567, currency: 'MXN' },
    originalAmount: { amountMinor: 2_000_000, currency: 'MXN' },
    daysPastDue: 47,
    dueDate: '2026-01-31',
    product: 'Tarjeta de crédito',
    agingBucket: '31-60',
  },
  client: { name: 'Banco del Bajío Ejemplo' },
  agency: { name: 'Cobranza Integral del Centro' },
  agent: { firstName: 'Jorge', fullName: 'Jorge Ramírez' },
  installment: { number: 2, amount: { amountMinor: 250_000, currency: 'MXN' }, dueDate: '2026-03-25' },
  today: '2026-03-18',
};
