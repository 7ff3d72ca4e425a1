import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeductionFileStatus, IsoDate, PaymentLineProblem, WithheldLine } from '@recupera/shared';
import { DataSource } from 'typeorm';
import type { Tx } from '../../database/unit-of-work.service';

type Raw = Record<string, unknown>;

export interface EmployerRow {
  id: string;
  name: string;
  taxId: string;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  currency: string;
  employees: number;
  createdAt: Date;
}

export interface EmployeeRow {
  id: string;
  employerId: string;
  accountId: string;
  accountNumber: string;
  clientCode: string;
  debtorName: string;
  nationalId: string;
  employeeNumber: string | null;
}

export interface DeductionFileRow {
  id: string;
  employerId: string;
  employerName: string;
  period: IsoDate;
  status: DeductionFileStatus;
  currency: string;
  lines: number;
  requestedMinor: number;
  withheldMinor: number | null;
  withheldSha256: string | null;
  withheldProblems: PaymentLineProblem[];
  createdAt: Date;
  withheldAt: Date | null;
}

export interface DeductionLineRow {
  id: string;
  accountId: string;
  reference: string;
  employeeNumber: string | null;
  nationalId: string;
  fullName: string;
  accountNumber: string;
  requestedMinor: number;
  paymentId: string | null;
}

export interface DeductionCandidate {
  accountId: string;
  employeeNumber: string | null;
  accountNumber: string;
  nationalId: string;
  fullName: string;
  requestedMinor: number;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const EMPLOYER_SELECT = `SELECT e.id, e.name, e.tax_id, e.contact_name, e.contact_email, e.contact_phone, e.currency,
  e.created_at, (SELECT COUNT(*) FROM employer_employees ee WHERE ee.employer_id = e.id) AS employees FROM employers e`;

function toEmployer(r: Raw): EmployerRow {
  return {
    id: String(r['id']),
    name: String(r['name']),
    taxId: String(r['tax_id']),
    contactName: str(r['contact_name']),
    contactEmail: str(r['contact_email']),
    contactPhone: str(r['contact_phone']),
    currency: String(r['currency']),
    employees: Number(r['employees']),
    createdAt: r['created_at'] as Date,
  };
}

const FILE_SELECT = `SELECT f.id, f.employer_id, e.name AS employer_name, f.period, f.status, f.currency,
  f.withheld_sha256, f.withheld_problems, f.created_at, f.withheld_at,
  (SELECT COUNT(*) FROM payroll_deduction_lines l WHERE l.file_id = f.id) AS line_count,
  (SELECT COALESCE(SUM(l.requested_minor), 0) FROM payroll_deduction_lines l WHERE l.file_id = f.id) AS requested,
  (SELECT SUM(w.amount_minor) FROM payroll_withholdings w WHERE w.file_id = f.id) AS withheld
  FROM payroll_deduction_files f JOIN employers e ON e.id = f.employer_id`;

function toFile(r: Raw): DeductionFileRow {
  return {
    id: String(r['id']),
    employerId: String(r['employer_id']),
    employerName: String(r['employer_name']),
    period: String(r['period']).slice(0, 10),
    status: r['status'] as DeductionFileStatus,
    currency: String(r['currency']),
    lines: Number(r['line_count']),
    requestedMinor: Number(r['requested']),
    withheldMinor: r['status'] === 'withheld' ? Number(r['withheld'] ?? 0) : null,
    withheldSha256: str(r['withheld_sha256']),
    withheldProblems: r['withheld_problems'] ? json<PaymentLineProblem[]>(r['withheld_problems']) : [],
    createdAt: r['created_at'] as Date,
    withheldAt: (r['withheld_at'] as Date | null) ?? null,
  };
}

/** Employers, their employees' accounts, deduction files and what the employers withheld. */
@Injectable()
export class PayrollRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  // ── Employers ──

  async employers(): Promise<EmployerRow[]> {
    return ((await this.dataSource.query(`${EMPLOYER_SELECT} ORDER BY e.name`)) as Raw[]).map(toEmployer);
  }

