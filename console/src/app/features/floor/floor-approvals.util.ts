import type { AgreementResponse } from '@recupera/shared';

/** Adds (or refreshes) an agreement awaiting approval, oldest request first: it has waited longest. */
export function addApproval(
  list: readonly AgreementResponse[],
  agreement: AgreementResponse,
): AgreementResponse[] {
  if (agreement.status !== 'pending_approval') return list.filter((other) => other.id !== agreement.id);
  return [...list.filter((other) => other.id !== agreement.id), agreement].sort(
    (a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/**
 * The approvals list against the latest snapshot: an agreement requested before the snapshot was
 * taken but missing from its pending ones was decided elsewhere (another supervisor, a manager).
 * One requested after it is kept: the snapshot could not know it yet.
 */
export function reconcileApprovals(
  list: readonly AgreementResponse[],
  snapshotPendingIds: ReadonlySet<string> | null,
  snapshotAt: string | null,
): AgreementResponse[] {
  if (!snapshotPendingIds || !snapshotAt) return [...list];
  const at = Date.parse(snapshotAt);
  return list.filter(
    (agreement) => snapshotPendingIds.has(agreement.id) || Date.parse(agreement.createdAt) > at,
  );
}

/** Pending agreements the snapshot names that the list does not have: time to read the list again. */
export function unknownPending(
  snapshotPendingIds: ReadonlySet<string>,
  list: readonly AgreementResponse[],
  decided: ReadonlySet<string>,
): string[] {
  const known = new Set(list.map((agreement) => agreement.id));
  return [...snapshotPendingIds].filter((id) => !known.has(id) && !decided.has(id));
}
