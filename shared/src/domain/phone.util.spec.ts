import type { CountryCode } from 'libphonenumber-js';
import { normalizePhone, slowNormalizePhone } from './phone.util';
import { SeededRandom } from './seeded-random.util';

describe('normalizePhone', () => {
  it('normalises national and international spellings to E.164', () => {
    expect(normalizePhone('300 123 4567', 'CO')).toEqual({ e164: '+573001234567', kind: 'mobile' });
    expect(normalizePhone('+57 (300) 123-4567', 'CO')).toEqual({ e164: '+573001234567', kind: 'mobile' });
    expect(normalizePhone('601 2345678', 'CO')).toEqual({ e164: '+576012345678', kind: 'landline' });
    expect(normalizePhone('099 123 4567', 'EC')).toEqual({ e164: '+593991234567', kind: 'mobile' });
    expect(normalizePhone('55 1234 5678', 'MX')?.e164).toBe('+525512345678');
  });

  it('refuses what is not a phone number of the region', () => {
    expect(normalizePhone('12', 'CO')).toBeNull();
    expect(normalizePhone('abc', 'MX')).toBeNull();
    expect(normalizePhone('', 'PE')).toBeNull();
    expect(normalizePhone('999 999 9999 9999', 'CL')).toBeNull();
  });

  it('agrees with the full libphonenumber parse on 100,000 random numbers', () => {
    const rng = new SeededRandom(7);
    const regions: CountryCode[] = ['CO', 'MX', 'CL', 'EC', 'PE', 'US'];
    const prefixes = [
      '',
      '0',
      '3',
      '9',
      '09',
      '55',
      '+57',
      '+573',
      '+52',
      '+56',
      '+569',
      '+593',
      '+51',
      '+1',
      '00',
    ];
    const mismatches: unknown[] = [];
    let valid = 0;
    for (let i = 0; i < 100_000; i++) {
      const region = rng.pick(regions);
      const raw = `${rng.pick(prefixes)}${rng.digits(rng.int(6, 11))}`;
      const fast = normalizePhone(raw, region);
      const slow = slowNormalizePhone(raw, region);
      if (slow) valid++;
      if (JSON.stringify(fast) !== JSON.stringify(slow)) mismatches.push({ raw, region, fast, slow });
    }
    expect(mismatches).toEqual([]);
    expect(valid).toBeGreaterThan(5_000);
  });
});
