import { segmentWhere } from './campaign-segment.util';

describe(segmentWhere.name, () => {
  it('matches everything for an empty segment', () => {
    expect(segmentWhere({})).toEqual({ sql: '1 = 1', params: {} });
  });

  it('treats empty lists as "any"', () => {
    expect(segmentWhere({ agingBuckets: [], sectors: [], lastDispositionCodes: [] })).toEqual({
      sql: '1 = 1',
      params: {},
    });
  });

  it('puts the index columns first and every value in a parameter', () => {
    const where = segmentWhere({
      scoreMax: 700,
      sectors: ['Norte'],
      balanceMaxMinor: 5_000_000,
      agingBuckets: ['61-90', '91-180'],
      balanceMinMinor: 100_000,
    });
    expect(where.sql).toBe(
      'a.aging_bucket IN (:...segAging) AND a.balance_minor >= :segBalanceMin AND ' +
        'a.balance_minor <= :segBalanceMax AND a.sector IN (:...segSectors) AND a.score <= :segScoreMax',
    );
    expect(where.params).toEqual({
      segAging: ['61-90', '91-180'],
      segBalanceMin: 100_000,
      segBalanceMax: 5_000_000,
      segSectors: ['Norte'],
      segScoreMax: 700,
    });
  });

  it('covers every filter of the segment', () => {
    const where = segmentWhere(
      {
        balanceMinMinor: 1,
        balanceMaxMinor: 2,
        daysPastDueMin: 30,
        daysPastDueMax: 90,
        agingBuckets: ['31-60'],
        sectors: ['S'],
        zonas: ['Z'],
        products: ['P'],
        lastDispositionCodes: ['NO_CONTESTA'],
        scoreMin: 100,
        scoreMax: 900,
      },
      'acc',
    );
    for (const column of [
      'aging_bucket',
      'balance_minor',
      'days_past_due',
      'sector',
      'zona',
      'product',
      'last_disposition_code',
      'score',
    ]) {
      expect(where.sql).toContain(`acc.${column} `);
    }
    expect(Object.keys(where.params)).toHaveLength(11);
  });

  it('keeps a zero bound (0 is a value, not "unset")', () => {
    expect(segmentWhere({ daysPastDueMin: 0, scoreMin: 0 })).toEqual({
      sql: 'a.days_past_due >= :segDpdMin AND a.score >= :segScoreMin',
      params: { segDpdMin: 0, segScoreMin: 0 },
    });
  });

  it('never writes a value into the SQL text', () => {
    const where = segmentWhere({ sectors: ["x') OR 1=1 --"], products: ['a; DROP TABLE accounts'] });
    expect(where.sql).not.toContain('DROP');
    expect(where.sql).not.toContain('OR 1=1');
  });
});
