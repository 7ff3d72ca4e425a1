/** What a column of a debtor file can feed. Required ones must be mapped before an import starts. */
export const IMPORT_FIELDS = [
  'accountNumber',
  'balance',
  'originalAmount',
  'dueDate',
  'daysPastDue',
  'monthsPastDue',
  'product',
  'sector',
  'red',
  'zona',
  'score',
  'nationalId',
  'fullName',
  'firstName',
  'lastName',
  'phone1',
  'phone2',
  'phone3',
  'email',
  'address',
  'timeZone',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['accountNumber', 'balance'];

/** A saved mapping: which column of the file feeds each field (absent = not imported). */
export type ColumnMapping = Partial<Record<ImportField, string>>;

export interface ImportMappingPreset {
  name: string;
  description: string;
  mapping: ColumnMapping;
}

/**
 * The public UCI "default of credit card clients" file (see shared/data/README.md): balance is
 * BILL_AMT1, months of delay PAY_0 (×30 days when positive), limit as original amount.
 */
export const UCI_CREDIT_CARD_PRESET: ImportMappingPreset = {
  name: 'uci-credit-card',
  description: 'UCI default of credit card clients (Taiwan, 2005)',
  mapping: {
    accountNumber: 'ID',
    balance: 'BILL_AMT1',
    originalAmount: 'LIMIT_BAL',
    monthsPastDue: 'PAY_0',
  },
};

export const IMPORT_MAPPING_PRESETS: readonly ImportMappingPreset[] = [UCI_CREDIT_CARD_PRESET];

export function isImportField(value: string): value is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(value);
}

/** Returns the mapping problems that would stop an import: required fields and unknown columns. */
export function checkMapping(mapping: ColumnMapping, header: readonly string[]): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_IMPORT_FIELDS) {
    if (!mapping[field]) problems.push(`required field "${field}" is not mapped`);
  }
  for (const [field, column] of Object.entries(mapping)) {
    if (!isImportField(field)) problems.push(`unknown field "${field}"`);
    else if (column && !header.includes(column))
      problems.push(`column "${column}" (for ${field}) is not in the file`);
  }
  return problems;
}
