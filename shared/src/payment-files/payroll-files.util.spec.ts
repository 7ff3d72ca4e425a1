import { readWithheldFile, writeDeductionFile } from './payroll-files.util';

describe('payroll files', () => {
  it('writes the deduction file and reads the withheld answer', () => {
    expect(
      writeDeductionFile('2026-12-01', [
        {
          reference: 'PR-4-1',
          employeeNumber: 'E-42',
          nationalId: '111',
          fullName: 'Ana Pérez',
          accountNumber: 'A-1',
          requestedMinor: 25_000_000,
          currency: 'COP',
        },
      ]),
    ).toBe(
      'referencia;numero_empleado;documento;nombre;cuenta;monto_solicitado;moneda;periodo\n' +
        'PR-4-1;E-42;111;Ana Pérez;A-1;250000.00;COP;2026-12\n',
    );
    const read = readWithheldFile(
      'referencia;documento;cuenta;monto_retenido\nPR-4-1;111;A-1;200000.00\n;;;5\n;222;;mucho\n',
      'COP',
    );
    expect(read.lines).toEqual([
      { line: 2, reference: 'PR-4-1', nationalId: '111', accountNumber: 'A-1', amountMinor: 20_000_000 },
    ]);
    expect(read.problems).toEqual([
      { line: 3, column: 'referencia', code: 'required', params: {} },
      { line: 4, column: 'monto_retenido', code: 'not_amount', params: { value: 'mucho', currency: 'COP' } },
    ]);
  });
});
