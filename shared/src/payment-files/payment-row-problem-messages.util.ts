import type { Locale } from '../contracts/auth.type';
import type { PaymentRowProblem, PaymentRowProblemCode } from './payment-row-problem.type';

const MESSAGES: Readonly<Record<Locale, Readonly<Record<PaymentRowProblemCode, string>>>> = {
  es: {
    required: 'es obligatorio',
    not_amount: '"{value}" no es un monto en {currency}',
    not_positive: 'el monto {value} debe ser mayor que cero',
    not_date: '"{value}" no es una fecha ({format})',
    future_date: 'la fecha {value} es futura',
    bad_account_number: '"{value}" no es un número de cuenta válido',
    bad_reference: '"{value}" no es una referencia válida (letras, dígitos y . : / # - _, hasta 80)',
    unknown_client: 'el cliente "{value}" no existe',
    bad_channel: '"{value}" no es un canal de archivo (banco o caja)',
    too_many_values: 'la línea tiene {values} valores y el encabezado {columns} columnas',
    line_too_short: 'la línea termina antes del campo (tiene {length} caracteres)',
    duplicate_reference: 'la referencia {reference} está repetida (primero en la línea {firstLine})',
    unknown_account: 'la cuenta {account} no existe para el cliente {client}',
    reference_conflict: 'la referencia {reference} ya es otro pago',
    posting_refused: 'el pago fue rechazado: {message}',
    unknown_item: 'la referencia {reference} no es de este lote',
    bad_outcome: '"{value}" no es un resultado (PAGADO o RECHAZADO)',
    amount_mismatch: 'el monto {value} no es el del débito ({expected})',
    already_answered: 'el débito {reference} ya tenía respuesta ({status})',
  },
  en: {
    required: 'is required',
    not_amount: '"{value}" is not an amount in {currency}',
    not_positive: 'the amount {value} must be greater than zero',
    not_date: '"{value}" is not a date ({format})',
    future_date: 'the date {value} is in the future',
    bad_account_number: '"{value}" is not a valid account number',
    bad_reference: '"{value}" is not a valid reference (letters, digits and . : / # - _, up to 80)',
    unknown_client: 'client "{value}" does not exist',
    bad_channel: '"{value}" is not a file channel (bank or cashier)',
    too_many_values: 'the line has {values} values but the header has {columns} columns',
    line_too_short: 'the line ends before the field (it has {length} characters)',
    duplicate_reference: 'reference {reference} is repeated (first on line {firstLine})',
    unknown_account: 'account {account} does not exist for client {client}',
    reference_conflict: 'reference {reference} is already another payment',
    posting_refused: 'the payment was refused: {message}',
    unknown_item: 'reference {reference} is not part of this batch',
    bad_outcome: '"{value}" is not an outcome (PAID or REJECTED)',
    amount_mismatch: 'the amount {value} is not the debit’s ({expected})',
    already_answered: 'debit {reference} had been answered already ({status})',
  },
};

/** Words a payment-file problem in the reader's language. */
export function describePaymentRowProblem(
  problem: Pick<PaymentRowProblem, 'code' | 'params'>,
  locale: Locale,
): string {
  return MESSAGES[locale][problem.code].replace(/\{(\w+)\}/g, (_, key: string) =>
    String(problem.params[key] ?? `{${key}}`),
  );
}
