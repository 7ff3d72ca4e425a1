import { lockUntil } from './lockout.util';

describe('lockUntil', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('does not lock before the limit', () => {
    expect(lockUntil(4, 5, 300, now)).toBeNull();
  });

  it('locks for the base time at the limit and doubles with each further failure', () => {
    expect(lockUntil(5, 5, 300, now)?.toISOString()).toBe('2026-11-23T12:05:00.000Z');
    expect(lockUntil(6, 5, 300, now)?.toISOString()).toBe('2026-11-23T12:10:00.000Z');
    expect(lockUntil(7, 5, 300, now)?.toISOString()).toBe('2026-11-23T12:20:00.000Z');
  });

  it('never locks for more than an hour', () => {
    expect(lockUntil(30, 5, 300, now)?.toISOString()).toBe('2026-11-23T13:00:00.000Z');
  });
});