  async employer(id: string, tx?: Tx, lock = false): Promise<EmployerRow | null> {
    const [row] = (await (tx ?? this.dataSource).query(
      `${EMPLOYER_SELECT} WHERE e.id = ? ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    )) as Raw[];
    return row ? toEmployer(row) : null;
  }

  async insertEmployer(
    tx: Tx,
    e: Omit<EmployerRow, 'id' | 'employees' | 'createdAt'> & { createdBy: string },
  ): Promise<string> {
    const result = (await tx.query(
      `INSERT INTO employers (name, tax_id, contact_name, contact_email, contact_phone, currency, created_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [e.name, e.taxId, e.contactName, e.contactEmail, e.contactPhone, e.currency, e.createdBy],
    )) as { insertId: number };
    return String(result.insertId);
  }

  async updateEmployer(
    tx: Tx,
    id: string,
    e: Omit<EmployerRow, 'id' | 'employees' | 'createdAt'>,
  ): Promise<void> {
    await tx.query(
      `UPDATE employers SET name = ?, tax_id = ?, contact_name = ?, contact_email = ?, contact_phone = ?, currency = ?,
         updated_at = UTC_TIMESTAMP(3) WHERE id = ?`,
      [e.name, e.taxId, e.contactName, e.contactEmail, e.contactPhone, e.currency, id],
    );
  }

  // ── Employees ──

  async account(clientId: string, accountNumber: string): Promise<{ id: string; currency: string } | null> {
    const [row] = (await this.dataSource.query(
      'SELECT id, currency FROM accounts WHERE client_id = ? AND account_number = ?',
      [clientId, accountNumber],
    )) as Raw[];
    return row ? { id: String(row['id']), currency: String(row['currency']) } : null;
  }

  async employees(employerId: string, linkId?: string): Promise<EmployeeRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT ee.id, ee.employer_id, ee.account_id, a.account_number, c.code AS client_code,
              COALESCE(d.full_name, '') AS debtor_name, COALESCE(d.national_id, '') AS national_id, ee.employee_number
         FROM employer_employees ee JOIN accounts a ON a.id = ee.account_id JOIN clients c ON c.id = a.client_id
         JOIN debtors d ON d.id = a.debtor_id
        WHERE ee.employer_id = ? ${linkId ? 'AND ee.id = ?' : ''} ORDER BY d.full_name, a.account_number`,
      linkId ? [employerId, linkId] : [employerId],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      employerId: String(r['employer_id']),
      accountId: String(r['account_id']),
      accountNumber: String(r['account_number']),
      clientCode: String(r['client_code']),
      debtorName: String(r['debtor_name']),
      nationalId: String(r['national_id']),
      employeeNumber: str(r['employee_number']),
    }));
  }

  async link(
    tx: Tx,
    employerId: string,
    accountId: string,
    employeeNumber: string | null,
    by: string,
  ): Promise<string> {
    const result = (await tx.query(
      'INSERT INTO employer_employees (employer_id, account_id, employee_number, created_by) VALUES (?, ?, ?, ?)',
      [employerId, accountId, employeeNumber, by],
    )) as { insertId: number };
    return String(result.insertId);
  }

  async unlink(tx: Tx, linkId: string): Promise<void> {
    await tx.query('DELETE FROM employer_employees WHERE id = ?', [linkId]);
  }

  // ── Deduction files ──

  /**
   * What each employee's account owes on installments due in the month: the open part of each
   * installment of an active agreement, in the employer's currency.
   */
  async candidates(
    tx: Tx,
    employerId: string,
    currency: string,
    from: IsoDate,
    to: IsoDate,
  ): Promise<DeductionCandidate[]> {
    const rows = (await tx.query(
      `SELECT ee.account_id, ee.employee_number, a.account_number, COALESCE(d.national_id, '') AS national_id,
              COALESCE(d.full_name, '') AS full_name, SUM(i.amount_minor - i.paid_minor) AS requested
         FROM employer_employees ee
         JOIN accounts a ON a.id = ee.account_id AND a.currency = ?
         JOIN debtors d ON d.id = a.debtor_id
         JOIN agreements ag ON ag.account_id = a.id AND ag.status = 'active'
         JOIN installments i ON i.agreement_id = ag.id AND i.status IN ('pending', 'partial')
              AND i.due_date BETWEEN ? AND ?
        WHERE ee.employer_id = ?
        GROUP BY ee.id, ee.account_id, ee.employee_number, a.account_number, d.national_id, d.full_name
        HAVING requested > 0
        ORDER BY a.account_number`,
      [currency, from, to, employerId],
    )) as Raw[];
    return rows.map((r) => ({
      accountId: String(r['account_id']),
      employeeNumber: str(r['employee_number']),
      accountNumber: String(r['account_number']),
      nationalId: String(r['national_id']),
      fullName: String(r['full_name']),
      requestedMinor: Number(r['requested']),
    }));
  }

  async fileOf(
    tx: Tx,
    employerId: string,
    period: IsoDate,
  ): Promise<{ id: string; status: DeductionFileStatus } | null> {
    const [row] = (await tx.query(
      'SELECT id, status FROM payroll_deduction_files WHERE employer_id = ? AND period = ? FOR UPDATE',
      [employerId, period],
    )) as Raw[];
    return row ? { id: String(row['id']), status: row['status'] as DeductionFileStatus } : null;
  }

  async insertFile(
    tx: Tx,
    employerId: string,
    period: IsoDate,
    currency: string,
    by: string,
  ): Promise<string> {
    const result = (await tx.query(
      'INSERT INTO payroll_deduction_files (employer_id, period, currency, created_by) VALUES (?, ?, ?, ?)',
      [employerId, period, currency, by],
    )) as { insertId: number };
    return String(result.insertId);
  }

  /** Replaces a file's lines (a file is regenerated only before anything was withheld). */
  async replaceLines(tx: Tx, fileId: string, lines: readonly DeductionCandidate[]): Promise<void> {
    await tx.query('DELETE FROM payroll_deduction_lines WHERE file_id = ?', [fileId]);
    if (lines.length === 0) return;
    await tx.query(
      `INSERT INTO payroll_deduction_lines (file_id, account_id, reference, employee_number, national_id, full_name,
         account_number, requested_minor) VALUES ?`,
      [
        lines.map((l, index) => [
          fileId,
          l.accountId,
          `PR-${fileId}-${index + 1}`,
          l.employeeNumber,
          l.nationalId.slice(0, 30),
          l.fullName.slice(0, 120),
          l.accountNumber,
          l.requestedMinor,
        ]),
      ],
    );
  }

  async file(id: string, tx?: Tx): Promise<DeductionFileRow | null> {
    const [row] = (await (tx ?? this.dataSource).query(`${FILE_SELECT} WHERE f.id = ?`, [id])) as Raw[];
    return row ? toFile(row) : null;
  }

  async files(employerId: string): Promise<DeductionFileRow[]> {
    const rows = (await this.dataSource.query(
      `${FILE_SELECT} WHERE f.employer_id = ? ORDER BY f.period DESC`,
      [employerId],
    )) as Raw[];
    return rows.map(toFile);
  }

  async lockFile(tx: Tx, id: string): Promise<void> {
    await tx.query('SELECT id FROM payroll_deduction_files WHERE id = ? FOR UPDATE', [id]);
  }

  async lines(fileId: string): Promise<DeductionLineRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, account_id, reference, employee_number, national_id, full_name, account_number, requested_minor,
              payment_id FROM payroll_deduction_lines WHERE file_id = ? ORDER BY id`,
      [fileId],
    )) as Raw[];
    return rows.map((r) => ({
      id: String(r['id']),
      accountId: String(r['account_id']),
      reference: String(r['reference']),
      employeeNumber: str(r['employee_number']),
      nationalId: String(r['national_id']),
      fullName: String(r['full_name']),
      accountNumber: String(r['account_number']),
      requestedMinor: Number(r['requested_minor']),
      paymentId: str(r['payment_id']),
    }));
  }

  async withholdings(fileId: string): Promise<WithheldLine[]> {
    const rows = (await this.dataSource.query(
      'SELECT line, reference, national_id, account_number, amount_minor FROM payroll_withholdings WHERE file_id = ? ORDER BY line',
      [fileId],
    )) as Raw[];
    return rows.map((r) => ({
      line: Number(r['line']),
      reference: str(r['reference']),
      nationalId: str(r['national_id']),
      accountNumber: str(r['account_number']),
      amountMinor: Number(r['amount_minor']),
    }));
  }

  async saveWithheld(
    tx: Tx,
    fileId: string,
    upload: {
      fileName: string;
      sha256: string;
      problems: readonly PaymentLineProblem[];
      lines: readonly WithheldLine[];
    },
    at: Date,
  ): Promise<void> {
    if (upload.lines.length > 0)
      await tx.query(
        'INSERT INTO payroll_withholdings (file_id, line, reference, national_id, account_number, amount_minor) VALUES ?',
        [
          upload.lines.map((w) => [
            fileId,
            w.line,
            w.reference?.slice(0, 80) ?? null,
            w.nationalId?.slice(0, 30) ?? null,
            w.accountNumber?.slice(0, 40) ?? null,
            w.amountMinor,
          ]),
        ],
      );
    await tx.query(
      `UPDATE payroll_deduction_files SET status = 'withheld', withheld_file_name = ?, withheld_sha256 = ?,
         withheld_problems = ?, withheld_at = ? WHERE id = ?`,
      [upload.fileName, upload.sha256, JSON.stringify(upload.problems), at, fileId],
    );
  }

  async setProblems(fileId: string, problems: readonly PaymentLineProblem[]): Promise<void> {
    await this.dataSource.query('UPDATE payroll_deduction_files SET withheld_problems = ? WHERE id = ?', [
      JSON.stringify(problems),
      fileId,
    ]);
  }

  async setLinePayment(lineId: string, paymentId: string): Promise<void> {
    await this.dataSource.query('UPDATE payroll_deduction_lines SET payment_id = ? WHERE id = ?', [
      paymentId,
      lineId,
    ]);
  }
}
