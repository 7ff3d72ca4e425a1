import type { PaymentChannel } from '../domain/enums.constant';

/** What a column (CSV) or a slice of a line (fixed width) of a bank or cashier payment file can feed. */
export const PAYMENT_FILE_FIELDS = [
  'clientCode',
  'accountNumber',
  'amount',
  'paidDate',
  'reference',
  'channel',
] as const;
export type PaymentFileField = (typeof PAYMENT_FILE_FIELDS)[number];

/** Without a client column every line belongs to the file's client; without a channel, the file's. */
export const REQUIRED_PAYMENT_FILE_FIELDS: readonly PaymentFileField[] = [
  'accountNumber',
  'amount',
  'paidDate',
  'reference',
];

/** The channels a payment file may carry (debits and payroll have their own flows). */
export const FILE_PAYMENT_CHANNELS = ['bank', 'cashier'] as const satisfies readonly PaymentChannel[];
export type FilePaymentChannel = (typeof FILE_PAYMENT_CHANNELS)[number];

export const PAYMENT_DATE_FORMATS = ['auto', 'YYYYMMDD', 'DDMMYYYY'] as const;
/** `auto` reads YYYY-MM-DD, DD/MM/YYYY, DD-MM-YYYY and YYYYMMDD. */
export type PaymentDateFormat = (typeof PAYMENT_DATE_FORMATS)[number];

export const PAYMENT_FILE_FORMATS = ['csv', 'fixed'] as const;
export type PaymentFileFormat = (typeof PAYMENT_FILE_FORMATS)[number];

interface PaymentLayoutOptions {
  dateFormat: PaymentDateFormat;
  /** The decimal mark of amounts; the other mark is taken as a thousands separator and dropped. */
  decimalSeparator: '.' | ',';
  /** Amounts written in minor units without a mark ("000000150050" = 1 500.50 in a 2-decimal currency). */
  impliedDecimals: boolean;
}

export interface CsvPaymentLayout extends PaymentLayoutOptions {
  format: 'csv';
  /** Which header column feeds each field (absent = not in the file). */
  columns: Partial<Record<PaymentFileField, string>>;
}

/** One field of a fixed-width line: 1-based start column and length in characters. */
export interface FixedWidthField {
  field: PaymentFileField;
  start: number;
  length: number;
}

/** Only lines whose slice [start, start + length) equals value are payments (header/trailer records are not). */
export interface DetailRecordRule {
  start: number;
  length: number;
  value: string;
}

export interface FixedWidthPaymentLayout extends PaymentLayoutOptions {
  format: 'fixed';
  fields: FixedWidthField[];
  /** Lines skipped at the top of the file (a header record). */
  skipLines: number;
  detailRecord: DetailRecordRule | null;
}

export type PaymentFileLayout = CsvPaymentLayout | FixedWidthPaymentLayout;

export const MAX_FIXED_WIDTH_LINE = 1000;
