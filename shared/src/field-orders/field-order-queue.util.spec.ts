import { compareFieldOrders, fieldOrderAgeBucket, isFieldOrderOverdue } from './field-order-queue.util';

const NOW = new Date('2026-04-11T12:00:00.000Z');

describe('isFieldOrderOverdue', () => {
  it('is overdue only while open and past its due time', () => {
    expect(isFieldOrderOverdue({ state: 'assigned', dueAt: '2026-04-11T11:59:59.000Z' }, NOW)).toBe(true);
    expect(isFieldOrderOverdue({ state: 'pending', dueAt: '2026-04-11T12:00:00.000Z' }, NOW)).toBe(false);
    expect(isFieldOrderOverdue({ state: 'executed', dueAt: '2026-04-01T00:00:00.000Z' }, NOW)).toBe(false);
  });
});

describe('compareFieldOrders', () => {
  it('puts overdue orders first, then the oldest, whatever their due times', () => {
    const orders = [
      // new, not due yet
      {
        id: '1',
        state: 'pending' as const,
        dueAt: '2026-04-12T00:00:00.000Z',
        createdAt: '2026-04-11T10:00:00.000Z',
      },
      // overdue, created on the 9th
      {
        id: '2',
        state: 'assigned' as const,
        dueAt: '2026-04-11T08:00:00.000Z',
        createdAt: '2026-04-09T00:00:00.000Z',
      },
      // old but not overdue (created on the 1st, due on the 20th)
      {
        id: '3',
        state: 'pending' as const,
        dueAt: '2026-04-20T00:00:00.000Z',
        createdAt: '2026-04-01T00:00:00.000Z',
      },
      // overdue, created on the 5th: older than order 2, so before it
      {
        id: '4',
        state: 'pending' as const,
        dueAt: '2026-04-10T00:00:00.000Z',
        createdAt: '2026-04-05T00:00:00.000Z',
      },
      // same age as order 1: the smaller id first
      {
        id: '10',
        state: 'pending' as const,
        dueAt: '2026-04-12T00:00:00.000Z',
        createdAt: '2026-04-11T10:00:00.000Z',
      },
    ];
    expect([...orders].sort(compareFieldOrders(NOW)).map((o) => o.id)).toEqual(['4', '2', '3', '1', '10']);
  });
});

describe('fieldOrderAgeBucket', () => {
  it('buckets by hours waited: under 24 h, 1–3 days, 3–7 days and older', () => {
    expect(fieldOrderAgeBucket('2026-04-10T12:00:00.001Z', NOW)).toBe('0-24h'); // 23 h 59 min
    expect(fieldOrderAgeBucket('2026-04-10T12:00:00.000Z', NOW)).toBe('1-3d'); // exactly 24 h
    expect(fieldOrderAgeBucket('2026-04-08T12:00:00.000Z', NOW)).toBe('3-7d'); // 72 h
    expect(fieldOrderAgeBucket('2026-04-04T12:00:00.000Z', NOW)).toBe('7d+'); // 168 h
  });
});
