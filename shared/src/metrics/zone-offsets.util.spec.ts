import { localDateSql, offsetSegments } from './zone-offsets.util';

describe('offsetSegments', () => {
  it('has one offset for a month in Bogotá (no daylight saving)', () => {
    expect(
      offsetSegments('America/Bogota', new Date('2026-11-01T05:00:00Z'), new Date('2026-12-01T05:00:00Z')),
    ).toEqual([{ from: new Date('2026-11-01T05:00:00Z'), offsetMinutes: -300 }]);
  });

  it('finds Santiago’s clock change to the minute (first Sunday of April 2026, 03:00 → 02:00)', () => {
    const segments = offsetSegments(
      'America/Santiago',
      new Date('2026-04-01T03:00:00Z'),
      new Date('2026-05-01T04:00:00Z'),
    );
    expect(segments.map((s) => s.offsetMinutes)).toEqual([-180, -240]);
    expect(segments[1].from.toISOString()).toBe('2026-04-05T03:00:00.000Z');
  });
});

describe('localDateSql', () => {
  it('adds one offset, or picks it by instant around a change', () => {
    expect(localDateSql('p.paid_at', [{ from: new Date(0), offsetMinutes: -300 }])).toEqual({
      sql: 'DATE(p.paid_at + INTERVAL ? MINUTE)',
      params: [-300],
    });
    const change = new Date('2026-04-05T03:00:00Z');
    expect(
      localDateSql('x', [
        { from: new Date(0), offsetMinutes: -180 },
        { from: change, offsetMinutes: -240 },
      ]),
    ).toEqual({
      sql: 'DATE(CASE WHEN x < ? THEN x + INTERVAL ? MINUTE ELSE x + INTERVAL ? MINUTE END)',
      params: [change, -180, -240],
    });
  });
});
