import { firstNameOf, toScriptContext } from './script-context.mapper';

describe(toScriptContext.name, () => {
  it('splits the debtor’s name for the greeting and keeps amounts in minor units', () => {
    const context = toScriptContext(
      {
        accountId: '1',
        fullName: '  María Fernanda López ',
        nationalId: null,
        timeZone: 'America/Mexico_City',
        accountNumber: 'TC-1',
        currency: 'MXN',
        balanceMinor: 1_234_567,
        originalAmountMinor: 2_000_000,
        daysPastDue: 47,
        dueDate: null,
        product: null,
        agingBucket: '31-60',
        clientName: 'Banco',
      },
      'Jorge Ramírez',
      'Cobranza Integral',
      '2026-12-01',
    );
    expect(context.debtor).toEqual({
      firstName: 'María',
      lastName: 'Fernanda López',
      fullName: '  María Fernanda López ',
      nationalId: null,
    });
    expect(context.account.balance).toEqual({ amountMinor: 1_234_567, currency: 'MXN' });
    expect(context.agent.firstName).toBe('Jorge');
  });

  it('has no first name for a debtor without a name', () => {
    expect(firstNameOf(null)).toBe('');
  });
});
