import { CSV_DEBIT_ADAPTER } from './csv-debit-layout.util';
import type { DebitFileAdapter } from './debit-file-adapter.type';
import { FIXED_WIDTH_120_DEBIT_ADAPTER } from './fixed-width-debit-layout.util';

/** Every bank layout a debit batch can be written in; a new bank's layout is one more entry. */
export const DEBIT_FILE_ADAPTERS: readonly DebitFileAdapter[] = [
  CSV_DEBIT_ADAPTER,
  FIXED_WIDTH_120_DEBIT_ADAPTER,
];

export const DEBIT_ADAPTER_NAMES = DEBIT_FILE_ADAPTERS.map((adapter) => adapter.name);

export function debitFileAdapter(name: string): DebitFileAdapter | null {
  return DEBIT_FILE_ADAPTERS.find((adapter) => adapter.name === name) ?? null;
}
