import type { Role } from '@recupera/shared';

/** Demo log-ins; printed by `npm start` and listed in the README. Never used outside the demo seed. */
export const DEMO_PASSWORD = 'Recupera-demo-2026';

export interface DemoUser {
  email: string;
  fullName: string;
  role: Role;
  team?: 'norte' | 'sur';
}

const AGENT_NAMES_NORTE = [
  'Lucía Fernández',
  'Jorge Salinas',
  'Marisol Ortega',
  'Andrés Cabrera',
  'Paola Quintero',
  'Héctor Villalobos',
  'Renata Ibarra',
  'Sergio Maldonado',
];
const AGENT_NAMES_SUR = [
  'Camila Andrade',
  'Diego Espinoza',
  'Valeria Montalvo',
  'Raúl Cedeño',
  'Natalia Guevara',
  'Mateo Palacios',
  'Jimena Vera',
  'Óscar Mendieta',
];

export const DEMO_USERS: DemoUser[] = [
  { email: 'admin@recupera.demo', fullName: 'Ana Administradora', role: 'admin' },
  { email: 'gerente@recupera.demo', fullName: 'Gabriel Gerente Ruiz', role: 'manager' },
  { email: 'supervisor.norte@recupera.demo', fullName: 'Silvia Navarro', role: 'supervisor' },
  { email: 'supervisor.sur@recupera.demo', fullName: 'Samuel Suárez', role: 'supervisor' },
  { email: 'caja@recupera.demo', fullName: 'Carla Cajera Pérez', role: 'cashier' },
  { email: 'campo@recupera.demo', fullName: 'Fernando Campo Ríos', role: 'field' },
  ...AGENT_NAMES_NORTE.map((fullName, i) => ({
    email: `agente${i + 1}@recupera.demo`,
    fullName,
    role: 'agent' as const,
    team: 'norte' as const,
  })),
  ...AGENT_NAMES_SUR.map((fullName, i) => ({
    email: `agente${i + 9}@recupera.demo`,
    fullName,
    role: 'agent' as const,
    team: 'sur' as const,
  })),
];

export const DEMO_TEAMS = {
  norte: { name: 'Equipo Norte — Tarjetas', supervisor: 'supervisor.norte@recupera.demo' },
  sur: { name: 'Equipo Sur — Servicios', supervisor: 'supervisor.sur@recupera.demo' },
} as const;

export const DEMO_DISPOSITIONS = [
  {
    code: 'RPC',
    labelEs: 'Contacto con titular',
    labelEn: 'Right-party contact',
    category: 'rpc',
    isContact: true,
    isRpc: true,
    isPromise: false,
  },
  {
    code: 'PTP',
    labelEs: 'Promesa de pago',
    labelEn: 'Promise to pay',
    category: 'promise',
    isContact: true,
    isRpc: true,
    isPromise: true,
  },
  {
    code: 'TER',
    labelEs: 'Contacto con tercero',
    labelEn: 'Third party',
    category: 'third_party',
    isContact: true,
    isRpc: false,
    isPromise: false,
  },
  {
    code: 'NC',
    labelEs: 'Sin contacto',
    labelEn: 'No contact',
    category: 'no_contact',
    isContact: false,
    isRpc: false,
    isPromise: false,
  },
  {
    code: 'NEG',
    labelEs: 'Negativa de pago',
    labelEn: 'Refuses to pay',
    category: 'refusal',
    isContact: true,
    isRpc: true,
    isPromise: false,
  },
  {
    code: 'DIS',
    labelEs: 'Disputa',
    labelEn: 'Dispute',
    category: 'dispute',
    isContact: true,
    isRpc: true,
    isPromise: false,
  },
  {
    code: 'NE',
    labelEs: 'Número errado',
    labelEn: 'Wrong number',
    category: 'wrong_number',
    isContact: true,
    isRpc: false,
    isPromise: false,
  },
  {
    code: 'FAL',
    labelEs: 'Titular fallecido',
    labelEn: 'Deceased',
    category: 'deceased',
    isContact: true,
    isRpc: false,
    isPromise: false,
  },
  {
    code: 'VLL',
    labelEs: 'Volver a llamar',
    labelEn: 'Call back',
    category: 'callback',
    isContact: true,
    isRpc: true,
    isPromise: false,
  },
] as const;
