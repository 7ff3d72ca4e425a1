import {
  DEFAULT_MX_COLLECTION_SCRIPT,
  type BreakReason,
  type DispositionCategory,
  type ScriptDraftRequest,
  type Weekday,
} from '@recupera/shared';
import { DEMO_TEAMS, DEMO_USERS } from './demo-users.constant';

/** The agents the README lists for people to log in as: never driven by a bot. */
export const DEMO_HUMAN_AGENTS: readonly string[] = ['agente1@recupera.demo', 'agente9@recupera.demo'];

/**
 * The demo agents a bot may drive, alternating teams (agente2, agente10, agente3, agente11…) so a
 * smaller DEMO_AGENTS still staffs both floors.
 */
export const DEMO_BOT_EMAILS: readonly string[] = (() => {
  const free = DEMO_USERS.filter((u) => u.role === 'agent' && !DEMO_HUMAN_AGENTS.includes(u.email));
  const norte = free.filter((u) => u.team === 'norte').map((u) => u.email);
  const sur = free.filter((u) => u.team === 'sur').map((u) => u.email);
  const out: string[] = [];
  for (let i = 0; i < Math.max(norte.length, sur.length); i++) {
    if (norte[i]) out.push(norte[i]);
    if (sur[i]) out.push(sur[i]);
  }
  return out;
})();

export const DEMO_ADMIN_EMAIL = 'admin@recupera.demo';

/** The demo floor is open around the clock; the compliance gate still keeps each debtor's own window. */
export const DEMO_FLOOR_SCHEDULE: { days: Weekday[]; from: string; to: string } = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
  from: '00:00',
  to: '23:59',
};

export interface DemoFloorCampaign {
  team: keyof typeof DEMO_TEAMS;
  name: string;
  clientCode: string;
  portfolioName: string;
  abandonMessage: string;
  script: ScriptDraftRequest;
}

const { scriptId: _scriptId, version: _version, ...MX_SCRIPT } = DEFAULT_MX_COLLECTION_SCRIPT;

/** One running campaign per demo team, so the bots have calls to take. */
export const DEMO_FLOOR_CAMPAIGNS: readonly DemoFloorCampaign[] = [
  {
    team: 'norte',
    name: 'Piso demo — Tarjetas Norte',
    clientCode: 'BCORD',
    portfolioName: 'Tarjetas de crédito — mora temprana y tardía',
    abandonMessage:
      'Le llamamos de Recupera Cobranzas por su tarjeta de Banco Cordillera; le devolveremos la llamada.',
    script: { ...MX_SCRIPT, steps: [...MX_SCRIPT.steps], name: 'Piso demo — guion Tarjetas (México)' },
  },
  {
    team: 'sur',
    name: 'Piso demo — Agua residencial Sur',
    clientCode: 'AGVALLE',
    portfolioName: 'Consumo residencial',
    abandonMessage:
      'Le llamamos de Recupera Cobranzas por su cuenta de Aguas del Valle; le devolveremos la llamada.',
    // Ecuador asks nothing of the script's wording; the Mexican base script reads well for a utility.
    script: {
      ...MX_SCRIPT,
      steps: [...MX_SCRIPT.steps],
      jurisdiction: 'EC',
      name: 'Piso demo — guion Agua (Ecuador)',
    },
  },
];

/**
 * How often each kind of outcome ends a bot's call: mostly no contact, callbacks and right-party
 * contacts, sometimes a promise. Categories a campaign's set lacks are skipped.
 */
export const DEMO_DISPOSITION_WEIGHTS: Readonly<Record<DispositionCategory, number>> = {
  no_contact: 26,
  callback: 22,
  rpc: 24,
  promise: 12,
  refusal: 7,
  third_party: 5,
  dispute: 2,
  wrong_number: 2,
  deceased: 0,
};

/** Talk time per outcome, seconds: a promise takes a while to agree, a wrong number does not. */
export const DEMO_TALK_SECONDS: Readonly<Record<DispositionCategory, readonly [number, number]>> = {
  no_contact: [60, 110],
  wrong_number: [60, 100],
  third_party: [60, 130],
  deceased: [60, 120],
  callback: [80, 180],
  rpc: [100, 240],
  refusal: [90, 200],
  dispute: [120, 260],
  promise: [180, 300],
};

export const DEMO_WRAP_SECONDS: readonly [number, number] = [10, 40];

/** Reasons and lengths of breaks, seconds, with how often each is taken. */
export const DEMO_BREAKS: Readonly<
  Record<BreakReason, { weight: number; seconds: readonly [number, number] }>
> = {
  rest: { weight: 50, seconds: [180, 540] },
  personal: { weight: 15, seconds: [120, 360] },
  technical: { weight: 10, seconds: [60, 240] },
  coaching: { weight: 10, seconds: [300, 600] },
  training: { weight: 5, seconds: [600, 1_200] },
  lunch: { weight: 10, seconds: [1_200, 2_400] },
};

/** Minutes of work between two breaks. */
export const DEMO_WORK_STRETCH_MINUTES: readonly [number, number] = [20, 50];

/** Seconds a bot looks at a previewed account before dialling or skipping it. */
export const DEMO_PREVIEW_SECONDS: readonly [number, number] = [4, 15];
/** Share of previewed accounts a bot dials; the rest it skips with a reason. */
export const DEMO_PREVIEW_DIAL_SHARE = 0.85;

/** Seconds between two bots going available at start-up, so the floor fills up gradually. */
export const DEMO_STAGGER_SECONDS = 6;

export const DEMO_NOTES: Readonly<Record<DispositionCategory, readonly string[]>> = {
  no_contact: [
    'Cuelgan al identificarnos.',
    'Línea con ruido, no se logra hablar.',
    'No contesta el titular.',
  ],
  callback: [
    'Pide que le llamen más tarde.',
    'Está manejando; volver a llamar.',
    'Prefiere hablar en la tarde.',
  ],
  rpc: [
    'Titular informado del saldo.',
    'Titular revisará su presupuesto.',
    'Se explicaron opciones de pago.',
  ],
  promise: ['Acepta convenio de pago.', 'Promete pagar en la fecha acordada.'],
  refusal: ['Se niega a pagar por ahora.', 'Indica que no tiene recursos.'],
  third_party: ['Contesta un familiar; se deja recado.', 'Contesta compañero de trabajo.'],
  dispute: ['No reconoce el saldo; pide aclaración por escrito.'],
  wrong_number: ['No conocen al titular.'],
  deceased: ['Familiar informa fallecimiento del titular.'],
};
