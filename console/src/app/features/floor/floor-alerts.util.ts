import type { AgentStateView, TransferRequested, WrapUpOverdue } from '@recupera/shared';

/** Adds (or refreshes) a transfer request, keeping the list newest first and one entry per call. */
export function addTransfer(
  requests: readonly TransferRequested[],
  request: TransferRequested,
): TransferRequested[] {
  return [...requests.filter((other) => other.call.callId !== request.call.callId), request].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at),
  );
}

/**
 * Whether a transfer is still waiting after the agent's state changed: the agent is still on that
 * call. Once they left it (another supervisor took it, or the debtor hung up) nobody can take it.
 */
export function transferStillWaiting(request: TransferRequested, view: AgentStateView): boolean {
  if (view.agentId !== request.agentId) return true;
  return view.state === 'on_call' && view.callId === request.call.callId;
}

/** Adds (or replaces) an agent's overdue wrap-up: an agent wraps up one call at a time. */
export function addOverdue(alerts: readonly WrapUpOverdue[], overdue: WrapUpOverdue): WrapUpOverdue[] {
  return [...alerts.filter((other) => other.agentId !== overdue.agentId), overdue].sort(
    (a, b) => Date.parse(a.since) - Date.parse(b.since),
  );
}

/** Whether an overdue alert still stands after the agent's state changed: still wrapping up that call. */
export function overdueStillStands(alert: WrapUpOverdue, view: AgentStateView): boolean {
  if (view.agentId !== alert.agentId) return true;
  return view.state === 'wrap_up' && view.callId === alert.callId;
}

/** Whole seconds from an ISO instant (on the server's clock) to `nowMs` (on ours), never negative. */
export function secondsSince(iso: string | null | undefined, nowMs: number, skewMs: number): number {
  if (!iso) return 0;
  const start = Date.parse(iso);
  return Number.isNaN(start) ? 0 : Math.max(0, Math.floor((nowMs - skewMs - start) / 1000));
}

/** How far past the campaign's limit an overdue wrap-up is, in seconds (0 until the limit ran out). */
export function secondsOverdue(alert: WrapUpOverdue, nowMs: number, skewMs: number): number {
  return Math.max(0, secondsSince(alert.since, nowMs, skewMs) - alert.limitSeconds);
}

/** A running timer as the floor reads it: "04:07", and "1:02:09" once it passes the hour. */
export function formatClock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}
