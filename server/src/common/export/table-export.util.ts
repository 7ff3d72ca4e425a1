import { minorToMajorString } from '@recupera/shared';
import { Workbook } from 'exceljs';

/** How a column's values are written: money (minor units of `currency`), a ratio, a count, text. */
export type ExportColumnKind = 'money' | 'rate' | 'number' | 'text';

export interface ExportColumn {
  key: string;
  header: string;
  kind: ExportColumnKind;
}

export interface ExportTable {
  /** The sheet's name and the file's base name. */
  name: string;
  currency: string;
  columns: ExportColumn[];
  rows: Record<string, string | number | null>[];
}

const CSV_FORMULA = /^[=+\-@\t\r]/;

/** Quotes a CSV cell and defuses spreadsheet formulas a malicious value could have planted. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && CSV_FORMULA.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Money as an exact decimal in major units ("1234.50"), ratios with 4 decimals, empty for none. */
function csvValue(value: string | number | null, kind: ExportColumnKind, currency: string): string {
  if (value === null) return '';
  if (kind === 'money') return minorToMajorString(Number(value), currency);
  if (kind === 'rate') return Number(value).toFixed(4);
  return csvCell(value);
}

export function toCsv(table: ExportTable): string {
  const lines = [table.columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of table.rows)
    lines.push(table.columns.map((c) => csvValue(row[c.key] ?? null, c.kind, table.currency)).join(','));
  // A BOM so Excel opens accented headers (Recuperación, Índice) as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.columns = table.columns.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(12, c.header.length + 2),
    style:
      c.kind === 'money'
        ? { numFmt: '#,##0.00' }
        : c.kind === 'rate'
          ? { numFmt: '0.0%' }
          : c.kind === 'number'
            ? { numFmt: '#,##0' }
            : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const values: Record<string, string | number | null> = {};
    for (const c of table.columns) {
      const value = row[c.key] ?? null;
      values[c.key] =
        value === null
          ? null
          : c.kind === 'money'
            ? Number(minorToMajorString(Number(value), table.currency))
            : value;
    }
    sheet.addRow(values);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
