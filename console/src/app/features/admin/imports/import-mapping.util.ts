import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  checkMapping,
  type ColumnMapping,
  type ImportField,
} from '@recupera/shared';

/** "Número de Cuenta", "numero_cuenta" and "NUMEROCUENTA" all compare as "numerocuenta". */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Spanish headers as collection files usually write them, for fields whose name they don't match. */
const SYNONYMS: Readonly<Partial<Record<ImportField, readonly string[]>>> = {
  accountNumber: [
    'cuenta',
    'numerocuenta',
    'nrocuenta',
    'nocuenta',
    'obligacion',
    'numeroobligacion',
    'account',
    'accountno',
  ],
  balance: ['saldo', 'saldototal', 'saldoactual', 'deuda'],
  originalAmount: ['montooriginal', 'valororiginal', 'montoinicial', 'capitaloriginal'],
  dueDate: ['fechavencimiento', 'vencimiento', 'fechavenc'],
  daysPastDue: ['diasmora', 'diasdemora', 'dpd', 'diasvencidos'],
  monthsPastDue: ['mesesmora', 'mesesdemora'],
  product: ['producto'],
  score: ['puntaje', 'puntuacion'],
  nationalId: [
    'documento',
    'numerodocumento',
    'cedula',
    'identificacion',
    'dni',
    'rut',
    'rfc',
    'curp',
    'nit',
    'ruc',
  ],
  fullName: ['nombre', 'nombrecompleto', 'name', 'titular', 'deudor', 'razonsocial'],
  firstName: ['nombres', 'primernombre'],
  lastName: ['apellidos', 'apellido'],
  phone1: ['telefono', 'telefono1', 'celular', 'movil', 'phone', 'tel1'],
  phone2: ['telefono2', 'tel2', 'telefonofijo', 'fijo'],
  phone3: ['telefono3', 'tel3'],
  email: ['correo', 'correoelectronico', 'mail', 'emailaddress'],
  address: ['direccion', 'domicilio'],
  timeZone: ['zonahoraria', 'tz', 'timezone'],
};

/**
 * Maps each field to the column whose name equals the field's (ignoring case, accents and
 * separators), then to a known Spanish synonym. A column feeds at most one field.
 */
export function autoMatch(header: readonly string[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const column of header) {
    const key = normalizeColumnName(column);
    if (key && !byName.has(key)) byName.set(key, column);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  const claim = (field: ImportField, key: string): boolean => {
    const column = byName.get(key);
    if (!column || used.has(column)) return false;
    mapping[field] = column;
    used.add(column);
    return true;
  };
  // Exact names first, so a "telefono2" column is not taken by phone1's synonyms before phone2 looks.
  for (const field of IMPORT_FIELDS) claim(field, normalizeColumnName(field));
  for (const field of IMPORT_FIELDS) {
    if (mapping[field]) continue;
    for (const synonym of SYNONYMS[field] ?? []) if (claim(field, synonym)) break;
  }
  return mapping;
}

export interface AppliedTemplate {
  mapping: ColumnMapping;
  /** Columns the template names that this file does not have. */
  missingColumns: string[];
}

/** A preset or saved mapping, keeping only the columns this file actually has. */
export function applyTemplate(template: ColumnMapping, header: readonly string[]): AppliedTemplate {
  const mapping: ColumnMapping = {};
  const missingColumns: string[] = [];
  for (const field of IMPORT_FIELDS) {
    const column = template[field];
    if (!column) continue;
    if (header.includes(column)) mapping[field] = column;
    else missingColumns.push(column);
  }
  return { mapping, missingColumns };
}

export function missingRequired(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => !mapping[field]);
}

export function isRequired(field: ImportField): boolean {
  return REQUIRED_IMPORT_FIELDS.includes(field);
}

/** The mapping as the API wants it: only mapped fields. */
export function compactMapping(mapping: ColumnMapping): ColumnMapping {
  const result: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column) result[field] = column;
  }
  return result;
}

/** Ready to start: required fields mapped and every column present (the server checks the same). */
export function mappingReady(mapping: ColumnMapping, header: readonly string[]): boolean {
  return checkMapping(compactMapping(mapping), header).length === 0;
}
