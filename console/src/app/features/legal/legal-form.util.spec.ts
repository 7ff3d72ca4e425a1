import { parseAccountIds, toLocalInput, toTransferRequest, type TransferFormValue } from './legal-form.util';

const EMPTY: TransferFormValue = {
  by: 'ids',
  accountIds: '',
  portfolioId: '',
  fromTeamId: '',
  agingBucket: '',
  minDaysPastDue: '',
  toTeamId: '9',
  legalStage: '',
  note: '',
};

describe('legal transfer form', () => {
  it('reads ids pasted in any mix of separators, once each, and names what is not an id', () => {
    expect(parseAccountIds(' 12, 13;14\n15\t12  ')).toEqual({ ids: ['12', '13', '14', '15'], invalid: [] });
    expect(parseAccountIds('12 CL-7 0 13 CL-7')).toEqual({ ids: ['12', '13'], invalid: ['CL-7', '0'] });
    expect(parseAccountIds('   ')).toEqual({ ids: [], invalid: [] });
  });

  it('sends a list of ids with the legal stage and the trimmed note', () => {
    expect(
      toTransferRequest({ ...EMPTY, accountIds: '4 5', legalStage: 'judicial', note: '  Demanda  ' }, 100),
    ).toEqual({
      request: { accountIds: ['4', '5'], toTeamId: '9', legalStage: 'judicial', note: 'Demanda' },
    });
  });

  it('refuses a list with non-ids, an empty one, or one over the limit', () => {
    expect(toTransferRequest({ ...EMPTY, accountIds: '4 x' }, 100)).toEqual({
      problem: { kind: 'invalidIds', ids: ['x'] },
    });
    expect(toTransferRequest(EMPTY, 100)).toEqual({ problem: { kind: 'noIds' } });
    expect(toTransferRequest({ ...EMPTY, accountIds: '1 2 3' }, 2)).toEqual({
      problem: { kind: 'tooManyIds', max: 2 },
    });
  });

  it('sends only the filter fields that were filled, and needs a portfolio or a source team', () => {
    expect(toTransferRequest({ ...EMPTY, by: 'filter', agingBucket: '180+' }, 100)).toEqual({
      problem: { kind: 'needsFilter' },
    });
    expect(
      toTransferRequest(
        { ...EMPTY, by: 'filter', portfolioId: '3', minDaysPastDue: ' 180 ', accountIds: '1' },
        100,
      ),
    ).toEqual({ request: { filter: { portfolioId: '3', minDaysPastDue: 180 }, toTeamId: '9' } });
    expect(
      toTransferRequest(
        { ...EMPTY, by: 'filter', fromTeamId: '2', agingBucket: '91-180', minDaysPastDue: 'x' },
        100,
      ),
    ).toEqual({ request: { filter: { fromTeamId: '2', agingBucket: '91-180' }, toTeamId: '9' } });
  });

  it('shows an instant on the local clock for a datetime input', () => {
    expect(toLocalInput(new Date(2026, 2, 9, 7, 5))).toBe('2026-03-09T07:05');
  });
});
