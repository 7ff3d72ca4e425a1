import { fieldLabels, sliceFixedWidth } from './payment-file-layout.util';
import type { PaymentFileField } from './payment-file-layout.type';
import { mapPaymentRow, type PaymentFileRow, type PaymentRowContext } from './payment-row.mapper';
import type { PaymentRowProblem } from './payment-row-problem.type';

export type PaymentLineVerdict =
  | { kind: 'skipped' }
  | { kind: 'rejected'; problems: PaymentRowProblem[] }
  | { kind: 'accepted'; row: PaymentFileRow };

/**
 * Reads the lines of one payment file into verdicts: blank lines and non-detail records skipped,
 * invalid lines rejected with every reason, a reference seen before in the file (same client)
 * rejected as a repeat of its first line.
 */
export class PaymentFileReader {
  private readonly seen = new Map<string, number>();
  private readonly context: PaymentRowContext;
  private readonly indexes: Partial<Record<PaymentFileField, number>> = {};

  constructor(
    context: Omit<PaymentRowContext, 'labels'>,
    private readonly header: readonly string[] = [],
  ) {
    this.context = { ...context, labels: fieldLabels(context.layout) };
    const layout = context.layout;
    if (layout.format === 'csv')
      for (const [field, column] of Object.entries(layout.columns) as [PaymentFileField, string][])
        if (column) this.indexes[field] = header.indexOf(column);
  }

  /** A CSV record (the header line excluded). */
  readCells(line: number, cells: readonly string[]): PaymentLineVerdict {
    if (cells.every((c) => c.trim() === '')) return { kind: 'skipped' };
    if (cells.length > this.header.length && cells.slice(this.header.length).some((c) => c.trim() !== ''))
      return {
        kind: 'rejected',
        problems: [
          {
            column: '*',
            code: 'too_many_values',
            params: { values: cells.length, columns: this.header.length },
          },
        ],
      };
    const record: Partial<Record<PaymentFileField, string>> = {};
    for (const [field, index] of Object.entries(this.indexes) as [PaymentFileField, number][])
      record[field] = index >= 0 ? (cells[index] ?? '') : '';
    return this.verdict(line, record);
  }

  /** One line of a fixed-width file (1-based; the layout's first skipLines are headers). */
  readLine(line: number, text: string): PaymentLineVerdict {
    const layout = this.context.layout;
    if (layout.format !== 'fixed') throw new Error('readLine reads fixed-width layouts');
    if (line <= layout.skipLines) return { kind: 'skipped' };
    const slice = sliceFixedWidth(text, layout);
    if (slice.kind === 'other') return { kind: 'skipped' };
    if (slice.tooShort.length > 0)
      return {
        kind: 'rejected',
        problems: slice.tooShort.map((field) => ({
          column: this.context.labels[field] ?? field,
          code: 'line_too_short' as const,
          params: { length: text.length },
        })),
      };
    return this.verdict(line, slice.cells);
  }

  private verdict(line: number, record: Partial<Record<PaymentFileField, string>>): PaymentLineVerdict {
    const result = mapPaymentRow(record, this.context);
    if (!result.ok) return { kind: 'rejected', problems: result.problems };
    const key = `${result.row.clientId}|${result.row.reference}`;
    const firstLine = this.seen.get(key);
    if (firstLine !== undefined)
      return {
        kind: 'rejected',
        problems: [
          {
            column: this.context.labels.reference ?? 'reference',
            code: 'duplicate_reference',
            params: { reference: result.row.reference, firstLine },
          },
        ],
      };
    this.seen.set(key, line);
    return { kind: 'accepted', row: result.row };
  }
}
