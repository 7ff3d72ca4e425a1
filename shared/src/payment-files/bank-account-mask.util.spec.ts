import { maskBankAccount, maskedBankAccount } from './bank-account-mask.util';

describe('maskBankAccount', () => {
  it('shows only the last four characters, with at least four dots', () => {
    // 18 digits: 14 hidden, shown as 8 dots at most.
    expect(maskBankAccount('012345678901234567')).toBe('••••••••4567');
    // 6 characters: 2 hidden, still 4 dots so the length does not show.
    expect(maskBankAccount('ABC123')).toBe('••••C123');
    expect(maskedBankAccount('4567', 18)).toBe(maskBankAccount('012345678901234567'));
  });
});
