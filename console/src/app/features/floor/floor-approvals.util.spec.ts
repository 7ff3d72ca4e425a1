import { addApproval, reconcileApprovals, unknownPending } from './floor-approvals.util';
import { pendingAgreement } from './floor-snapshot.factory';

describe('floor approvals logic', () => {
  const older = pendingAgreement({ id: 'agr-1', createdAt: '2026-03-09T15:50:00.000Z' });
  const newer = pendingAgreement({ id: 'agr-2', createdAt: '2026-03-09T15:58:00.000Z' });

  it('lists agreements awaiting approval oldest first, once each', () => {
    const list = addApproval(addApproval([], newer), older);
    expect(list.map((agreement) => agreement.id)).toEqual(['agr-1', 'agr-2']);
    expect(addApproval(list, { ...older, waiverMinor: 1 }).map((agreement) => agreement.id)).toEqual([
      'agr-1',
      'agr-2',
    ]);
    expect(addApproval(list, { ...older, status: 'active' }).map((agreement) => agreement.id)).toEqual([
      'agr-2',
    ]);
  });

  it('drops what a later snapshot no longer lists as pending, but not what it could not know yet', () => {
    const list = [older, newer];
    expect(reconcileApprovals(list, null, null)).toEqual(list);
    expect(reconcileApprovals(list, new Set(['agr-1', 'agr-2']), '2026-03-09T16:00:00.000Z')).toEqual(list);
    expect(reconcileApprovals(list, new Set(['agr-2']), '2026-03-09T16:00:00.000Z')).toEqual([newer]);
    expect(reconcileApprovals(list, new Set([]), '2026-03-09T15:55:00.000Z')).toEqual([newer]);
  });

  it('names the pending agreements the list lacks, except those decided here', () => {
    expect(unknownPending(new Set(['agr-1', 'agr-3', 'agr-4']), [older], new Set(['agr-4']))).toEqual([
      'agr-3',
    ]);
  });
});
