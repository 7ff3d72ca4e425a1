import { Inject, Injectable } from '@nestjs/common';
import { addDays, agencyDate, isIsoDate, zonedInstant, type DailyBalanceResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import { AuditService } from '../audit/audit.service';
import { PaymentQueriesRepository } from './payment-queries.repository';

/**
 * The daily balance of the payment application process: what each channel brought per portfolio on
 * an agency-calendar day, where the money went, and the reversals made that day; a collections lead
 * signs a finished day off (once; the totals signed are kept with the signature).
 */
@Injectable()
export class DailyBalanceService {
  constructor(
    private readonly queries: PaymentQueriesRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async day(date: string): Promise<DailyBalanceResponse> {
    if (!isIsoDate(date)) throw AppException.invalid(`${date} is not a date`);
    const zone = this.config.agencyTimeZone;
    const start = zonedInstant(date, '00:00', zone);
    const end = zonedInstant(addDays(date, 1), '00:00', zone);
    const rows = await this.queries.dailyBalance(start, end);
    const totals = new Map<string, DailyBalanceResponse['totals'][number]>();
    for (const r of rows) {
      const t = totals.get(r.currency) ?? {
        currency: r.currency,
        payments: 0,
        appliedMinor: 0,
        reversedMinor: 0,
        netMinor: 0,
      };
      t.payments += r.payments;
      t.appliedMinor += r.appliedMinor;
      t.reversedMinor += r.reversedMinor;
      t.netMinor += r.netMinor;
      totals.set(r.currency, t);
    }
    return { date, rows, totals: [...totals.values()], signedOff: await this.queries.signOff(date) };
  }

  async signOff(
    user: AuthUser,
    date: string,
    ip: string | null,
    now = new Date(),
  ): Promise<DailyBalanceResponse> {
    if (date >= agencyDate(this.config.agencyTimeZone, now))
      throw AppException.conflict('Only a finished day can be signed off');
    const balance = await this.day(date);
    if (!(await this.queries.insertSignOff(date, user.id, balance.totals)))
      throw AppException.conflict(`${date} is already signed off`);
    await this.audit.record({
      actor: user,
      action: 'payments.day-signed-off',
      entityType: 'payment_day',
      entityId: null,
      after: { date, totals: balance.totals },
      ip,
    });
    return this.day(date);
  }
}
