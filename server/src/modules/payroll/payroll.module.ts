import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/payments.module';
import { DeductionFilesController } from './deduction-files.controller';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';
import { PayrollDeductionsService } from './payroll-deductions.service';
import { PayrollRepository } from './payroll.repository';

/** Payroll deduction (descuento vía nómina): employers, monthly deduction files, withheld amounts reconciled. */
@Module({
  imports: [PaymentsModule],
  controllers: [EmployersController, DeductionFilesController],
  providers: [EmployersService, PayrollDeductionsService, PayrollRepository],
})
export class PayrollModule {}
