import type { DeductionFileResponse, EmployeeLinkResponse, EmployerResponse } from '@recupera/shared';
import type { DeductionFileRow, EmployeeRow, EmployerRow } from './payroll.repository';

export function toEmployerResponse(e: EmployerRow): EmployerResponse {
  return {
    id: e.id,
    name: e.name,
    taxId: e.taxId,
    contactName: e.contactName,
    contactEmail: e.contactEmail,
    contactPhone: e.contactPhone,
    currency: e.currency,
    employees: e.employees,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toEmployeeResponse(e: EmployeeRow): EmployeeLinkResponse {
  return { ...e };
}

export function toDeductionFileResponse(f: DeductionFileRow): DeductionFileResponse {
  return {
    id: f.id,
    employerId: f.employerId,
    employerName: f.employerName,
    period: f.period.slice(0, 7),
    status: f.status,
    lines: f.lines,
    requestedMinor: f.requestedMinor,
    withheldMinor: f.withheldMinor,
    currency: f.currency,
    createdAt: f.createdAt.toISOString(),
    withheldAt: f.withheldAt?.toISOString() ?? null,
  };
}
