import { UCI_CREDIT_CARD_PRESET } from '@recupera/shared';
import {
  applyTemplate,
  autoMatch,
  compactMapping,
  isRequired,
  mappingReady,
  missingRequired,
  normalizeColumnName,
} from './import-mapping.util';

describe('import mapping builder', () => {
  describe('normalizeColumnName', () => {
    it('ignores case, accents, spaces and separators', () => {
      expect(normalizeColumnName('Número de Cuenta')).toBe('numerodecuenta');
      expect(normalizeColumnName('account_number')).toBe('accountnumber');
      expect(normalizeColumnName(' Days-Past-Due ')).toBe('dayspastdue');
    });
  });

  describe('autoMatch', () => {
    it('maps columns whose name equals the field', () => {
      expect(autoMatch(['accountNumber', 'balance', 'dueDate', 'email'])).toEqual({
        accountNumber: 'accountNumber',
        balance: 'balance',
        dueDate: 'dueDate',
        email: 'email',
      });
    });

    it('matches regardless of case and separators, keeping the file spelling', () => {
      expect(autoMatch(['ACCOUNT_NUMBER', 'Balance', 'full name'])).toEqual({
        accountNumber: 'ACCOUNT_NUMBER',
        balance: 'Balance',
        fullName: 'full name',
      });
    });

    it('understands the usual Spanish headers', () => {
      expect(
        autoMatch(['Cuenta', 'Saldo', 'Cédula', 'Teléfono', 'Teléfono 2', 'Correo', 'Días Mora']),
      ).toEqual({
        accountNumber: 'Cuenta',
        balance: 'Saldo',
        nationalId: 'Cédula',
        phone1: 'Teléfono',
        phone2: 'Teléfono 2',
        email: 'Correo',
        daysPastDue: 'Días Mora',
      });
    });

    it('prefers an exact field name over a synonym and uses each column once', () => {
      const mapping = autoMatch(['phone1', 'telefono', 'phone2']);
      expect(mapping.phone1).toBe('phone1');
      expect(mapping.phone2).toBe('phone2');
      expect(Object.values(mapping).filter((column) => column === 'telefono')).toHaveLength(0);
    });

    it('leaves unknown columns unmapped', () => {
      expect(autoMatch(['ID', 'LIMIT_BAL', 'SEX'])).toEqual({});
    });
  });

  describe('required fields', () => {
    it('knows account number and balance are required', () => {
      expect(isRequired('accountNumber')).toBe(true);
      expect(isRequired('balance')).toBe(true);
      expect(isRequired('email')).toBe(false);
    });

    it('lists the required fields still unmapped', () => {
      expect(missingRequired({})).toEqual(['accountNumber', 'balance']);
      expect(missingRequired({ accountNumber: 'ID' })).toEqual(['balance']);
      expect(missingRequired({ accountNumber: 'ID', balance: 'BILL_AMT1' })).toEqual([]);
    });

    it('is ready only with required fields mapped to columns the file has', () => {
      const header = ['ID', 'BILL_AMT1'];
      expect(mappingReady({ accountNumber: 'ID' }, header)).toBe(false);
      expect(mappingReady({ accountNumber: 'ID', balance: 'BILL_AMT1' }, header)).toBe(true);
      expect(mappingReady({ accountNumber: 'ID', balance: 'BILL_AMT2' }, header)).toBe(false);
      expect(mappingReady({ accountNumber: 'ID', balance: 'BILL_AMT1', email: '' }, header)).toBe(true);
    });
  });

  describe('applyTemplate', () => {
    it('pre-fills from a preset, reporting the columns the file lacks', () => {
      const applied = applyTemplate(UCI_CREDIT_CARD_PRESET.mapping, ['ID', 'LIMIT_BAL', 'BILL_AMT1']);
      expect(applied.mapping).toEqual({
        accountNumber: 'ID',
        balance: 'BILL_AMT1',
        originalAmount: 'LIMIT_BAL',
      });
      expect(applied.missingColumns).toEqual(['PAY_0']);
    });
  });

  it('sends only mapped fields to the API', () => {
    expect(compactMapping({ accountNumber: 'ID', balance: '', email: undefined })).toEqual({
      accountNumber: 'ID',
    });
  });
});
