import type { AgentStateView, FloorAlert, FloorAlertKind, WrapUpOverdue } from '@recupera/shared';

/** The snapshot's kinds, and the live overdue wrap-up a campaign's own limit raises. */
export type FloorAlertItemKind = FloorAlertKind | 'wrap_up_overdue';

/** One line of the alerts panel, whichever channel raised it. */
export interface FloorAlertItem {
  /** Stable while the same situation lasts (a new wrap-up, a new break is a new alert). */
  key: string;
  kind: FloorAlertItemKind;
  subjectId: string;
  /** The name or number the snapshot gave; null for a live alert (the panel names the agent). */
  subject: string | null;
  since: string | null;
  value: number | null;
  /** The overdue wrap-up behind a `wrap_up_overdue`. */
  overdue: WrapUpOverdue | null;
}

/** Panel order: what costs compliance first, then agents stuck, then what waits for a decision. */
const KIND_ORDER: Readonly<Record<FloorAlertItemKind, number>> = {
  abandon_near_cap: 0,
  wrap_up_overdue: 1,
  wrap_up_long: 1,
  break_long: 2,
  hopper_empty: 3,
  agreement_pending: 4,
  agreement_broken: 4,
};

/** An agent wraps up one call and takes one break at a time: both channels' wrap-up alerts are one. */
function situation(kind: FloorAlertItemKind, subjectId: string): string {
  return `${kind === 'wrap_up_overdue' || kind === 'wrap_up_long' ? 'wrap_up' : kind}:${subjectId}`;
}

export function alertKey(kind: FloorAlertItemKind, subjectId: string, since: string | null): string {
  return `${situation(kind, subjectId)}:${since ?? ''}`;
}

/** Whether an agent's snapshot alert still describes what the agent is doing now. */
function agentAlertStands(alert: FloorAlert, state: AgentStateView | null): boolean {
  if (alert.kind !== 'wrap_up_long' && alert.kind !== 'break_long') return true;
  if (!state) return true;
  const expected = alert.kind === 'wrap_up_long' ? 'wrap_up' : 'break';
  return state.state === expected && (alert.since === null || state.since === alert.since);
}

export interface AlertSources {
  snapshot: readonly FloorAlert[];
  overdue: readonly WrapUpOverdue[];
  /** The newest state the floor knows for an agent. */
  stateOf: (agentId: string) => AgentStateView | null;
  dismissed: ReadonlySet<string>;
  /** Agreements decided here since the snapshot was taken. */
  decided: ReadonlySet<string>;
}

/**
 * The alerts panel: the live overdue wrap-ups and the snapshot's alerts, once per situation (the
 * live wrap-up alert wins: it knows the campaign's limit). A snapshot alert the floor has since
 * seen resolved (the agent left the break, the agreement was decided here) is left out, as is
 * anything the supervisor dismissed.
 */
export function mergeAlerts(sources: AlertSources): FloorAlertItem[] {
  const items = new Map<string, FloorAlertItem>();
  for (const overdue of sources.overdue) {
    const item: FloorAlertItem = {
      key: alertKey('wrap_up_overdue', overdue.agentId, overdue.since),
      kind: 'wrap_up_overdue',
      subjectId: overdue.agentId,
      subject: null,
      since: overdue.since,
      value: overdue.limitSeconds,
      overdue,
    };
    items.set(situation(item.kind, item.subjectId), item);
  }
  for (const alert of sources.snapshot) {
    const id = situation(alert.kind, alert.subjectId);
    if (items.has(id)) continue;
    if (alert.kind === 'agreement_pending' && sources.decided.has(alert.subjectId)) continue;
    if (!agentAlertStands(alert, sources.stateOf(alert.subjectId))) continue;
    items.set(id, {
      key: alertKey(alert.kind, alert.subjectId, alert.since),
      kind: alert.kind,
      subjectId: alert.subjectId,
      subject: alert.subject,
      since: alert.since,
      value: alert.value,
      overdue: null,
    });
  }
  return [...items.values()]
    .filter((item) => !sources.dismissed.has(item.key))
    .sort(
      (a, b) =>
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (a.since === null || b.since === null ? 0 : Date.parse(a.since) - Date.parse(b.since)) ||
        a.key.localeCompare(b.key),
    );
}

/** Dismissals of alerts that are gone are forgotten: the same situation coming back alerts again. */
export function liveDismissals(
  dismissed: ReadonlySet<string>,
  snapshot: readonly FloorAlert[],
  overdue: readonly WrapUpOverdue[],
): Set<string> {
  const present = new Set([
    ...snapshot.map((alert) => alertKey(alert.kind, alert.subjectId, alert.since)),
    ...overdue.map((alert) => alertKey('wrap_up_overdue', alert.agentId, alert.since)),
  ]);
  return new Set([...dismissed].filter((key) => present.has(key)));
}
