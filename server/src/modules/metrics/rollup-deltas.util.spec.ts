import { INSTALLMENT_ROLLUP as S, installmentChange, monthsTouched } from './rollup-deltas.util';

const ZONE = 'America/Bogota';

describe('installmentChange', () => {
  const due = { dueDate: '2026-11-30', paidAt: null, rolledUp: S.pending };

  it('counts an open installment as due once', () => {
    expect(installmentChange({ ...due, status: 'pending' }, ZONE)).toEqual({ state: S.due, due: 1, kept: 0 });
    expect(installmentChange({ ...due, status: 'partial', rolledUp: S.due }, ZONE)).toEqual({
      state: S.due,
      due: 0,
      kept: 0,
    });
  });

  it('keeps one paid by the end of its due date + 3 grace days in local time, not a minute later', () => {
    // 30 Nov + 3 = 3 Dec; its last local minute is 2026-12-04T04:59Z in Bogotá.
    const inTime = { ...due, status: 'paid', rolledUp: S.due, paidAt: new Date('2026-12-04T04:59:00Z') };
    expect(installmentChange(inTime, ZONE)).toEqual({ state: S.kept, due: 0, kept: 1 });
    const late = { ...inTime, paidAt: new Date('2026-12-04T05:00:00Z') };
    expect(installmentChange(late, ZONE)).toEqual({ state: S.late, due: 0, kept: 0 });
    expect(installmentChange({ ...inTime, rolledUp: S.pending }, ZONE)).toEqual({
      state: S.kept,
      due: 1,
      kept: 1,
    });
  });

  it('takes back what a cancelled installment had counted', () => {
    expect(installmentChange({ ...due, status: 'cancelled', rolledUp: S.kept }, ZONE)).toEqual({
      state: S.void,
      due: -1,
      kept: -1,
    });
    expect(installmentChange({ ...due, status: 'cancelled' }, ZONE)).toEqual({
      state: S.void,
      due: 0,
      kept: 0,
    });
  });
});

describe('monthsTouched', () => {
  it('lists the local months of a span, across a year end', () => {
    expect(monthsTouched(ZONE, new Date('2026-11-20T15:00:00Z'), new Date('2027-01-01T04:00:00Z'))).toEqual([
      '2026-11-01',
      '2026-12-01',
    ]);
    expect(monthsTouched(ZONE, new Date('2026-11-20T15:00:00Z'), new Date('2027-01-01T05:00:00Z'))).toEqual([
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
    ]);
  });
});
