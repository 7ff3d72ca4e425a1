import type {
  AgreementResponse,
  FloorAgent,
  FloorAlert,
  FloorCampaign,
  FloorSnapshot,
} from '@recupera/shared';
import { agentStateView } from './fake-supervisor-socket.factory';

const AT = '2026-03-09T16:00:00.000Z';

type AgentPatch = Partial<Omit<FloorAgent, 'state' | 'today'>> & {
  state?: Partial<FloorAgent['state']>;
  today?: Partial<FloorAgent['today']>;
};

/** An agent of Equipo Norte on a call since the snapshot's instant, with a morning behind them. */
export function floorAgent(patch: AgentPatch = {}): FloorAgent {
  const { state, today, ...rest } = patch;
  const agentId = rest.agentId ?? 'ag-1';
  return {
    agentId,
    name: 'Ana Pérez',
    teamId: 'tm-1',
    chats: 0,
    call: {
      callId: 'call-1',
      accountId: 'acc-1',
      accountNumber: '100234',
      debtorName: 'María López',
      campaignId: 'cmp-1',
    },
    ...rest,
    state: agentStateView({ agentId, since: AT, ...state }),
    today: {
      loggedSeconds: 4 * 3600,
      talkSeconds: 2 * 3600 + 5 * 60,
      wrapSeconds: 25 * 60,
      breakSeconds: 30 * 60,
      idleSeconds: 60 * 60,
      calls: 42,
      contacts: 18,
      rightPartyContacts: 11,
      promises: 3,
      promisedMinor: 125_000_050,
      ...today,
    },
  };
}

/** A running predictive campaign with a 3 % cap, abandoning 1 % today. */
export function floorCampaign(patch: Partial<FloorCampaign> = {}): FloorCampaign {
  return {
    campaignId: 'cmp-1',
    name: 'Tarjetas temprana',
    status: 'running',
    dialMode: 'predictive',
    teamIds: ['tm-1'],
    abandonCapBp: 300,
    linesPerAgent: 2,
    hopperSize: 120,
    linesInFlight: 9,
    dialLevel: 1.5,
    answerRate: 0.32,
    abandon: { hour: 0.012, today: 0.01, days30: 0.008 },
    waiting: 1,
    longestWaitSeconds: 4,
    serviceLevel: 0.94,
    blockedByReason: [
      { reason: 'outside_window', count: 12 },
      { reason: 'daily_cap', count: 3 },
    ],
    sweepToday: 0.18,
    sweepMonth: 0.63,
    ...patch,
  };
}

export function floorAlert(patch: Partial<FloorAlert> = {}): FloorAlert {
  return {
    kind: 'agreement_pending',
    subjectId: 'agr-1',
    subject: '100234',
    since: AT,
    value: null,
    ...patch,
  };
}

export function floorSnapshot(patch: Partial<FloorSnapshot> = {}): FloorSnapshot {
  return {
    at: AT,
    currency: 'COP',
    agents: [floorAgent()],
    campaigns: [floorCampaign()],
    alerts: [],
    chatQueues: [],
    ...patch,
  };
}

/** A plan with a waiver beyond the agent's limit, waiting for the supervisor. */
export function pendingAgreement(patch: Partial<AgreementResponse> = {}): AgreementResponse {
  return {
    id: 'agr-1',
    accountId: 'acc-1',
    accountNumber: '100234',
    status: 'pending_approval',
    currency: 'COP',
    totalMinor: 100_000_000,
    downPaymentMinor: 20_000_000,
    waiverMinor: 25_000_050,
    settlesInFull: true,
    installments: [
      { seq: 0, dueDate: '2026-03-10', amountMinor: 20_000_000 },
      { seq: 1, dueDate: '2026-04-10', amountMinor: 40_000_000 },
      { seq: 2, dueDate: '2026-05-10', amountMinor: 40_000_000 },
    ],
    agentId: 'ag-1',
    teamId: 'tm-1',
    createdAt: '2026-03-09T15:50:00.000Z',
    approvedBy: null,
    approvedAt: null,
    ...patch,
  };
}
