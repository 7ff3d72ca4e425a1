import { JURISDICTIONS } from '../domain/jurisdictions.constant';
import type { ComplianceProfile } from './compliance-profile.type';
import { validateComplianceProfile } from './compliance-profile.util';
import { DEFAULT_COMPLIANCE_PROFILES } from './default-profiles.constant';

describe('DEFAULT_COMPLIANCE_PROFILES', () => {
  it('ships a valid profile for every jurisdiction, filed under its own code', () => {
    for (const jurisdiction of JURISDICTIONS) {
      const profile = DEFAULT_COMPLIANCE_PROFILES[jurisdiction];
      expect(profile.jurisdiction).toBe(jurisdiction);
      expect(validateComplianceProfile(profile)).toEqual([]);
      expect(profile.source).not.toBe('');
    }
  });

  it('keeps every number as plain data that survives a JSON round trip', () => {
    const copy = JSON.parse(
      JSON.stringify(DEFAULT_COMPLIANCE_PROFILES),
    ) as typeof DEFAULT_COMPLIANCE_PROFILES;
    expect(copy).toEqual(DEFAULT_COMPLIANCE_PROFILES);
  });

  it('blocks a redial after an abandoned call for 72 h in every profile (DESIGN.md §4)', () => {
    for (const jurisdiction of JURISDICTIONS) {
      expect(DEFAULT_COMPLIANCE_PROFILES[jurisdiction].abandonedBlockHours).toBe(72);
    }
  });
});

describe('validateComplianceProfile', () => {
  const co = DEFAULT_COMPLIANCE_PROFILES.CO;

  it('names each problem an admin edit can introduce', () => {
    const broken: ComplianceProfile = {
      ...co,
      windows: {
        ...co.windows,
        mon: [{ from: '19:00', to: '07:00' }],
        tue: [{ from: '7am', to: '19:00' }],
        wed: [
          { from: '07:00', to: '12:00' },
          { from: '11:00', to: '19:00' },
        ],
      },
      caps: [{ ...co.caps[0], channels: [], maxContactsPerDay: -1, minGapMinutes: 2.5 }],
      coolDownAfterContact: { days: 0, triggeredBy: ['voice'], blocks: ['voice'] },
    };
    expect(validateComplianceProfile(broken)).toEqual([
      'mon: 19:00–07:00 ends before it starts',
      "tue: '7am'–'19:00' is not HH:MM–HH:MM",
      'wed: windows overlap',
      'cap 1: no channels',
      'cap 1: maxContactsPerDay must be a whole number ≥ 0 or empty',
      'cap 1: minGapMinutes must be a whole number ≥ 0 or empty',
      'cool-down days must be a whole number ≥ 1',
    ]);
  });
});
