import type { EmployerRequest, GenerateDeductionFileRequest, LinkEmployeeRequest } from '@recupera/shared';
import { IsEmail, IsOptional, IsString, Length, Matches } from 'class-validator';

const ID = /^[1-9]\d{0,18}$/;

export class EmployerDto implements EmployerRequest {
  @IsString() @Length(2, 120) name!: string;
  @Matches(/^[A-Za-z0-9.\-/]{3,30}$/, { message: 'taxId must be 3–30 letters, digits or . - /' })
  taxId!: string;
  @IsOptional() @IsString() @Length(2, 120) contactName?: string;
  @IsOptional() @IsEmail() @Length(3, 190) contactEmail?: string;
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'contactPhone must be a phone number' })
  contactPhone?: string;
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' }) currency!: string;
}

export class LinkEmployeeDto implements LinkEmployeeRequest {
  @Matches(ID, { message: 'clientId must be an id' }) clientId!: string;
  @IsString() @Length(1, 40) accountNumber!: string;
  @IsOptional()
  @Matches(/^[\w.\-/]{1,40}$/, { message: 'employeeNumber must be 1–40 letters, digits or . - / _' })
  employeeNumber?: string;
}

export class EmployeeLinkParamDto {
  @Matches(ID, { message: 'id must be a positive integer' }) id!: string;
  @Matches(ID, { message: 'linkId must be a positive integer' }) linkId!: string;
}

export class GenerateDeductionFileDto implements GenerateDeductionFileRequest {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' }) period!: string;
}
