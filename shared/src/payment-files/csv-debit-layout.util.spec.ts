import { CSV_DEBIT_ADAPTER } from './csv-debit-layout.util';
import type { DebitBatchHeader, DebitFileItem } from './debit-file-adapter.type';

const header: DebitBatchHeader = {
  batchId: '12',
  clientCode: 'BCORD',
  clientName: 'Banco Cordillera',
  collectionDate: '2026-12-05',
  currency: 'MXN',
};
const items: DebitFileItem[] = [
  {
    reference: 'DD-12-1',
    accountNumber: 'A-100',
    holderName: 'Ana Pérez; hija',
    holderNationalId: 'PEGA800101MDFRRN09',
    bankCode: '002',
    bankAccount: '012345678901234567',
    amountMinor: 150_050,
    currency: 'MXN',
    dueDate: '2026-12-05',
    attempt: 1,
  },
  {
    reference: 'DD-12-2',
    accountNumber: 'A-200',
    holderName: 'Luis Gómez',
    holderNationalId: 'GOLU750505HDFMSS01',
    bankCode: '014',
    bankAccount: '987654321',
    amountMinor: 7,
    currency: 'MXN',
    dueDate: '2026-11-05',
    attempt: 2,
  },
];

describe('CSV debit layout', () => {
  it('writes the documented batch file', () => {
    expect(CSV_DEBIT_ADAPTER.writeBatch(header, items).split('\n')).toEqual([
      'referencia;cuenta;titular;documento;banco;cuenta_bancaria;monto;moneda;fecha_cobro;intento',
      'DD-12-1;A-100;"Ana Pérez; hija";PEGA800101MDFRRN09;002;012345678901234567;1500.50;MXN;2026-12-05;1',
      'DD-12-2;A-200;Luis Gómez;GOLU750505HDFMSS01;014;987654321;0.07;MXN;2026-11-05;2',
      '',
    ]);
  });

  it('reads a response with columns in any order, and names bad lines', () => {
    const response = [
      'resultado,referencia,codigo_rechazo,monto',
      'PAGADO,DD-12-1,,1500.50',
      'RECHAZADO,DD-12-2,r01,',
      'QUIZAS,DD-12-3,,',
      'RECHAZADO,DD-12-4,,',
    ].join('\r\n');
    expect(CSV_DEBIT_ADAPTER.readResponse(response, 'MXN')).toEqual({
      lines: [
        {
          line: 2,
          reference: 'DD-12-1',
          outcome: 'paid',
          amountMinor: 150_050,
          bankReasonCode: null,
          reasonCode: null,
          paidDate: null,
        },
        {
          line: 3,
          reference: 'DD-12-2',
          outcome: 'rejected',
          amountMinor: null,
          bankReasonCode: 'R01',
          reasonCode: 'R01',
          paidDate: null,
        },
      ],
      problems: [
        { line: 4, column: 'resultado', code: 'bad_outcome', params: { value: 'QUIZAS' } },
        { line: 5, column: 'codigo_rechazo', code: 'required', params: {} },
      ],
    });
  });
});
