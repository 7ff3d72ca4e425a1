import type { IsoDate } from '../domain/dates.util';
import type { Jurisdiction } from '../domain/jurisdictions.constant';
import type { PageQuery } from './paging.type';
import type {
  BillingPeriod,
  FieldOrderAgeBucket,
  FieldOrderCause,
  FieldOrderKind,
  FieldOrderOutcome,
  FieldOrderState,
} from '../field-orders/field-order-enums.constant';

/** One suspension (corte) or reconnection order, as crews and supervisors see it. */
export interface FieldOrderResponse {
  id: string;
  kind: FieldOrderKind;
  state: FieldOrderState;
  cause: FieldOrderCause;
  clientId: string;
  accountId: string;
  accountNumber: string;
  debtorName: string | null;
  /** The service address, when the account has one among its contact points. */
  address: string | null;
  route: string | null;
  crewId: string | null;
  crewName: string | null;
  /** Overdue unpaid bills when the order was created. */
  unpaidBills: number;
  /** The reconnection fee the utility bills (0 for protected strata and for suspensions). */
  feeMinor: number;
  currency: string;
  stratum: number | null;
  dueAt: string;
  createdAt: string;
  assignedAt: string | null;
  executedAt: string | null;
  /** When the order was executed, failed or cancelled. */
  closedAt: string | null;
  closeReason: string | null;
  notes: string | null;
  /** Open and past its due time, at the moment of the answer. */
  overdue: boolean;
}

/** GET /field-orders — supervisors, managers and admins; overdue first, then the oldest. */
export interface FieldOrderListQuery extends PageQuery {
  state?: FieldOrderState;
  kind?: FieldOrderKind;
  route?: string;
  clientId?: string;
  /** Only open orders past their due time. */
  overdue?: boolean;
}

/** GET /field-orders/mine?since — a crew's assigned orders, plus what it closed since `since`. */
export interface CrewOrdersQuery {
  /** Start of the crew's day (default: 24 h ago). */
  since?: string;
}

/** POST /field-orders/:id/outcome — a crew reports what happened at the service point. */
export interface ReportFieldOrderRequest {
  outcome: FieldOrderOutcome;
  /** When it was done (or attempted); not in the future. */
  occurredAt: string;
  /** Required when the order failed (no access, meter missing, …). */
  notes?: string;
}

/** POST /field-orders/assignments — hands open orders to a crew. */
export interface AssignFieldOrdersRequest {
  orderIds: string[];
  crewId: string;
}

export interface AssignFieldOrdersResponse {
  assigned: number;
}

export interface FieldOrderAgeCount {
  bucket: FieldOrderAgeBucket;
  open: number;
  overdue: number;
}

export interface FieldOrderRouteCount {
  route: string | null;
  open: number;
  overdue: number;
}

/** GET /field-orders/summary?route&clientId — the board's counts. */
export interface FieldOrderSummary {
  byState: Record<FieldOrderState, number>;
  /** Open orders by how long they have waited. */
  byAge: FieldOrderAgeCount[];
  overdue: number;
  byRoute: FieldOrderRouteCount[];
  at: string;
}

export interface FieldOrderSummaryQuery {
  route?: string;
  clientId?: string;
}

/** POST /field-orders/generate — runs the rules now (the job also runs them every hour). */
export interface GenerateFieldOrdersResponse {
  accountsChecked: number;
  suspensionsCreated: number;
  suspensionsCancelled: number;
  reconnectionsCreated: number;
  /** New suspension orders per route, for the crews' planning. */
  suspensionsByRoute: { route: string | null; count: number }[];
}

export interface FieldCrewRoute {
  clientId: string;
  route: string;
}

/** GET /field-crews — field users with the routes they cover. */
export interface FieldCrewResponse {
  id: string;
  fullName: string;
  email: string;
  active: boolean;
  routes: FieldCrewRoute[];
}

/** PUT /field-crews/:id/routes — the routes of one client a crew covers (new orders go to it). */
export interface SetCrewRoutesRequest {
  clientId: string;
  routes: string[];
}

/** PUT /utility-rules/:clientId — a utility client's suspension and reconnection rule. */
export interface SetUtilityRulesRequest {
  billingPeriod: BillingPeriod;
  /** Overdue unpaid bills that call for a suspension; capped by the jurisdiction's rule. */
  unpaidBillsToSuspend: number;
  /** How long crews have to execute a suspension. */
  suspensionDueHours: number;
  reconnectionFeeMinor: number;
  /** Strata spared the fee; absent or null keeps the jurisdiction's. */
  protectedStrata?: number[] | null;
}

export interface JurisdictionSuspensionRule {
  jurisdiction: Jurisdiction;
  billingPeriod: BillingPeriod;
  maxUnpaidBills: number;
  protectedStrata: number[];
  legalBasis: string;
}

export interface UtilityRulesResponse extends SetUtilityRulesRequest {
  clientId: string;
  currency: string;
  protectedStrata: number[] | null;
  /** The caps of the jurisdictions of the client's utility portfolios, for its billing period. */
  jurisdictionRules: JurisdictionSuspensionRule[];
  updatedAt: string;
}

export interface UtilityBillInput {
  accountNumber: string;
  /** The billing period's first month, 'YYYY-MM'. */
  period: string;
  amountMinor: number;
  dueDate: IsoDate;
  /** The service point's residential stratum (1–6), when the bill carries it. */
  stratum?: number | null;
}

/** POST /utility-bills — a utility's bills, upserted by account and period. */
export interface ImportUtilityBillsRequest {
  clientId: string;
  bills: UtilityBillInput[];
}

export interface ImportUtilityBillsResponse {
  inserted: number;
  updated: number;
  /** Account numbers the client has no utility account for; their bills were not loaded. */
  unknownAccounts: string[];
}
