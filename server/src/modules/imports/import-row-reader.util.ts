import {
  mapImportRow,
  type ColumnMapping,
  type ImportContext,
  type MappedRow,
  type RowProblem,
} from '@recupera/shared';

export type RowVerdict =
  | { kind: 'skipped' }
  | { kind: 'rejected'; problems: RowProblem[] }
  | { kind: 'accepted'; row: MappedRow };

/** Numeric account numbers are kept as numbers: a million of them then costs a third of the memory. */
function duplicateKey(accountNumber: string): string | number {
  return /^[1-9]\d{0,14}$/.test(accountNumber) ? Number(accountNumber) : accountNumber;
}

/**
 * Turns the rows of one file into verdicts: blank rows skipped, rows with stray values or invalid
 * fields rejected with every reason, and an account number seen before rejected as a repeat of its
 * first line. Keeps only the account numbers, so memory grows by a few bytes a row.
 */
export class ImportRowReader {
  private readonly columns: string[];
  private readonly indexes: number[];
  private readonly accountColumn: string;
  private readonly seen = new Map<string | number, number>();

  constructor(
    private readonly header: readonly string[],
    private readonly mapping: ColumnMapping,
    private readonly context: ImportContext,
  ) {
    this.columns = Object.values(mapping).filter((c): c is string => Boolean(c));
    this.indexes = this.columns.map((column) => header.indexOf(column));
    this.accountColumn = mapping.accountNumber ?? 'accountNumber';
  }

  read(line: number, cells: readonly string[]): RowVerdict {
    if (cells.length > this.header.length && cells.slice(this.header.length).some((c) => c.trim() !== '')) {
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
    }
    if (cells.every((c) => c.trim() === '')) return { kind: 'skipped' };
    const record: Record<string, string> = {};
    for (let i = 0; i < this.columns.length; i++) record[this.columns[i]] = cells[this.indexes[i]] ?? '';
    const result = mapImportRow(record, this.mapping, this.context);
    if (!result.ok) return { kind: 'rejected', problems: result.problems };
    const key = duplicateKey(result.row.accountNumber);
    const firstLine = this.seen.get(key);
    if (firstLine !== undefined) {
      return {
        kind: 'rejected',
        problems: [
          {
            column: this.accountColumn,
            code: 'duplicate_account',
            params: { account: result.row.accountNumber, firstLine },
          },
        ],
      };
    }
    this.seen.set(key, line);
    return { kind: 'accepted', row: result.row };
  }
}
