export const PORTFOLIO_STAGES = [
  'preventiva',
  'temprana',
  'tardia',
  'judicial',
  'coactiva',
  'castigada',
] as const;
export type PortfolioStage = (typeof PORTFOLIO_STAGES)[number];

export const PORTFOLIO_INDUSTRIES = [
  'banking',
  'utility',
  'education',
  'telecom',
  'retail',
  'other',
] as const;
export type PortfolioIndustry = (typeof PORTFOLIO_INDUSTRIES)[number];

export const ACCOUNT_STATUSES = ['active', 'in_agreement', 'paid', 'legal', 'written_off', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const CONTACT_POINT_TYPES = ['mobile', 'landline', 'whatsapp', 'email', 'address'] as const;
export type ContactPointType = (typeof CONTACT_POINT_TYPES)[number];

export const CONSENT_STATUSES = ['unknown', 'granted', 'withdrawn'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const CHANNELS = ['voice', 'sms', 'whatsapp', 'webchat', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CALL_OUTCOMES = ['no_answer', 'busy', 'failed', 'machine', 'human', 'abandoned'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const DISPOSITION_CATEGORIES = [
  'rpc',
  'third_party',
  'no_contact',
  'promise',
  'refusal',
  'dispute',
  'wrong_number',
  'deceased',
  'callback',
] as const;
export type DispositionCategory = (typeof DISPOSITION_CATEGORIES)[number];

export const AGREEMENT_STATUSES = [
  'pending_approval',
  'active',
  'kept',
  'broken',
  'cancelled',
  'rejected',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const INSTALLMENT_STATUSES = ['pending', 'partial', 'paid', 'broken', 'on_hold', 'cancelled'] as const;
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

export const PAYMENT_CHANNELS = ['cashier', 'bank', 'direct_debit', 'payroll', 'gateway'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

export const PAYMENT_STATUSES = ['applied', 'reversed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const GOAL_METRICS = ['recovered', 'sweep_rate', 'promises'] as const;
export type GoalMetric = (typeof GOAL_METRICS)[number];

export const GOAL_SCOPES = ['team', 'agent', 'portfolio', 'client'] as const;
export type GoalScope = (typeof GOAL_SCOPES)[number];

export const PERIOD_KINDS = ['month', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const CALLBACK_STATUSES = ['scheduled', 'done', 'cancelled', 'missed'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export const DIAL_MODES = ['predictive', 'progressive', 'preview', 'manual'] as const;
export type DialMode = (typeof DIAL_MODES)[number];

export const CAMPAIGN_STATUSES = ['draft', 'running', 'paused', 'finished'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export const IMPORT_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const CARRIER_NAMES = ['simulated', 'twilio'] as const;
export type CarrierName = (typeof CARRIER_NAMES)[number];

/** Which contact point types can carry each channel; an address is for field visits, never a channel. */
export const CONTACT_POINT_TYPES_BY_CHANNEL: Readonly<Record<Channel, readonly ContactPointType[]>> = {
  voice: ['mobile', 'landline'],
  sms: ['mobile'],
  whatsapp: ['whatsapp', 'mobile'],
  email: ['email'],
  webchat: [],
};
