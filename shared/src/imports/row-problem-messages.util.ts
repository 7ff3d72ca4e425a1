import type { Locale } from '../contracts/auth.type';
import type { RowProblem, RowProblemCode } from './row-problem.type';

const MESSAGES: Readonly<Record<Locale, Readonly<Record<RowProblemCode, string>>>> = {
  es: {
    required: 'es obligatorio',
    too_long: 'tiene más de {max} caracteres',
    not_amount: '"{value}" no es un monto en {currency}',
    negative_amount: 'monto negativo {value} (un saldo a favor no es una deuda)',
    bad_account_number: '"{value}" no es un número de cuenta válido',
    not_date: '"{value}" no es una fecha (AAAA-MM-DD o DD/MM/AAAA)',
    not_days: '"{value}" no es un número de días',
    not_months: '"{value}" no es un número de meses',
    not_score: '"{value}" no es un puntaje de 0 a 1000',
    bad_national_id: '"{value}" no es un documento de identidad válido',
    bad_phone: '"{value}" no es un teléfono válido de {region}',
    bad_email: '"{value}" no es un correo electrónico',
    bad_time_zone: '"{value}" no es una zona horaria IANA',
    too_many_values: 'la fila tiene {values} valores y el encabezado {columns} columnas',
    duplicate_account: 'la cuenta {account} está repetida (primero en la línea {firstLine})',
  },
  en: {
    required: 'is required',
    too_long: 'is longer than {max} characters',
    not_amount: '"{value}" is not an amount in {currency}',
    negative_amount: 'negative amount {value} (a credit balance is not a debt)',
    bad_account_number: '"{value}" is not a valid account number',
    not_date: '"{value}" is not a date (YYYY-MM-DD or DD/MM/YYYY)',
    not_days: '"{value}" is not a number of days',
    not_months: '"{value}" is not a number of months',
    not_score: '"{value}" is not a score from 0 to 1000',
    bad_national_id: '"{value}" is not a valid national id',
    bad_phone: '"{value}" is not a valid phone number for {region}',
    bad_email: '"{value}" is not an e-mail address',
    bad_time_zone: '"{value}" is not an IANA time zone',
    too_many_values: 'the row has {values} values but the header has {columns} columns',
    duplicate_account: 'account {account} is repeated (first on line {firstLine})',
  },
};

/** Words a row problem in the reader's language. */
export function describeRowProblem(problem: Pick<RowProblem, 'code' | 'params'>, locale: Locale): string {
  return MESSAGES[locale][problem.code].replace(/\{(\w+)\}/g, (_, key: string) =>
    String(problem.params[key] ?? `{${key}}`),
  );
}
