import type { Locale, RecoveryDashboard, RecoveryExportTable } from '@recupera/shared';
import type { ExportColumn, ExportColumnKind, ExportTable } from '../../common/export/table-export.util';

type Labels = Record<string, [es: string, en: string]>;

const LABELS: Labels = {
  team: ['Equipo', 'Team'],
  supervisor: ['Supervisor', 'Supervisor'],
  recovered: ['Recuperado', 'Recovered'],
  previous: ['Mes anterior', 'Previous month'],
  change: ['Variación', 'Change'],
  goal: ['Meta', 'Goal'],
  attainment: ['Cumplimiento', 'Attainment'],
  projected: ['Proyección', 'Projected'],
  ytd: ['Acumulado del año', 'Year to date'],
  annualGoal: ['Meta anual', 'Annual goal'],
  day: ['Día', 'Day'],
  cumulative: ['Acumulado', 'Cumulative'],
  previousCumulative: ['Acumulado mes anterior', 'Previous month cumulative'],
  name: ['Nombre', 'Name'],
  assigned: ['Cuentas asignadas', 'Accounts assigned'],
  attempted: ['Cuentas gestionadas', 'Accounts attempted'],
  rightParty: ['Cuentas con contacto titular', 'Accounts with right-party contact'],
  sweep: ['Recorrido', 'Sweep rate'],
  contactedSweep: ['Recorrido contactado', 'Contacted sweep'],
  agent: ['Agente', 'Agent'],
  agreements: ['Convenios', 'Agreements'],
  promised: ['Monto prometido', 'Promised amount'],
  attempts: ['Intentos', 'Attempts'],
  rpc: ['Contactos titular', 'Right-party contacts'],
  contactRate: ['Tasa de contacto', 'Contact rate'],
};

const SHEETS: Record<RecoveryExportTable, [es: string, en: string]> = {
  teams: ['Metas por supervisor', 'Goals by supervisor'],
  trend: ['Recuperación diaria', 'Daily recovery'],
  'sweep-portfolios': ['Recorrido por cartera', 'Sweep by portfolio'],
  'sweep-teams': ['Recorrido por equipo', 'Sweep by team'],
  'sweep-agents': ['Recorrido por agente', 'Sweep by agent'],
  leaderboard: ['Ranking de agentes', 'Agent leaderboard'],
};

function columns(
  locale: Locale,
  spec: [key: string, label: string, kind: ExportColumnKind][],
): ExportColumn[] {
  const i = locale === 'es' ? 0 : 1;
  return spec.map(([key, label, kind]) => ({ key, header: LABELS[label][i], kind }));
}

const SWEEP_COLUMNS: [string, string, ExportColumnKind][] = [
  ['name', 'name', 'text'],
  ['assigned', 'assigned', 'number'],
  ['attempted', 'attempted', 'number'],
  ['rightParty', 'rightParty', 'number'],
  ['sweepRate', 'sweep', 'rate'],
  ['contactedSweepRate', 'contactedSweep', 'rate'],
];

/** One of the dashboard's tables as rows and typed columns, labelled in the caller's language. */
export function recoveryExportTable(
  dashboard: RecoveryDashboard,
  table: RecoveryExportTable,
  locale: Locale,
): ExportTable {
  const base = {
    name: `${SHEETS[table][locale === 'es' ? 0 : 1]} ${dashboard.month}`,
    currency: dashboard.currency,
  };
  switch (table) {
    case 'teams':
      return {
        ...base,
        columns: columns(locale, [
          ['teamName', 'team', 'text'],
          ['supervisorName', 'supervisor', 'text'],
          ['recoveredMinor', 'recovered', 'money'],
          ['previousMonthMinor', 'previous', 'money'],
          ['changeOverPrevious', 'change', 'rate'],
          ['goalMinor', 'goal', 'money'],
          ['attainment', 'attainment', 'rate'],
          ['projectedAttainment', 'projected', 'rate'],
          ['yearToDateMinor', 'ytd', 'money'],
          ['annualGoalMinor', 'annualGoal', 'money'],
        ]),
        rows: dashboard.teams.map((t) => ({ ...t })),
      };
    case 'trend':
      return {
        ...base,
        columns: columns(locale, [
          ['day', 'day', 'number'],
          ['recoveredMinor', 'recovered', 'money'],
          ['previousMonthMinor', 'previous', 'money'],
          ['cumulativeMinor', 'cumulative', 'money'],
          ['previousCumulativeMinor', 'previousCumulative', 'money'],
        ]),
        rows: dashboard.trend.map((p) => ({ ...p })),
      };
    case 'sweep-portfolios':
    case 'sweep-teams':
    case 'sweep-agents': {
      const rows =
        table === 'sweep-portfolios'
          ? dashboard.sweep.portfolios
          : table === 'sweep-teams'
            ? dashboard.sweep.teams
            : dashboard.sweep.agents;
      return { ...base, columns: columns(locale, SWEEP_COLUMNS), rows: rows.map((r) => ({ ...r })) };
    }
    case 'leaderboard':
      return {
        ...base,
        columns: columns(locale, [
          ['agentName', 'agent', 'text'],
          ['teamName', 'team', 'text'],
          ['recoveredMinor', 'recovered', 'money'],
          ['agreements', 'agreements', 'number'],
          ['promisedMinor', 'promised', 'money'],
          ['attempts', 'attempts', 'number'],
          ['rightPartyContacts', 'rpc', 'number'],
          ['contactRate', 'contactRate', 'rate'],
        ]),
        rows: dashboard.leaderboard.map((a) => ({ ...a })),
      };
  }
}
