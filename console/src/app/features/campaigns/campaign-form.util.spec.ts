import { CampaignError, ErrorCode } from '@recupera/shared';
import { campaignResponse } from './campaign-response.factory';
import {
  availableActions,
  campaignConflictKey,
  defaultFormValue,
  formProblems,
  fromCampaign,
  isValidWrapUpLimit,
  lockedFormFields,
  parseList,
  segmentFromForm,
  toCreateRequest,
  toUpdateRequest,
  type CampaignFormValue,
} from './campaign-form.util';

function form(patch: Partial<CampaignFormValue> = {}): CampaignFormValue {
  return {
    ...defaultFormValue(),
    name: ' Temprana ',
    portfolioId: 'p1',
    teamIds: ['t1'],
    abandonMessage: 'Mensaje',
    ...patch,
  };
}

describe('campaign form logic', () => {
  it('splits free lists on commas and semicolons, dropping blanks and repeats', () => {
    expect(parseList(' Norte, Sur ;Norte,, ')).toEqual(['Norte', 'Sur']);
    expect(parseList('')).toEqual([]);
  });

  it('turns typed balances into minor units of the portfolio currency and reports bad ones', () => {
    expect(segmentFromForm(form({ balanceMin: '1500.5', balanceMax: '' }), 'COP')).toEqual({
      segment: { balanceMinMinor: 150_050 },
      invalidMoney: [],
    });
    expect(segmentFromForm(form({ balanceMin: '1500.5' }), 'CLP').invalidMoney).toEqual(['balanceMin']);
    expect(segmentFromForm(form({ balanceMax: 'mucho' }), 'COP').invalidMoney).toEqual(['balanceMax']);
  });

  it('round-trips a saved campaign through the form', () => {
    const campaign = campaignResponse();
    const value = fromCampaign(campaign);
    expect(value).toMatchObject({
      balanceMin: '100.50',
      sectors: 'Norte, Sur',
      abandonCapPercent: 2.5,
      scoreMin: 0,
    });
    const request = toCreateRequest(value, 'COP');
    expect(request.segment).toEqual(campaign.segment);
    expect(request).toMatchObject({ abandonCapBp: 250, dispositionSetId: 's1', complianceProfile: 'CO' });
  });

  it('round-trips the wrap-up limit and what happens past it', () => {
    const value = fromCampaign(campaignResponse({ wrapUpLimitSeconds: 90, wrapUpOverrun: 'auto_available' }));
    expect(value).toMatchObject({
      wrapUpUnlimited: false,
      wrapUpLimitSeconds: 90,
      wrapUpOverrun: 'auto_available',
    });
    expect(toCreateRequest(value, 'COP')).toMatchObject({
      wrapUpLimitSeconds: 90,
      wrapUpOverrun: 'auto_available',
    });
  });

  it('shows an unlimited wrap-up as "no limit" and sends it back as null', () => {
    const value = fromCampaign(campaignResponse({ wrapUpLimitSeconds: null }));
    expect(value.wrapUpUnlimited).toBe(true);
    // The seconds stay filled in, ready for when the limit is switched back on.
    expect(value.wrapUpLimitSeconds).toBe(120);
    expect(toCreateRequest(value, 'COP').wrapUpLimitSeconds).toBeNull();
    expect(toUpdateRequest(value, 'COP', 'running')).toHaveProperty('wrapUpLimitSeconds', null);
  });

  it('starts a new campaign with the default two-minute wrap-up that alerts the supervisor', () => {
    expect(defaultFormValue()).toMatchObject({
      wrapUpUnlimited: false,
      wrapUpLimitSeconds: 120,
      wrapUpOverrun: 'alert',
    });
  });

  it('leaves an empty wrap-up limit to the server instead of turning it into "no limit"', () => {
    const request = toCreateRequest(form({ wrapUpLimitSeconds: null }), 'COP');
    expect(request).not.toHaveProperty('wrapUpLimitSeconds');
  });

  it('accepts a wrap-up limit only within the campaign limits, in whole seconds', () => {
    const limit = (wrapUpLimitSeconds: number | null, wrapUpUnlimited = false) =>
      isValidWrapUpLimit({ wrapUpLimitSeconds, wrapUpUnlimited });
    expect(limit(10)).toBe(true);
    expect(limit(900)).toBe(true);
    expect(limit(9)).toBe(false);
    expect(limit(901)).toBe(false);
    expect(limit(30.5)).toBe(false);
    expect(limit(null)).toBe(false);
    expect(limit(null, true)).toBe(true);
    expect(limit(5, true)).toBe(true);
    expect(formProblems(form({ wrapUpLimitSeconds: 1_000 }), 'COP')).toEqual([
      'campaigns.problem.wrapUpLimit',
    ]);
    expect(formProblems(form({ wrapUpLimitSeconds: 1_000, wrapUpUnlimited: true }), 'COP')).toEqual([]);
  });

  it('leaves the compliance profile and disposition set to the server when not chosen', () => {
    const request = toCreateRequest(form(), 'COP');
    expect(request).not.toHaveProperty('complianceProfile');
    expect(request.dispositionSetId).toBeNull();
    expect(request.name).toBe('Temprana');
  });

  it('sends only what the status lets change', () => {
    const value = form({ linesPerAgent: 2, abandonCapPercent: 2.8 });
    expect(Object.keys(toUpdateRequest(value, 'COP', 'running')).sort()).toEqual([
      'abandonCapBp',
      'linesPerAgent',
      'maxLinesPerAgent',
      'ringTimeoutSeconds',
      'wrapUpLimitSeconds',
      'wrapUpOverrun',
    ]);
    expect(toUpdateRequest(value, 'COP', 'running')).toMatchObject({
      abandonCapBp: 280,
      wrapUpLimitSeconds: 120,
      wrapUpOverrun: 'alert',
    });
    const paused = toUpdateRequest(value, 'COP', 'paused');
    expect(paused).not.toHaveProperty('portfolioId');
    expect(paused).not.toHaveProperty('channel');
    expect(paused).toHaveProperty('segment');
    expect(toUpdateRequest(value, 'COP', 'draft')).toHaveProperty('portfolioId', 'p1');
    expect(toUpdateRequest(value, 'COP', 'finished')).toEqual({});
  });

  it('locks the form controls the status freezes', () => {
    expect(lockedFormFields(null)).toEqual([]);
    expect(lockedFormFields('paused')).toEqual(['portfolioId']);
    expect(lockedFormFields('finished')).toBe('all');
    const running = lockedFormFields('running');
    expect(running).toContain('teamIds');
    expect(running).not.toContain('abandonCapPercent');
    expect(running).not.toContain('linesPerAgent');
    expect(running).not.toContain('wrapUpLimitSeconds');
    expect(running).not.toContain('wrapUpUnlimited');
    expect(running).not.toContain('wrapUpOverrun');
  });

  it('names the cross-field mistakes before the server does', () => {
    expect(formProblems(form(), 'COP')).toEqual([]);
    expect(
      formProblems(
        form({
          balanceMin: '500',
          balanceMax: '100',
          daysPastDueMin: 90,
          daysPastDueMax: 30,
          scoreMin: 9,
          scoreMax: 1,
          linesPerAgent: 5,
          maxLinesPerAgent: 2,
          abandonMessage: '',
          from: '19:00',
          to: '08:00',
          days: [],
          retryRules: [
            { outcome: 'busy', retryAfterMinutes: 10, maxPerDay: 1 },
            { outcome: 'busy', retryAfterMinutes: 20, maxPerDay: 1 },
          ],
        }),
        'COP',
      ),
    ).toEqual([
      'campaigns.problem.balanceRange',
      'campaigns.problem.dpdRange',
      'campaigns.problem.scoreRange',
      'campaigns.problem.lines',
      'campaigns.problem.abandonMessage',
      'campaigns.problem.schedule',
      'campaigns.problem.days',
      'campaigns.problem.retryOutcome',
    ]);
    expect(formProblems(form({ dialMode: 'preview', abandonMessage: '' }), 'COP')).toEqual([]);
  });

  it('offers the lifecycle buttons of each status', () => {
    expect(availableActions('draft')).toEqual(['start']);
    expect(availableActions('running')).toEqual(['pause', 'finish']);
    expect(availableActions('paused')).toEqual(['resume', 'finish']);
    expect(availableActions('finished')).toEqual([]);
  });

  it('explains the campaign conflicts and leaves other errors alone', () => {
    const conflict = (reason: CampaignError) => ({
      status: 409,
      code: ErrorCode.Conflict,
      message: '',
      details: { reason, status: 'running' },
    });
    expect(campaignConflictKey(conflict(CampaignError.IllegalTransition))).toBe(
      'campaigns.conflict.illegal_transition',
    );
    expect(campaignConflictKey(conflict(CampaignError.LockedFields))).toBe(
      'campaigns.conflict.locked_fields',
    );
    expect(campaignConflictKey(conflict(CampaignError.NotReady))).toBe('campaigns.conflict.not_ready');
    expect(campaignConflictKey({ status: 409, code: ErrorCode.Conflict, message: 'taken' })).toBeNull();
    expect(campaignConflictKey({ status: 404, code: ErrorCode.NotFound, message: '' })).toBeNull();
    expect(campaignConflictKey(null)).toBeNull();
  });
});
