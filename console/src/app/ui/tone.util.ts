import type {
  AccountStatus,
  AgentState,
  AgingBucket,
  AgreementStatus,
  ImportStatus,
  InstallmentStatus,
} from '@recupera/shared';

export type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'muted';

const AGING_TONES: Readonly<Record<AgingBucket, Tone>> = {
  '0-30': 'success',
  '31-60': 'info',
  '61-90': 'warning',
  '91-180': 'danger',
  '180+': 'danger',
};

const ACCOUNT_TONES: Readonly<Record<AccountStatus, Tone>> = {
  active: 'info',
  in_agreement: 'success',
  paid: 'success',
  legal: 'warning',
  written_off: 'muted',
  closed: 'muted',
};

const AGREEMENT_TONES: Readonly<Record<AgreementStatus, Tone>> = {
  pending_approval: 'warning',
  active: 'info',
  kept: 'success',
  broken: 'danger',
  cancelled: 'muted',
  rejected: 'muted',
};

const INSTALLMENT_TONES: Readonly<Record<InstallmentStatus, Tone>> = {
  pending: 'neutral',
  partial: 'warning',
  paid: 'success',
  broken: 'danger',
  on_hold: 'muted',
  cancelled: 'muted',
};

const IMPORT_TONES: Readonly<Record<ImportStatus, Tone>> = {
  queued: 'neutral',
  running: 'info',
  completed: 'success',
  failed: 'danger',
};

/** An agent's state at a glance: green waits for calls, red is live on the line, amber is wrapping up. */
const AGENT_STATE_TONES: Readonly<Record<AgentState, Tone>> = {
  offline: 'muted',
  available: 'success',
  reserved: 'info',
  on_call: 'danger',
  wrap_up: 'warning',
  break: 'neutral',
  preview: 'info',
};

export const agingTone = (bucket: AgingBucket): Tone => AGING_TONES[bucket];
export const accountStatusTone = (status: AccountStatus): Tone => ACCOUNT_TONES[status];
export const agreementTone = (status: AgreementStatus): Tone => AGREEMENT_TONES[status];
export const installmentTone = (status: InstallmentStatus): Tone => INSTALLMENT_TONES[status];
export const importTone = (status: ImportStatus): Tone => IMPORT_TONES[status];
export const agentStateTone = (state: AgentState): Tone => AGENT_STATE_TONES[state];
