import {
  fromLocalInputValue,
  orderAge,
  reportProblem,
  startOfLocalDay,
  toLocalInputValue,
} from './field-order-view.util';

describe('field order view helpers', () => {
  it('starts the crew day at local midnight', () => {
    const now = new Date(2026, 3, 11, 15, 42);
    expect(startOfLocalDay(now)).toBe(new Date(2026, 3, 11, 0, 0).toISOString());
  });

  it('round-trips a datetime-local value to the minute and rejects malformed ones', () => {
    const at = new Date(2026, 0, 5, 7, 3, 59);
    expect(toLocalInputValue(at)).toBe('2026-01-05T07:03');
    expect(fromLocalInputValue('2026-01-05T07:03')).toEqual(new Date(2026, 0, 5, 7, 3));
    expect(fromLocalInputValue('05/01/2026 07:03')).toBeNull();
  });

  it('asks for notes on a failed order and refuses a time more than a minute ahead', () => {
    const now = new Date(2026, 3, 11, 12, 0);
    expect(reportProblem('executed', '', now, now)).toBeNull();
    expect(reportProblem('failed', '  ', now, now)).toBe('fieldOrders.notesRequired');
    expect(reportProblem('failed', 'Perro bravo', now, now)).toBeNull();
    expect(reportProblem('executed', '', new Date(2026, 3, 11, 12, 2), now)).toBe('fieldOrders.futureTime');
    expect(reportProblem('executed', '', null, now)).toBe('fieldOrders.invalidTime');
  });

  it('shows hours for the first two days, then whole days', () => {
    const now = new Date('2026-04-11T12:00:00.000Z');
    expect(orderAge('2026-04-11T06:30:00.000Z', now)).toEqual({
      key: 'fieldOrders.ageHours',
      params: { hours: 5 },
    });
    expect(orderAge('2026-04-09T12:00:01.000Z', now)).toEqual({
      key: 'fieldOrders.ageHours',
      params: { hours: 47 },
    });
    expect(orderAge('2026-04-08T11:00:00.000Z', now)).toEqual({
      key: 'fieldOrders.ageDays',
      params: { days: 3 },
    });
  });
});
