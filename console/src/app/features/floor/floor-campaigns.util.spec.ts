import {
  applyOverrides,
  capLevel,
  capShare,
  checkPacing,
  isComplianceReason,
  pacingDraftOf,
  pendingOverrides,
  worstCapLevel,
} from './floor-campaigns.util';
import { floorCampaign } from './floor-snapshot.factory';

describe('floor campaigns logic', () => {
  it('places an abandon rate against the cap: near from 80 % of it, over once it reaches it', () => {
    expect(capLevel(null, 300)).toBe('none');
    expect(capLevel(0.01, 300)).toBe('ok');
    expect(capLevel(0.0239, 300)).toBe('ok');
    expect(capLevel(0.024, 300)).toBe('near');
    expect(capLevel(0.0299, 300)).toBe('near');
    expect(capLevel(0.03, 300)).toBe('over');
    expect(capLevel(0.05, 300)).toBe('over');
    // A 1 % cap is near at 0.8 %.
    expect(capLevel(0.008, 100)).toBe('near');
    expect(worstCapLevel(['ok', 'none', 'near'])).toBe('near');
    expect(worstCapLevel(['ok', 'over', 'near'])).toBe('over');
    expect(worstCapLevel([])).toBe('none');
  });

  it('fills the bar with the rate’s share of the cap, full at or over it', () => {
    expect(capShare(0.015, 300)).toBeCloseTo(0.5);
    expect(capShare(0.06, 300)).toBe(1);
    expect(capShare(null, 300)).toBe(0);
    expect(capShare(0, 300)).toBe(0);
  });

  it('validates the cap (0.5–3 %, whole basis points) and the ratio (whole, 1–5)', () => {
    const campaign = floorCampaign({ abandonCapBp: 300, linesPerAgent: 2 });
    expect(pacingDraftOf(campaign)).toEqual({ capPercent: '3', linesPerAgent: '2' });
    const check = (capPercent: string, linesPerAgent: string) =>
      checkPacing(campaign, { capPercent, linesPerAgent });

    expect(check('3', '2')).toEqual({ problems: { capPercent: null, linesPerAgent: null }, changes: {} });
    expect(check('2.5', '2').changes).toEqual({ abandonCapBp: 250 });
    expect(check('2,25', '3').changes).toEqual({ abandonCapBp: 225, linesPerAgent: 3 });
    expect(check('0.5', '1').changes).toEqual({ abandonCapBp: 50, linesPerAgent: 1 });
    expect(check('', '2').problems.capPercent).toBe('required');
    expect(check('0.4', '2').problems.capPercent).toBe('capRange');
    expect(check('3.01', '2').problems.capPercent).toBe('capRange');
    expect(check('abc', '2').problems.capPercent).toBe('capRange');
    expect(check('2.555', '2').problems.capPercent).toBe('capStep');
    expect(check('3', '').problems.linesPerAgent).toBe('required');
    expect(check('3', '6').problems.linesPerAgent).toBe('ratioRange');
    expect(check('3', '0').problems.linesPerAgent).toBe('ratioRange');
    expect(check('3', '1.5').problems.linesPerAgent).toBe('ratioRange');
    // Nothing is sent while anything is wrong.
    expect(check('2', '9').changes).toEqual({});
  });

  it('lays this supervisor’s change over the snapshots computed before it', () => {
    const campaigns = [floorCampaign(), floorCampaign({ campaignId: 'cmp-2', name: 'Otra' })];
    const overrides = new Map([['cmp-1', { status: 'paused' as const, abandonCapBp: 250, atMs: 2_000 }]]);
    const before = applyOverrides(campaigns, overrides, 1_000);
    expect(before[0]).toMatchObject({ status: 'paused', abandonCapBp: 250, linesPerAgent: 2 });
    expect(before[0]).not.toHaveProperty('atMs');
    expect(before[1]).toBe(campaigns[1]);
    // A snapshot taken after the change is the truth again.
    expect(applyOverrides(campaigns, overrides, 2_000)[0].status).toBe('running');
    expect(pendingOverrides(overrides, 2_000).size).toBe(0);
    expect(pendingOverrides(overrides, 1_999).size).toBe(1);
  });

  it('knows the gate’s refusal reasons', () => {
    expect(isComplianceReason('outside_window')).toBe(true);
    expect(isComplianceReason('something_new')).toBe(false);
  });
});
