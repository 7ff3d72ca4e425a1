import type { DebitFileAdapter, DebitResponseLine, DebitResponseRead } from './debit-file-adapter.type';
import { parseFileDate, textLines } from './file-values.util';
import type { PaymentLineProblem } from './payment-row-problem.type';

/**
 * An example of a bank-specific fixed-width layout ("ancho fijo 120"), the shape most Latin American
 * banks use for debit files: 120-character records, a header (type 1), one detail per debit (type
 * 2) and a trailer (type 9); amounts in minor units, zero-padded, with no decimal mark; dates
 * YYYYMMDD. Columns are 1-based and inclusive.
 *
 * Batch file:
 *   header   1 type "1" | 2-11 client code | 12-19 collection date | 20-27 number of debits | 28-45 total
 *   detail   1 type "2" | 2-31 reference | 32-39 bank code | 40-59 bank account | 60-79 holder id
 *            | 80-97 amount | 98-105 due date | 106-107 attempt
 *   trailer  1 type "9" | 2-9 number of debits | 10-27 total
 * Response file (details only are read; header and trailer are skipped):
 *   detail   1 type "2" | 2-31 reference | 32 status A (applied) or R (rejected) | 33-50 amount
 *            | 51-53 bank code | 54-61 processed date
 * Bank codes: 000 applied; 051 insufficient funds (R01), 014 closed (R02), 012 no such account
 * (R03), 019 invalid number (R04), 054 authorization revoked (R07), 057 stopped (R08), 061
 * uncollected (R09), 062 frozen (R16); any other code is kept as it came and stops retries.
 */
const RECORD = 120;

export const EXAMPLE_BANK_CODES: Readonly<Record<string, string>> = {
  '051': 'R01',
  '014': 'R02',
  '012': 'R03',
  '019': 'R04',
  '054': 'R07',
  '057': 'R08',
  '061': 'R09',
  '062': 'R16',
};

const left = (text: string | number, width: number) => String(text).slice(0, width).padEnd(width, ' ');
const zeros = (value: number, width: number) => {
  const text = String(value);
  if (text.length > width) throw new Error(`${text} does not fit in ${width} digits`);
  return text.padStart(width, '0');
};
const compactDate = (iso: string) => iso.replace(/-/g, '');
const ascii = (text: string) => text.normalize('NFD').replace(/[^\x20-\x7e]/g, '');

export const FIXED_WIDTH_120_DEBIT_ADAPTER: DebitFileAdapter = {
  name: 'fixed-120',
  description: 'Ancho fijo 120 (ejemplo de banco)',
  extension: 'txt',

  writeBatch(header, items) {
    const total = items.reduce((sum, item) => sum + item.amountMinor, 0);
    const records = [
      '1' +
        left(ascii(header.clientCode), 10) +
        compactDate(header.collectionDate) +
        zeros(items.length, 8) +
        zeros(total, 18),
      ...items.map(
        (item) =>
          '2' +
          left(item.reference, 30) +
          left(ascii(item.bankCode), 8) +
          left(item.bankAccount, 20) +
          left(ascii(item.holderNationalId), 20) +
          zeros(item.amountMinor, 18) +
          compactDate(item.dueDate) +
          zeros(item.attempt, 2),
      ),
      '9' + zeros(items.length, 8) + zeros(total, 18),
    ];
    return records.map((record) => record.padEnd(RECORD, ' ')).join('\r\n') + '\r\n';
  },

  readResponse(content): DebitResponseRead {
    const lines: DebitResponseLine[] = [];
    const problems: PaymentLineProblem[] = [];
    textLines(content).forEach((text, index) => {
      const line = index + 1;
      if (!text.startsWith('2')) return;
      if (text.length < 61) {
        problems.push({ line, column: '*', code: 'line_too_short', params: { length: text.length } });
        return;
      }
      const reference = text.slice(1, 31).trim();
      const status = text.slice(31, 32);
      const amountText = text.slice(32, 50);
      const bankCode = text.slice(50, 53).trim();
      const dateText = text.slice(53, 61);
      const lineProblems: PaymentLineProblem[] = [];
      if (!reference) lineProblems.push({ line, column: 'reference@2-31', code: 'required', params: {} });
      if (status !== 'A' && status !== 'R')
        lineProblems.push({ line, column: 'status@32', code: 'bad_outcome', params: { value: status } });
      if (!/^\d{18}$/.test(amountText))
        lineProblems.push({
          line,
          column: 'amount@33-50',
          code: 'not_amount',
          params: { value: amountText.trim(), currency: '' },
        });
      const paidDate = parseFileDate(dateText, 'YYYYMMDD');
      if (!paidDate)
        lineProblems.push({
          line,
          column: 'date@54-61',
          code: 'not_date',
          params: { value: dateText, format: 'AAAAMMDD' },
        });
      if (lineProblems.length > 0) {
        problems.push(...lineProblems);
        return;
      }
      const rejected = status === 'R';
      lines.push({
        line,
        reference,
        outcome: rejected ? 'rejected' : 'paid',
        amountMinor: Number(amountText),
        bankReasonCode: rejected ? bankCode : null,
        reasonCode: rejected ? (EXAMPLE_BANK_CODES[bankCode] ?? bankCode) : null,
        paidDate,
      });
    });
    return { lines, problems };
  },
};
