import {
  ErrorCode,
  PeriodError,
  assertNever,
  type PeriodConflictDetails,
  type PeriodCurrencyFigures,
  type PeriodScopeFigures,
  type PeriodStatus,
  type PeriodSummary,
} from '@recupera/shared';
import type { ApiError } from '../../core/http/api-error.util';
import type { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import type { Tone } from '../../ui/tone.util';

/** The formatters the rows need: the i18n service, or anything that formats like it. */
export type PeriodFormat = Pick<I18nService, 't' | 'minor' | 'percent' | 'number'>;

const STATUS_TONES: Readonly<Record<PeriodStatus, Tone>> = {
  open: 'info',
  closing: 'warning',
  closed: 'success',
};

export function periodStatusTone(status: PeriodStatus): Tone {
  return STATUS_TONES[status];
}

/** An ended month not closed yet (a close that stopped half-way may be taken again). */
export function canClose(period: Pick<PeriodSummary, 'ended' | 'status'>): boolean {
  return period.ended && period.status !== 'closed';
}

/** The text of a period's 409, or null for any other error. */
export function periodConflictKey(error: ApiError | null): MessageKey | null {
  if (!error || error.code !== ErrorCode.Conflict) return null;
  const reason = (error.details as Partial<PeriodConflictDetails> | undefined)?.reason;
  if (reason === undefined) return null;
  switch (reason) {
    case PeriodError.Closed:
      return 'periods.conflict.period_closed';
    case PeriodError.AlreadyClosed:
      return 'periods.conflict.period_already_closed';
    case PeriodError.NotEnded:
      return 'periods.conflict.period_not_ended';
    default:
      return assertNever(reason);
  }
}

/** A scope's money in one currency; a scope with nothing in it shows zeros. */
export function moneyIn(scope: PeriodScopeFigures, currency: string): PeriodCurrencyFigures {
  return (
    scope.money.find((m) => m.currency === currency) ?? {
      currency,
      recoveredMinor: 0,
      promisedMinor: 0,
      balanceMinor: 0,
      overdueMinor: 0,
      delinquencyIndex: null,
      aging: [],
    }
  );
}

/** Money in the currency on screen; none when the month has no money at all (nothing owed or paid). */
function amount(f: PeriodFormat, amountMinor: number, currency: string): string {
  return currency ? f.minor(amountMinor, currency) : f.minor(null, currency);
}

export interface PeriodKpi {
  /** `period-kpi-<id>`. */
  id: 'recovered' | 'sweep' | 'contactedSweep' | 'kept' | 'balance' | 'delinquency';
  label: string;
  value: string;
  hint: string;
}

export function periodKpis(agency: PeriodScopeFigures, currency: string, f: PeriodFormat): PeriodKpi[] {
  const money = moneyIn(agency, currency);
  const sweepHint = f.t('periods.kpi.sweepHint', {
    attempted: f.number(agency.attempted),
    assigned: f.number(agency.assigned),
  });
  return [
    {
      id: 'recovered',
      label: f.t('periods.kpi.recovered'),
      value: amount(f, money.recoveredMinor, currency),
      hint: '',
    },
    { id: 'sweep', label: f.t('periods.kpi.sweep'), value: f.percent(agency.sweepRate), hint: sweepHint },
    {
      id: 'contactedSweep',
      label: f.t('periods.kpi.contactedSweep'),
      value: f.percent(agency.contactedSweepRate),
      hint: '',
    },
    {
      id: 'kept',
      label: f.t('periods.kpi.kept'),
      value: f.percent(agency.keptRate),
      hint: f.t('periods.kpi.keptHint', {
        kept: f.number(agency.installmentsKept),
        due: f.number(agency.installmentsDue),
      }),
    },
    {
      id: 'balance',
      label: f.t('periods.kpi.balance'),
      value: amount(f, money.balanceMinor, currency),
      hint: '',
    },
    {
      id: 'delinquency',
      label: f.t('periods.kpi.delinquency'),
      value: f.percent(money.delinquencyIndex),
      hint: '',
    },
  ];
}

export interface PeriodScopeRow {
  id: string;
  name: string;
  recovered: string;
  sweep: string;
  contactedSweep: string;
  kept: string;
  balance: string;
  delinquency: string;
}

/** One table row per client, portfolio or team, its money in the currency on screen. */
export function scopeRows(
  scopes: readonly PeriodScopeFigures[],
  currency: string,
  f: PeriodFormat,
): PeriodScopeRow[] {
  return scopes.map((scope) => {
    const money = moneyIn(scope, currency);
    return {
      id: scope.scopeId ?? 'agency',
      name: scope.name,
      recovered: amount(f, money.recoveredMinor, currency),
      sweep: f.percent(scope.sweepRate),
      contactedSweep: f.percent(scope.contactedSweepRate),
      kept: f.percent(scope.keptRate),
      balance: amount(f, money.balanceMinor, currency),
      delinquency: f.percent(money.delinquencyIndex),
    };
  });
}
