import type { CountryCode } from 'libphonenumber-js';
import { agingBucket, type AgingBucket } from '../domain/aging.util';
import { addDays, daysBetween, parseCivilDate, type IsoDate } from '../domain/dates.util';
import { parseMajorToMinor } from '../domain/money.util';
import { normalizePhone, type PhoneKind } from '../domain/phone.util';
import { isValidTimeZone } from '../domain/jurisdictions.constant';
import type { ColumnMapping, ImportField } from './import-fields.constant';
import type { RowProblem, RowProblemCode, RowProblemParams } from './row-problem.type';

export interface ImportContext {
  currency: string;
  phoneRegion: CountryCode;
  defaultTimeZone: string;
  /** The civil date the import runs on, to derive days past due from a due date or vice versa. */
  today: IsoDate;
}

export interface MappedPhone {
  e164: string;
  kind: PhoneKind;
}

export interface MappedRow {
  accountNumber: string;
  /** nationalId when the file has one, else one debtor per account. */
  debtorKey: string;
  nationalId: string | null;
  fullName: string | null;
  balanceMinor: number;
  originalAmountMinor: number;
  dueDate: IsoDate | null;
  daysPastDue: number;
  agingBucket: AgingBucket;
  product: string | null;
  sector: string | null;
  red: string | null;
  zona: string | null;
  score: number | null;
  timeZone: string;
  phones: MappedPhone[];
  email: string | null;
  address: string | null;
}

export type RowResult = { ok: true; row: MappedRow } | { ok: false; problems: RowProblem[] };

const MAX_TEXT = 120;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Turns one record of a debtor file into a validated row, or says every reason it cannot. */
export function mapImportRow(
  record: Readonly<Record<string, string>>,
  mapping: ColumnMapping,
  ctx: ImportContext,
): RowResult {
  const problems: RowProblem[] = [];
  const cell = (field: ImportField): string => {
    const column = mapping[field];
    return column ? (record[column] ?? '').trim() : '';
  };
  const fail = (field: ImportField, code: RowProblemCode, params: RowProblemParams = {}): void => {
    problems.push({ column: mapping[field] ?? field, code, params });
  };
  const text = (field: ImportField): string | null => {
    const value = cell(field);
    if (!value) return null;
    if (value.length > MAX_TEXT) {
      fail(field, 'too_long', { max: MAX_TEXT });
      return null;
    }
    return value;
  };
  const amount = (field: ImportField, required: boolean): number | null => {
    const value = cell(field);
    if (!value) {
      if (required) fail(field, 'required');
      return null;
    }
    const minor = parseMajorToMinor(value.replace(/,/g, ''), ctx.currency);
    if (minor === null) fail(field, 'not_amount', { value, currency: ctx.currency });
    else if (minor < 0) fail(field, 'negative_amount', { value });
    return minor;
  };

  const accountNumber = cell('accountNumber');
  if (!accountNumber) fail('accountNumber', 'required');
  else if (!/^[\w.\-/]{1,40}$/.test(accountNumber))
    fail('accountNumber', 'bad_account_number', { value: accountNumber });

  const balanceMinor = amount('balance', true);
  const originalAmountMinor = amount('originalAmount', false);

  let dueDate: IsoDate | null = null;
  let daysPastDue = 0;
  const dueText = cell('dueDate');
  const dpdText = cell('daysPastDue');
  const monthsText = cell('monthsPastDue');
  if (dueText) {
    dueDate = parseCivilDate(dueText);
    if (!dueDate) fail('dueDate', 'not_date', { value: dueText });
    else daysPastDue = Math.max(0, daysBetween(dueDate, ctx.today));
  } else if (dpdText) {
    const days = Number(dpdText);
    if (!Number.isInteger(days) || days < 0 || days > 36_500)
      fail('daysPastDue', 'not_days', { value: dpdText });
    else {
      daysPastDue = days;
      dueDate = addDays(ctx.today, -days);
    }
  } else if (monthsText) {
    const months = Number(monthsText);
    if (!Number.isInteger(months) || months < -2 || months > 1_200)
      fail('monthsPastDue', 'not_months', { value: monthsText });
    else {
      // UCI-style repayment status: -2..0 mean nothing is overdue, 1..n months of delay.
      daysPastDue = Math.max(0, months) * 30;
      dueDate = daysPastDue > 0 ? addDays(ctx.today, -daysPastDue) : null;
    }
  }

  let score: number | null = null;
  const scoreText = cell('score');
  if (scoreText) {
    score = Number(scoreText);
    if (!Number.isInteger(score) || score < 0 || score > 1000) {
      fail('score', 'not_score', { value: scoreText });
      score = null;
    }
  }

  const nationalId = text('nationalId');
  if (nationalId && !/^[\w.-]{3,30}$/.test(nationalId))
    fail('nationalId', 'bad_national_id', { value: nationalId });

  const phones: MappedPhone[] = [];
  for (const field of ['phone1', 'phone2', 'phone3'] as const) {
    const raw = cell(field);
    if (!raw) continue;
    const phone = normalizePhone(raw, ctx.phoneRegion);
    if (!phone) fail(field, 'bad_phone', { value: raw, region: ctx.phoneRegion });
    else if (!phones.some((p) => p.e164 === phone.e164)) phones.push(phone);
  }

  const email = cell('email') || null;
  if (email && (email.length > 190 || !EMAIL.test(email)))
    fail('email', 'bad_email', { value: email.slice(0, 60) });

  const zone = cell('timeZone') || ctx.defaultTimeZone;
  if (!isValidTimeZone(zone)) fail('timeZone', 'bad_time_zone', { value: zone });

  let fullName = text('fullName');
  if (!fullName) {
    const joined = [text('firstName'), text('lastName')].filter(Boolean).join(' ');
    fullName = joined || null;
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    row: {
      accountNumber,
      debtorKey: nationalId ?? `acct:${accountNumber}`,
      nationalId,
      fullName,
      balanceMinor: balanceMinor as number,
      originalAmountMinor: originalAmountMinor ?? (balanceMinor as number),
      dueDate,
      daysPastDue,
      agingBucket: agingBucket(daysPastDue),
      product: text('product'),
      sector: text('sector'),
      red: text('red'),
      zona: text('zona'),
      score,
      timeZone: zone,
      phones,
      email,
      address: text('address'),
    },
  };
}
