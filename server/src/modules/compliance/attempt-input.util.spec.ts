import { DEFAULT_COMPLIANCE_PROFILES, type ComplianceProfile } from '@recupera/shared';
import type { AttemptContextRow } from './attempt-context.repository';
import {
  channelFits,
  historyDays,
  needsContactPoint,
  profileEditProblems,
  toAttemptInput,
  toPastAttempt,
} from './attempt-input.util';

function context(changes: Partial<AttemptContextRow> = {}): AttemptContextRow {
  return {
    accountId: '1',
    accountStatus: 'active',
    assignedTeamId: '3',
    debtorId: '2',
    timeZone: 'America/Bogota',
    jurisdiction: 'CO',
    legalCase: null,
    contactPoint: { id: '9', type: 'mobile', valid: true, consent: 'granted', doNotContact: false },
    ...changes,
  };
}

describe('attempt input mapping', () => {
  it('lets each channel use only the contact points that can carry it', () => {
    expect(channelFits('voice', 'landline')).toBe(true);
    expect(channelFits('sms', 'landline')).toBe(false);
    expect(channelFits('whatsapp', 'mobile')).toBe(true);
    expect(channelFits('email', 'address')).toBe(false);
    expect(needsContactPoint('webchat')).toBe(false);
    expect(needsContactPoint('voice')).toBe(true);
  });

  it("reads history far enough back for a profile's longest rule, plus a day for the zone", () => {
    expect(historyDays(DEFAULT_COMPLIANCE_PROFILES.CO)).toBe(8);
    const long: ComplianceProfile = {
      ...DEFAULT_COMPLIANCE_PROFILES.US,
      coolDownAfterContact: { days: 10, triggeredBy: ['voice'], blocks: ['voice'] },
    };
    expect(historyDays(long)).toBe(11);
    expect(historyDays({ ...DEFAULT_COMPLIANCE_PROFILES.MX, abandonedBlockHours: 240 })).toBe(11);
  });

  it('uses the point’s consent for the channel, and refuses a point that cannot carry it', () => {
    const sms = toAttemptInput(context(), DEFAULT_COMPLIANCE_PROFILES.CO, new Set(), 'sms', []);
    expect(sms.contactPoint).toEqual({
      id: '9',
      valid: true,
      doNotContact: false,
      consent: { sms: 'granted' },
    });
    const landline = context({
      contactPoint: { id: '9', type: 'landline', valid: true, consent: 'granted', doNotContact: false },
    });
    expect(
      toAttemptInput(landline, DEFAULT_COMPLIANCE_PROFILES.CO, new Set(), 'sms', []).contactPoint.valid,
    ).toBe(false);
    expect(
      toAttemptInput(
        context({ accountStatus: 'legal' }),
        DEFAULT_COMPLIANCE_PROFILES.CL,
        new Set(),
        'voice',
        [],
      ).legal,
    ).toEqual({ lawsuitServed: true });
  });

  it('reads the lawsuit as served from the open legal case, once the firm dated its service', () => {
    const openCase = (lawsuitServedAt: Date | null) =>
      toAttemptInput(
        context({ accountStatus: 'legal', legalCase: { lawsuitServedAt } }),
        DEFAULT_COMPLIANCE_PROFILES.CL,
        new Set(),
        'voice',
        [],
      ).legal;
    expect(openCase(null)).toEqual({ lawsuitServed: false });
    expect(openCase(new Date('2026-03-02T14:00:00Z'))).toEqual({ lawsuitServed: true });
  });

  it('counts an attempt still in flight as an unanswered one', () => {
    const at = new Date('2026-03-10T15:00:00Z');
    expect(
      toPastAttempt({
        at,
        channel: 'voice',
        contactPointId: null,
        outcome: null,
        direction: 'outbound',
        rightPartyContact: false,
      }),
    ).toEqual({
      at,
      channel: 'voice',
      contactPointId: '',
      outcome: 'no_answer',
      direction: 'outbound',
      rightPartyContact: false,
    });
  });

  it('names what validateComplianceProfile leaves unchecked', () => {
    const profile = {
      ...DEFAULT_COMPLIANCE_PROFILES.US,
      frequencyScope: 'account',
      coolDownAfterContact: { days: 7, triggeredBy: ['fax'], blocks: ['voice'] },
    } as unknown as ComplianceProfile;
    expect(profileEditProblems('CO', profile)).toEqual([
      'jurisdiction US does not match profile CO',
      'unknown frequency scope account',
      'cool-down: unknown channel fax',
    ]);
    expect(profileEditProblems('US', DEFAULT_COMPLIANCE_PROFILES.US)).toEqual([]);
  });
});
