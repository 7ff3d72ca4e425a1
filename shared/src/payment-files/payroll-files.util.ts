import type { IsoDate } from '../domain/dates.util';
import {
  fileCsvCell,
  guessDelimiter,
  minorToFileAmount,
  parseFileAmount,
  splitCsvLine,
  textLines,
} from './file-values.util';
import type { PaymentLineProblem } from './payment-row-problem.type';

/** One line of a monthly deduction file: what the employer is asked to withhold from one employee. */
export interface DeductionFileLine {
  reference: string;
  employeeNumber: string;
  nationalId: string;
  fullName: string;
  accountNumber: string;
  requestedMinor: number;
  currency: string;
}

/**
 * The deduction file sent to an employer (CSV, UTF-8, `;`, a header row, amounts in major units):
 *   referencia;numero_empleado;documento;nombre;cuenta;monto_solicitado;moneda;periodo
 *   PR-4-17;E-0042;1020304050;Ana Pérez;A-100;250000.00;COP;2026-12
 * The employer answers with what it actually withheld (columns by name, any order, `,` or `;`):
 *   referencia;documento;cuenta;monto_retenido
 *   PR-4-17;1020304050;A-100;200000.00
 * A withheld line is matched by its reference, else by the account number, else by the national id
 * of an employee on the deduction file.
 */
export const DEDUCTION_COLUMNS = [
  'referencia',
  'numero_empleado',
  'documento',
  'nombre',
  'cuenta',
  'monto_solicitado',
  'moneda',
  'periodo',
] as const;

export function writeDeductionFile(period: IsoDate, lines: readonly DeductionFileLine[]): string {
  const cell = (value: string | number) => fileCsvCell(value, ';');
  const body = lines.map((line) =>
    [
      line.reference,
      line.employeeNumber,
      line.nationalId,
      line.fullName,
      line.accountNumber,
      minorToFileAmount(line.requestedMinor, line.currency),
      line.currency,
      period.slice(0, 7),
    ]
      .map(cell)
      .join(';'),
  );
  return [DEDUCTION_COLUMNS.join(';'), ...body].join('\n') + '\n';
}

export interface WithheldLine {
  line: number;
  reference: string | null;
  nationalId: string | null;
  accountNumber: string | null;
  amountMinor: number;
}

const WITHHELD_COLUMNS: Readonly<
  Record<string, keyof Omit<WithheldLine, 'line' | 'amountMinor'> | 'amount'>
> = {
  referencia: 'reference',
  reference: 'reference',
  documento: 'nationalId',
  national_id: 'nationalId',
  cuenta: 'accountNumber',
  account: 'accountNumber',
  monto_retenido: 'amount',
  withheld: 'amount',
};

/** Reads an employer's withheld file: every line with an amount and something to match it by. */
export function readWithheldFile(
  content: string,
  currency: string,
): { lines: WithheldLine[]; problems: PaymentLineProblem[] } {
  const all = textLines(content);
  const delimiter = guessDelimiter(all[0] ?? '');
  const header = splitCsvLine(all[0] ?? '', delimiter).map((h) => h.trim().toLowerCase());
  const at: Partial<Record<'reference' | 'nationalId' | 'accountNumber' | 'amount', number>> = {};
  header.forEach((name, index) => {
    const key = WITHHELD_COLUMNS[name];
    if (key && at[key] === undefined) at[key] = index;
  });
  const lines: WithheldLine[] = [];
  const problems: PaymentLineProblem[] = [];
  if (at.amount === undefined)
    problems.push({ line: 1, column: 'monto_retenido', code: 'required', params: {} });
  if (at.reference === undefined && at.nationalId === undefined && at.accountNumber === undefined)
    problems.push({ line: 1, column: 'referencia', code: 'required', params: {} });
  if (problems.length > 0) return { lines, problems };
  all.slice(1).forEach((text, index) => {
    const line = index + 2;
    if (text.trim() === '') return;
    const cells = splitCsvLine(text, delimiter);
    const value = (key: keyof typeof at) => (at[key] === undefined ? '' : (cells[at[key]] ?? '').trim());
    const amountText = value('amount');
    const amountMinor = amountText
      ? parseFileAmount(amountText, currency, { decimalSeparator: '.', impliedDecimals: false })
      : null;
    if (amountMinor === null) {
      problems.push({
        line,
        column: 'monto_retenido',
        code: amountText ? 'not_amount' : 'required',
        params: { value: amountText, currency },
      });
      return;
    }
    if (amountMinor < 0) {
      problems.push({ line, column: 'monto_retenido', code: 'not_positive', params: { value: amountText } });
      return;
    }
    const reference = value('reference') || null;
    const nationalId = value('nationalId') || null;
    const accountNumber = value('accountNumber') || null;
    if (!reference && !nationalId && !accountNumber) {
      problems.push({ line, column: 'referencia', code: 'required', params: {} });
      return;
    }
    lines.push({ line, reference, nationalId, accountNumber, amountMinor });
  });
  return { lines, problems };
}
