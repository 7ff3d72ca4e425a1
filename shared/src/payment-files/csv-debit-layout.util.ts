import type { DebitFileAdapter, DebitResponseLine, DebitResponseRead } from './debit-file-adapter.type';
import {
  fileCsvCell,
  guessDelimiter,
  minorToFileAmount,
  parseFileAmount,
  parseFileDate,
  splitCsvLine,
  textLines,
} from './file-values.util';
import type { PaymentLineProblem } from './payment-row-problem.type';

/**
 * The documented CSV layout for direct debits (UTF-8, `;`, a header row, amounts in major units
 * with a decimal point, dates YYYY-MM-DD).
 *
 * Batch file (Recupera → bank):
 *   referencia;cuenta;titular;documento;banco;cuenta_bancaria;monto;moneda;fecha_cobro;intento
 *   DD-12-1;A-100;Ana Pérez;1020304050;BANCO01;0123456789;1500.50;COP;2026-12-05;1
 *     referencia       the debit's reference: the bank must echo it in its response
 *     cuenta           the account (obligación) at the creditor
 *     titular, documento  the holder's name and national id
 *     banco, cuenta_bancaria  the mandate's bank code and bank account
 *     monto, moneda    the amount to debit (already capped by the mandate's limit)
 *     fecha_cobro      the collection date; intento: 1 for a first debit, 2… for retries
 *
 * Response file (bank → Recupera); `,` or `;`, columns by name, in any order:
 *   referencia;resultado;monto;codigo_rechazo;fecha
 *   DD-12-1;PAGADO;1500.50;;2026-12-05
 *   DD-12-2;RECHAZADO;;R01;2026-12-05
 *     resultado        PAGADO (or PAID) / RECHAZADO (or REJECTED)
 *     monto            optional; when given it must be the debit's amount
 *     codigo_rechazo   for rejects, a code of DEBIT_REJECT_REASONS (R01 insufficient funds and R09
 *                      uncollected funds are retried; R02, R03, R04, R07, R10 revoke the mandate;
 *                      R08, R16 and unknown codes stop retries)
 *     fecha            optional; the day the money was taken (default: the collection date)
 */
export const DEBIT_BATCH_CSV_COLUMNS = [
  'referencia',
  'cuenta',
  'titular',
  'documento',
  'banco',
  'cuenta_bancaria',
  'monto',
  'moneda',
  'fecha_cobro',
  'intento',
] as const;

const RESPONSE_COLUMNS: Readonly<Record<string, 'reference' | 'outcome' | 'amount' | 'code' | 'date'>> = {
  referencia: 'reference',
  reference: 'reference',
  resultado: 'outcome',
  result: 'outcome',
  monto: 'amount',
  amount: 'amount',
  codigo_rechazo: 'code',
  reject_code: 'code',
  fecha: 'date',
  date: 'date',
};

const OUTCOMES: Readonly<Record<string, 'paid' | 'rejected'>> = {
  pagado: 'paid',
  paid: 'paid',
  rechazado: 'rejected',
  rejected: 'rejected',
};

export const CSV_DEBIT_ADAPTER: DebitFileAdapter = {
  name: 'csv',
  description: 'CSV Recupera (documented layout)',
  extension: 'csv',

  writeBatch(_header, items) {
    const cell = (value: string | number) => fileCsvCell(value, ';');
    const lines = items.map((item) =>
      [
        item.reference,
        item.accountNumber,
        item.holderName,
        item.holderNationalId,
        item.bankCode,
        item.bankAccount,
        minorToFileAmount(item.amountMinor, item.currency),
        item.currency,
        item.dueDate,
        item.attempt,
      ]
        .map(cell)
        .join(';'),
    );
    return [DEBIT_BATCH_CSV_COLUMNS.join(';'), ...lines].join('\n') + '\n';
  },

  readResponse(content, currency): DebitResponseRead {
    const lines: DebitResponseLine[] = [];
    const problems: PaymentLineProblem[] = [];
    const all = textLines(content);
    const delimiter = guessDelimiter(all[0] ?? '');
    const header = splitCsvLine(all[0] ?? '', delimiter).map((h) => h.trim().toLowerCase());
    const at: Partial<Record<'reference' | 'outcome' | 'amount' | 'code' | 'date', number>> = {};
    header.forEach((name, index) => {
      const key = RESPONSE_COLUMNS[name];
      if (key && at[key] === undefined) at[key] = index;
    });
    for (const required of ['reference', 'outcome'] as const)
      if (at[required] === undefined)
        problems.push({
          line: 1,
          column: required === 'reference' ? 'referencia' : 'resultado',
          code: 'required',
          params: {},
        });
    if (problems.length > 0) return { lines, problems };

    all.slice(1).forEach((text, index) => {
      const line = index + 2;
      if (text.trim() === '') return;
      const cells = splitCsvLine(text, delimiter);
      const value = (key: keyof typeof at) => (at[key] === undefined ? '' : (cells[at[key]] ?? '').trim());
      const lineProblems: PaymentLineProblem[] = [];
      const reference = value('reference');
      if (!reference) lineProblems.push({ line, column: 'referencia', code: 'required', params: {} });
      const outcomeText = value('outcome');
      const outcome = OUTCOMES[outcomeText.toLowerCase()];
      if (!outcome)
        lineProblems.push({ line, column: 'resultado', code: 'bad_outcome', params: { value: outcomeText } });
      const amountText = value('amount');
      let amountMinor: number | null = null;
      if (amountText) {
        amountMinor = parseFileAmount(amountText, currency, {
          decimalSeparator: '.',
          impliedDecimals: false,
        });
        if (amountMinor === null)
          lineProblems.push({
            line,
            column: 'monto',
            code: 'not_amount',
            params: { value: amountText, currency },
          });
      }
      const dateText = value('date');
      const paidDate = dateText ? parseFileDate(dateText, 'auto') : null;
      if (dateText && !paidDate)
        lineProblems.push({
          line,
          column: 'fecha',
          code: 'not_date',
          params: { value: dateText, format: 'AAAA-MM-DD' },
        });
      const code = value('code').toUpperCase() || null;
      if (outcome === 'rejected' && !code)
        lineProblems.push({ line, column: 'codigo_rechazo', code: 'required', params: {} });
      if (lineProblems.length > 0 || !outcome) {
        problems.push(...lineProblems);
        return;
      }
      lines.push({
        line,
        reference,
        outcome,
        amountMinor,
        bankReasonCode: outcome === 'rejected' ? code : null,
        reasonCode: outcome === 'rejected' ? code : null,
        paidDate,
      });
    });
    return { lines, problems };
  },
};
