import type { CallOutcome, Jurisdiction } from '@recupera/shared';

/** Full-scale row counts of the issue; METRICS_BENCH_SCALE multiplies all three. */
export const FULL_SCALE = { accounts: 1_000_000, interactions: 10_000_000, payments: 1_000_000 } as const;

/** Months of history, ending at the most recent full month of the agency's calendar. */
export const SEEDED_MONTHS = 12;

export const TEAMS = 20;
export const AGENTS_PER_TEAM = 25;
/** Fixed user ids: the bench's manager and admin, one supervisor per team, then the agents. */
export const MANAGER_ID = 1;
export const ADMIN_ID = 2;
export const supervisorId = (team: number): number => 2 + team;
export const agentId = (team: number, seat: number): number =>
  2 + TEAMS + (team - 1) * AGENTS_PER_TEAM + seat;
export const BENCH_PASSWORD = 'metrics-bench-2026';
export const MANAGER_EMAIL = 'gerente@metrics.bench';
export const supervisorEmail = (team: number): string => `supervisor${team}@metrics.bench`;

export interface BenchClient {
  id: number;
  code: string;
  name: string;
  country: Jurisdiction;
  currency: string;
  timeZone: string;
  /** Share of the accounts. */
  weight: number;
}

export const CLIENTS: readonly BenchClient[] = [
  {
    id: 1,
    code: 'ANDINO',
    name: 'Banco Andino',
    country: 'CO',
    currency: 'COP',
    timeZone: 'America/Bogota',
    weight: 55,
  },
  {
    id: 2,
    code: 'AZTECA',
    name: 'Financiera Azteca',
    country: 'MX',
    currency: 'MXN',
    timeZone: 'America/Mexico_City',
    weight: 30,
  },
  {
    id: 3,
    code: 'PACIFICO',
    name: 'Crédito Pacífico',
    country: 'EC',
    currency: 'USD',
    timeZone: 'America/Guayaquil',
    weight: 15,
  },
];

export interface BenchPortfolio {
  id: number;
  clientId: number;
  name: string;
  stage: string;
  industry: string;
  /** Share of its client's accounts. */
  weight: number;
  /** Balances in major units of the client's currency. */
  balance: readonly [min: number, max: number];
}

/** Ten portfolios; portfolio p is worked by teams 2p − 1 and 2p. */
export const PORTFOLIOS: readonly BenchPortfolio[] = [
  {
    id: 1,
    clientId: 1,
    name: 'Tarjetas temprana',
    stage: 'temprana',
    industry: 'banking',
    weight: 40,
    balance: [200_000, 8_000_000],
  },
  {
    id: 2,
    clientId: 1,
    name: 'Consumo tardía',
    stage: 'tardia',
    industry: 'banking',
    weight: 30,
    balance: [500_000, 25_000_000],
  },
  {
    id: 3,
    clientId: 1,
    name: 'Microcrédito',
    stage: 'tardia',
    industry: 'banking',
    weight: 20,
    balance: [100_000, 3_000_000],
  },
  {
    id: 4,
    clientId: 1,
    name: 'Vehicular judicial',
    stage: 'judicial',
    industry: 'banking',
    weight: 10,
    balance: [5_000_000, 60_000_000],
  },
  {
    id: 5,
    clientId: 2,
    name: 'Tarjetas',
    stage: 'temprana',
    industry: 'banking',
    weight: 50,
    balance: [1_000, 80_000],
  },
  {
    id: 6,
    clientId: 2,
    name: 'Préstamos personales',
    stage: 'tardia',
    industry: 'banking',
    weight: 35,
    balance: [2_000, 150_000],
  },
  {
    id: 7,
    clientId: 2,
    name: 'Telefonía',
    stage: 'preventiva',
    industry: 'telecom',
    weight: 15,
    balance: [200, 6_000],
  },
  {
    id: 8,
    clientId: 3,
    name: 'Consumo',
    stage: 'temprana',
    industry: 'retail',
    weight: 45,
    balance: [100, 8_000],
  },
  {
    id: 9,
    clientId: 3,
    name: 'Servicios básicos',
    stage: 'preventiva',
    industry: 'utility',
    weight: 35,
    balance: [20, 600],
  },
  {
    id: 10,
    clientId: 3,
    name: 'Educación',
    stage: 'castigada',
    industry: 'education',
    weight: 20,
    balance: [300, 12_000],
  },
];

