import { HttpStatus, Injectable } from '@nestjs/common';
import {
  addDays,
  addMonths,
  describePaymentRowProblem,
  readWithheldFile,
  reconcilePayroll,
  writeDeductionFile,
  type DeductionFileResponse,
  type IsoDate,
  type Locale,
  type PaymentLineProblem,
  type ReconciliationResponse,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { uploadedText, type UploadedMemoryFile } from '../payment-files/uploaded-text.util';
import { PaymentsService } from '../payments/payments.service';
import { toDeductionFileResponse } from './payroll.mapper';
import { PayrollRepository, type DeductionFileRow } from './payroll.repository';

/**
 * Payroll deduction (descuento vía nómina): each month, the installments due on an employer's
 * employees' accounts go to it as one deduction file; what it says it withheld is matched back line
 * by line, applied as payments under each line's reference, and the differences listed.
 */
@Injectable()
export class PayrollDeductionsService {
  constructor(
    private readonly payroll: PayrollRepository,
    private readonly payments: PaymentsService,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The month's file; generated again (its lines recomputed) until the withheld file arrives. */
  async generate(
    user: AuthUser,
    employerId: string,
    period: string,
    ip: string | null,
  ): Promise<DeductionFileResponse> {
    const from: IsoDate = `${period}-01`;
    const to = addDays(addMonths(from, 1), -1);
    const id = await this.uow.run(async (tx) => {
      const employer = await this.payroll.employer(employerId, tx, true);
      if (!employer) throw AppException.notFound('Employer');
      const existing = await this.payroll.fileOf(tx, employerId, from);
      if (existing?.status === 'withheld')
        throw AppException.conflict(
          'The withheld file of that month was loaded already; its deductions are final',
        );
      const lines = await this.payroll.candidates(tx, employerId, employer.currency, from, to);
      if (lines.length === 0)
        throw AppException.invalid('No installment of this employer’s employees is due that month');
      const fileId =
        existing?.id ?? (await this.payroll.insertFile(tx, employerId, from, employer.currency, user.id));
      await this.payroll.replaceLines(tx, fileId, lines);
      await this.audit.record(
        {
          actor: user,
          action: existing ? 'payroll-deduction.regenerated' : 'payroll-deduction.generated',
          entityType: 'payroll_deduction_file',
          entityId: fileId,
          after: {
            employerId,
            period,
            lines: lines.length,
            requestedMinor: lines.reduce((sum, l) => sum + l.requestedMinor, 0),
            currency: employer.currency,
          },
          ip,
        },
        tx,
      );
      return fileId;
    });
    return toDeductionFileResponse(await this.row(id));
  }

  async list(employerId: string): Promise<DeductionFileResponse[]> {
    return (await this.payroll.files(employerId)).map(toDeductionFileResponse);
  }

  async download(id: string): Promise<{ fileName: string; content: string }> {
    const file = await this.row(id);
    const lines = await this.payroll.lines(id);
    return {
      fileName: `nomina-${file.employerId}-${file.period.slice(0, 7)}.csv`,
      content: writeDeductionFile(
        file.period,
        lines.map((l) => ({
          reference: l.reference,
          employeeNumber: l.employeeNumber ?? '',
          nationalId: l.nationalId,
          fullName: l.fullName,
          accountNumber: l.accountNumber,
          requestedMinor: l.requestedMinor,
          currency: file.currency,
        })),
      ),
    };
  }

  /**
   * Loads what the employer withheld: once per month (the same file again only re-applies what
   * had not been applied yet, which posting by reference makes harmless), then applies every
   * amount matched to a line as a payroll payment of that line's account.
   */
  async withheld(
    user: AuthUser,
    id: string,
    file: UploadedMemoryFile | undefined,
    locale: Locale,
    ip: string | null,
  ): Promise<ReconciliationResponse> {
    const upload = uploadedText(file);
    const current = await this.row(id);
    if (current.status === 'withheld' && current.withheldSha256 !== upload.sha256)
      throw AppException.conflict('Another withheld file was loaded for this month already');
    if (current.status === 'requested') {
      const read = readWithheldFile(upload.text, current.currency);
      if (read.lines.length === 0 && read.problems.some((p) => p.line === 1))
        throw AppException.invalid(
          'The withheld file needs a header with monto_retenido and referencia, documento or cuenta',
          { problems: read.problems },
        );
      await this.uow.run(async (tx) => {
        await this.payroll.lockFile(tx, id);
        const locked = await this.payroll.file(id, tx);
        if (locked?.status !== 'requested')
          throw AppException.conflict('The withheld file was loaded meanwhile');
        await this.payroll.saveWithheld(
          tx,
          id,
          { ...upload, problems: read.problems, lines: read.lines },
          new Date(),
        );
        await this.audit.record(
          {
            actor: user,
            action: 'payroll-deduction.withheld-imported',
            entityType: 'payroll_deduction_file',
            entityId: id,
            after: {
              fileName: upload.fileName,
              sha256: upload.sha256,
              lines: read.lines.length,
              withheldMinor: read.lines.reduce((sum, w) => sum + w.amountMinor, 0),
              problems: read.problems.length,
            },
            ip,
          },
          tx,
        );
      });
    }
    await this.apply(user, id, ip);
    return this.reconciliation(id, locale);
  }

  async reconciliation(id: string, locale: Locale): Promise<ReconciliationResponse> {
    const file = await this.row(id);
    const lines = await this.payroll.lines(id);
    const byId = new Map(lines.map((l) => [l.id, l]));
    const withheld = await this.payroll.withholdings(id);
    const byLine = new Map(withheld.map((w) => [w.line, w]));
    const result = reconcilePayroll(
      lines.map((l) => ({
        lineId: l.id,
        reference: l.reference,
        accountNumber: l.accountNumber,
        nationalId: l.nationalId,
        requestedMinor: l.requestedMinor,
      })),
      withheld,
    );
    return {
      file: toDeductionFileResponse(file),
      rows: result.rows.map((row) => {
        const line = row.lineId ? byId.get(row.lineId) : undefined;
        const stray = line ? undefined : byLine.get(row.withheldLines[0]);
        return {
          kind: row.kind,
          reference: line?.reference ?? stray?.reference ?? null,
          employeeNumber: line?.employeeNumber ?? null,
          nationalId: line?.nationalId ?? stray?.nationalId ?? null,
          debtorName: line?.fullName ?? null,
          accountNumber: line?.accountNumber ?? stray?.accountNumber ?? null,
          requestedMinor: row.requestedMinor,
          withheldMinor: row.withheldMinor,
          differenceMinor: row.differenceMinor,
          withheldLines: row.withheldLines,
          paymentId: line?.paymentId ?? null,
        };
      }),
      totals: result.totals,
      problems: file.withheldProblems
        .sort((a, b) => a.line - b.line)
        .map((p) => ({
          line: p.line,
          column: p.column,
          code: p.code,
          reason: describePaymentRowProblem(p, locale),
        })),
    };
  }

  /** Posts each matched amount not posted yet; a refusal is kept with the file's problems. */
  private async apply(user: AuthUser, id: string, ip: string | null): Promise<void> {
    const file = await this.row(id);
    const lines = await this.payroll.lines(id);
    const result = reconcilePayroll(
      lines.map((l) => ({
        lineId: l.id,
        reference: l.reference,
        accountNumber: l.accountNumber,
        nationalId: l.nationalId,
        requestedMinor: l.requestedMinor,
      })),
      await this.payroll.withholdings(id),
    );
    const refused: PaymentLineProblem[] = [];
    for (const row of result.rows) {
      const line = row.lineId ? lines.find((l) => l.id === row.lineId) : undefined;
      if (!line || line.paymentId || row.withheldMinor <= 0) continue;
      try {
        const payment = await this.payments.post(
          { user, ip },
          {
            accountId: line.accountId,
            amountMinor: row.withheldMinor,
            channel: 'payroll',
            reference: line.reference,
            paidAt: new Date(),
            note: `payroll ${file.employerName} ${file.period.slice(0, 7)}`,
            batchId: id,
            currency: file.currency,
          },
        );
        await this.payroll.setLinePayment(line.id, payment.id);
      } catch (error) {
        if (!(error instanceof AppException) || error.getStatus() >= HttpStatus.INTERNAL_SERVER_ERROR)
          throw error;
        refused.push({
          line: row.withheldLines[0],
          column: 'monto_retenido',
          code: 'posting_refused',
          params: { message: error.message.slice(0, 200) },
        });
      }
    }
    if (refused.length > 0) {
      const known = new Set(file.withheldProblems.map((p) => `${p.line}|${p.code}`));
      await this.payroll.setProblems(id, [
        ...file.withheldProblems,
        ...refused.filter((p) => !known.has(`${p.line}|${p.code}`)),
      ]);
    }
  }

  private async row(id: string): Promise<DeductionFileRow> {
    const file = await this.payroll.file(id);
    if (!file) throw AppException.notFound('Deduction file');
    return file;
  }
}
