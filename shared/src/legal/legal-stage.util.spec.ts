import {
  caseChange,
  debtBreakdown,
  isLegalEligible,
  legalStateOf,
  statusAfterTransfer,
  transferRefusal,
  transferStage,
} from './legal-stage.util';

describe('legal stage rules', () => {
  it('splits the balance into principal, interest and fees', () => {
    // 1 250 000 owed, of which 180 000 interest and 70 000 fees: principal 1 250 000 − 250 000 = 1 000 000.
    expect(
      debtBreakdown({ currency: 'CLP', balanceMinor: 1_250_000, interestMinor: 180_000, feesMinor: 70_000 }),
    ).toEqual({
      currency: 'CLP',
      principalMinor: 1_000_000,
      interestMinor: 180_000,
      feesMinor: 70_000,
      balanceMinor: 1_250_000,
    });
  });

  it('counts the lawsuit as served only once the open case says so', () => {
    expect(legalStateOf('legal', { lawsuitServedAt: null })).toEqual({ lawsuitServed: false });
    expect(legalStateOf('legal', { lawsuitServedAt: new Date('2026-03-02T14:00:00Z') })).toEqual({
      lawsuitServed: true,
    });
  });

  it('treats an account imported in the legal status without a case as served, and others as not', () => {
    expect(legalStateOf('legal', null)).toEqual({ lawsuitServed: true });
    expect(legalStateOf('active', null)).toEqual({ lawsuitServed: false });
    expect(legalStateOf('in_agreement', null)).toEqual({ lawsuitServed: false });
  });

  it('sends to court only debts still owed', () => {
    expect(isLegalEligible('active', 1)).toBe(true);
    expect(isLegalEligible('in_agreement', 50_000)).toBe(true);
    expect(isLegalEligible('legal', 50_000)).toBe(true);
    expect(isLegalEligible('active', 0)).toBe(false);
    expect(isLegalEligible('paid', 10)).toBe(false);
    expect(isLegalEligible('written_off', 10)).toBe(false);
    expect(isLegalEligible('closed', 10)).toBe(false);
  });

  it('names the stage from the legal stage asked for, else from the team kind', () => {
    expect(transferStage('law_firm', 'judicial')).toBe('legal');
    expect(transferStage('external_agency', 'coactiva')).toBe('legal');
    expect(transferStage('external_agency', undefined)).toBe('external');
    expect(transferStage('law_firm', undefined)).toBe('external');
    expect(transferStage('internal', undefined)).toBe('internal');
  });

  it('hands the legal stage only to an external agency or a law firm', () => {
    expect(transferRefusal('internal', 'judicial')).toMatch(/external agency or a law firm/);
    expect(transferRefusal('law_firm', 'judicial')).toBeNull();
    expect(transferRefusal('external_agency', 'coactiva')).toBeNull();
    expect(transferRefusal('internal', undefined)).toBeNull();
  });

  it('sets the legal status going in, and the working status coming out', () => {
    expect(statusAfterTransfer('active', true, false)).toBe('legal');
    expect(statusAfterTransfer('in_agreement', true, true)).toBe('legal');
    expect(statusAfterTransfer('legal', false, false)).toBe('active');
    expect(statusAfterTransfer('legal', false, true)).toBe('in_agreement');
    // A move between internal and external teams leaves the status alone.
    expect(statusAfterTransfer('in_agreement', false, true)).toBe('in_agreement');
    expect(statusAfterTransfer('paid', false, false)).toBe('paid');
  });

  it('opens a case, lets an open one follow the account, or closes it on the way out', () => {
    const open = { firmTeamId: '7', stage: 'judicial' as const };
    expect(caseChange(null, { teamId: '7', legalStage: 'judicial' })).toBe('open');
    expect(caseChange(open, { teamId: '7', legalStage: 'judicial' })).toBe('keep');
    expect(caseChange(open, { teamId: '8', legalStage: 'judicial' })).toBe('move');
    expect(caseChange(open, { teamId: '7', legalStage: 'coactiva' })).toBe('move');
    expect(caseChange(open, { teamId: '2', legalStage: undefined })).toBe('close');
    expect(caseChange(null, { teamId: '2', legalStage: undefined })).toBe('none');
  });
});