export const teamsOfPortfolio = (portfolio: number): [number, number] => [2 * portfolio - 1, 2 * portfolio];

export interface BenchDisposition {
  id: number;
  code: string;
  labelEs: string;
  labelEn: string;
  category: string;
  isContact: boolean;
  isRpc: boolean;
  isPromise: boolean;
  /** Share of the calls a person answered. */
  weight: number;
}

/** The demo's standard set (server/src/modules/demo), with how often each ends a human-answered call. */
export const DISPOSITIONS: readonly BenchDisposition[] = [
  {
    id: 1,
    code: 'RPC',
    labelEs: 'Contacto con titular',
    labelEn: 'Right-party contact',
    category: 'rpc',
    isContact: true,
    isRpc: true,
    isPromise: false,
    weight: 34,
  },
  {
    id: 2,
    code: 'PTP',
    labelEs: 'Promesa de pago',
    labelEn: 'Promise to pay',
    category: 'promise',
    isContact: true,
    isRpc: true,
    isPromise: true,
    weight: 8,
  },
  {
    id: 3,
    code: 'TER',
    labelEs: 'Contacto con tercero',
    labelEn: 'Third party',
    category: 'third_party',
    isContact: true,
    isRpc: false,
    isPromise: false,
    weight: 18,
  },
  {
    id: 4,
    code: 'NC',
    labelEs: 'Sin contacto',
    labelEn: 'No contact',
    category: 'no_contact',
    isContact: false,
    isRpc: false,
    isPromise: false,
    weight: 4,
  },
  {
    id: 5,
    code: 'NEG',
    labelEs: 'Negativa de pago',
    labelEn: 'Refuses to pay',
    category: 'refusal',
    isContact: true,
    isRpc: true,
    isPromise: false,
    weight: 8,
  },
  {
    id: 6,
    code: 'DIS',
    labelEs: 'Disputa',
    labelEn: 'Dispute',
    category: 'dispute',
    isContact: true,
    isRpc: true,
    isPromise: false,
    weight: 3,
  },
  {
    id: 7,
    code: 'NE',
    labelEs: 'Número errado',
    labelEn: 'Wrong number',
    category: 'wrong_number',
    isContact: true,
    isRpc: false,
    isPromise: false,
    weight: 9,
  },
  {
    id: 8,
    code: 'FAL',
    labelEs: 'Titular fallecido',
    labelEn: 'Deceased',
    category: 'deceased',
    isContact: true,
    isRpc: false,
    isPromise: false,
    weight: 1,
  },
  {
    id: 9,
    code: 'VLL',
    labelEs: 'Volver a llamar',
    labelEn: 'Call back',
    category: 'callback',
    isContact: true,
    isRpc: true,
    isPromise: false,
    weight: 15,
  },
];
export const PTP_DISPOSITION = 2;

/** How dialled calls end (the demo history's mix). */
export const OUTCOME_WEIGHTS: Readonly<Record<CallOutcome, number>> = {
  no_answer: 42,
  busy: 8,
  failed: 4,
  machine: 14,
  human: 30,
  abandoned: 2,
};

export const PRODUCTS = [
  'Tarjeta clásica',
  'Tarjeta oro',
  'Crédito de consumo',
  'Microcrédito',
  'Crédito vehicular',
];
export const SECTORS = [
  'Comercio',
  'Servicios',
  'Agro',
  'Industria',
  'Hogar',
  'Transporte',
  'Gobierno',
  'Independiente',
];
export const REDES = ['Red Norte', 'Red Sur', 'Red Centro', 'Red Oriente', 'Red Occidente', 'Red Costa'];
export const ZONAS = 40;
