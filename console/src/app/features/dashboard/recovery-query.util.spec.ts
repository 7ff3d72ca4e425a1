import {
  currentMonth,
  delinquencyQuery,
  exportFileName,
  filterParams,
  httpParams,
  monthOptions,
  recoveryParams,
  toRecoveryView,
} from './recovery-query.util';

const NOW = new Date(2025, 10, 14, 10, 30);

describe('recovery query', () => {
  it('defaults to the browser’s current month and the aging grouping', () => {
    expect(currentMonth(NOW)).toBe('2025-11');
    expect(toRecoveryView({}, NOW)).toEqual({ query: { month: '2025-11' }, by: 'aging' });
  });

  it('reads every filter from the URL', () => {
    expect(
      toRecoveryView(
        { month: '2025-09', clientId: '3', portfolioId: '7', teamId: '2', currency: 'USD', by: 'zona' },
        NOW,
      ),
    ).toEqual({
      query: { month: '2025-09', clientId: '3', portfolioId: '7', teamId: '2', currency: 'USD' },
      by: 'zona',
    });
  });

  it('drops what the API would reject instead of sending it', () => {
    expect(
      toRecoveryView({ month: '2025-13', clientId: 'abc', teamId: '0', currency: 'usd', by: 'planet' }, NOW),
    ).toEqual({ query: { month: '2025-11' }, by: 'aging' });
  });

  it('ignores a portfolio without its client, as the filter bar never sets one alone', () => {
    expect(toRecoveryView({ portfolioId: '7' }, NOW).query).toEqual({ month: '2025-11' });
  });

  it('resets the filters a new client or portfolio makes meaningless', () => {
    expect(filterParams('clientId', '3')).toEqual({ clientId: '3', portfolioId: null, currency: null });
    expect(filterParams('clientId', '')).toEqual({ clientId: null, portfolioId: null, currency: null });
    expect(filterParams('portfolioId', '7')).toEqual({ portfolioId: '7', currency: null });
    expect(filterParams('teamId', '2')).toEqual({ teamId: '2' });
    expect(filterParams('month', '2025-10')).toEqual({ month: '2025-10' });
    expect(filterParams('currency', 'USD')).toEqual({ currency: 'USD' });
  });

  it('keeps the default grouping out of the URL', () => {
    expect(filterParams('by', 'aging')).toEqual({ by: null });
    expect(filterParams('by', 'sector')).toEqual({ by: 'sector' });
  });

  it('sends only the filters that are set', () => {
    expect(recoveryParams({ month: '2025-11', teamId: '2' })).toEqual({ month: '2025-11', teamId: '2' });
    expect(httpParams({ month: '2025-11', page: 2, pageSize: undefined })).toEqual({
      month: '2025-11',
      page: '2',
    });
  });

  it('asks delinquency for the client, portfolio and currency only', () => {
    expect(
      delinquencyQuery(
        { month: '2025-11', clientId: '3', portfolioId: '7', teamId: '2', currency: 'MXN' },
        'red',
      ),
    ).toEqual({ by: 'red', clientId: '3', portfolioId: '7', currency: 'MXN' });
  });

  it('names the download after the table and the month', () => {
    expect(exportFileName('sweep-agents', '2025-11', 'xlsx')).toBe('sweep-agents-2025-11.xlsx');
  });

  it('offers the last two years, newest first, and keeps an older month that is on screen', () => {
    const months = monthOptions(NOW, '2025-11');
    expect(months).toHaveLength(24);
    expect(months.slice(0, 3)).toEqual(['2025-11', '2025-10', '2025-09']);
    expect(months[23]).toBe('2023-12');
    expect(monthOptions(NOW, '2020-01').at(-1)).toBe('2020-01');
  });
});
