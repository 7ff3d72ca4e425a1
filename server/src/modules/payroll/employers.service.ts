import { Injectable } from '@nestjs/common';
import type { EmployeeLinkResponse, EmployerResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import type { EmployerDto, LinkEmployeeDto } from './payroll.dto';
import { toEmployeeResponse, toEmployerResponse } from './payroll.mapper';
import { PayrollRepository } from './payroll.repository';

const ER_DUP_ENTRY = 1062;

/** Employers that deduct installments from payroll, and which accounts are their employees'. */
@Injectable()
export class EmployersService {
  constructor(
    private readonly payroll: PayrollRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  async list(): Promise<EmployerResponse[]> {
    return (await this.payroll.employers()).map(toEmployerResponse);
  }

  async get(id: string): Promise<EmployerResponse> {
    const employer = await this.payroll.employer(id);
    if (!employer) throw AppException.notFound('Employer');
    return toEmployerResponse(employer);
  }

  async create(user: AuthUser, dto: EmployerDto, ip: string | null): Promise<EmployerResponse> {
    const fields = fieldsOf(dto);
    const id = await this.unique(() =>
      this.uow.run(async (tx) => {
        const created = await this.payroll.insertEmployer(tx, { ...fields, createdBy: user.id });
        await this.audit.record(
          {
            actor: user,
            action: 'employer.created',
            entityType: 'employer',
            entityId: created,
            after: fields,
            ip,
          },
          tx,
        );
        return created;
      }),
    );
    return this.get(id);
  }

  async update(user: AuthUser, id: string, dto: EmployerDto, ip: string | null): Promise<EmployerResponse> {
    const fields = fieldsOf(dto);
    await this.unique(() =>
      this.uow.run(async (tx) => {
        const before = await this.payroll.employer(id, tx, true);
        if (!before) throw AppException.notFound('Employer');
        await this.payroll.updateEmployer(tx, id, fields);
        await this.audit.record(
          {
            actor: user,
            action: 'employer.updated',
            entityType: 'employer',
            entityId: id,
            before,
            after: fields,
            ip,
          },
          tx,
        );
      }),
    );
    return this.get(id);
  }

  async employees(employerId: string): Promise<EmployeeLinkResponse[]> {
    await this.get(employerId);
    return (await this.payroll.employees(employerId)).map(toEmployeeResponse);
  }

  async link(
    user: AuthUser,
    employerId: string,
    dto: LinkEmployeeDto,
    ip: string | null,
  ): Promise<EmployeeLinkResponse> {
    const employer = await this.get(employerId);
    const account = await this.payroll.account(dto.clientId, dto.accountNumber.trim());
    if (!account) throw AppException.notFound('Account');
    if (account.currency !== employer.currency)
      throw AppException.invalid(
        `The account is in ${account.currency}; this payroll pays in ${employer.currency}`,
      );
    const linkId = await this.uow
      .run(async (tx) => {
        const created = await this.payroll.link(
          tx,
          employerId,
          account.id,
          dto.employeeNumber ?? null,
          user.id,
        );
        await this.audit.record(
          {
            actor: user,
            action: 'employer.employee-linked',
            entityType: 'employer',
            entityId: employerId,
            after: { linkId: created, accountId: account.id, employeeNumber: dto.employeeNumber ?? null },
            ip,
          },
          tx,
        );
        return created;
      })
      .catch((error: unknown) => {
        if (errnoOf(error) === ER_DUP_ENTRY)
          throw AppException.conflict('The account is already linked to this employer');
        throw error;
      });
    return toEmployeeResponse((await this.payroll.employees(employerId, linkId))[0]);
  }

  async unlink(user: AuthUser, employerId: string, linkId: string, ip: string | null): Promise<void> {
    const [link] = await this.payroll.employees(employerId, linkId);
    if (!link) throw AppException.notFound('Employee link');
    await this.uow.run(async (tx) => {
      await this.payroll.unlink(tx, linkId);
      await this.audit.record(
        {
          actor: user,
          action: 'employer.employee-unlinked',
          entityType: 'employer',
          entityId: employerId,
          before: { linkId, accountId: link.accountId, employeeNumber: link.employeeNumber },
          ip,
        },
        tx,
      );
    });
  }

  private async unique<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (errnoOf(error) === ER_DUP_ENTRY) throw AppException.conflict('Another employer has that tax id');
      throw error;
    }
  }
}

function fieldsOf(dto: EmployerDto) {
  return {
    name: dto.name.trim(),
    taxId: dto.taxId.toUpperCase(),
    contactName: dto.contactName?.trim() || null,
    contactEmail: dto.contactEmail?.trim() || null,
    contactPhone: dto.contactPhone?.trim() || null,
    currency: dto.currency,
  };
}

function errnoOf(error: unknown): number | undefined {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return e.driverError?.errno ?? e.errno;
}
