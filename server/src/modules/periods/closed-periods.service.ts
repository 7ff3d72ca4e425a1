import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  bookingInstantOf,
  ErrorCode,
  monthFirstDay,
  monthOfInstant,
  PeriodError,
  type PeriodConflictDetails,
} from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { APP_CONFIG, type AppConfig } from '../../config/env.schema';
import type { Tx } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { ClosedPeriodsRepository } from './closed-periods.repository';

/** What a refused back-dated write was, for the audit trail. */
export interface ClosedPeriodWrite {
  actor: AuthUser | null;
  /** 'interaction', 'payment', … */
  entityType: string;
  entityId?: string | null;
  ip?: string | null;
}

export function periodConflict(reason: PeriodError, month: string, message: string): AppException {
  const details: PeriodConflictDetails = { reason, month };
  return new AppException(ErrorCode.Conflict, HttpStatus.CONFLICT, message, details);
}

/**
 * Which months are closed, for every feature that writes dated movements: payments dated in a
 * closed month are booked into the next open one (`bookingInstant`), other back-dated writes are
 * refused (`assertOpen`). A month counts as closed from the moment its close begins.
 */
@Injectable()
export class ClosedPeriodsService {
  constructor(
    private readonly repository: ClosedPeriodsRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Whether `at` falls in a closed month of the agency's calendar. */
  isClosed(at: Date): Promise<boolean> {
    return this.repository.isClosed(monthFirstDay(monthOfInstant(at, this.config.agencyTimeZone)));
  }

  /**
   * Where a payment dated `at` is booked: `at` itself in an open month, else the first instant of
   * the earliest open month after it. Pass the posting's transaction so a close of that month
   * waits for the posting to commit (and the close's snapshot counts it).
   */
  async bookingInstant(at: Date, tx?: Tx): Promise<{ at: Date; rebooked: boolean }> {
    const zone = this.config.agencyTimeZone;
    const closed = await this.repository.closedFrom(monthFirstDay(monthOfInstant(at, zone)), tx);
    return bookingInstantOf(at, zone, new Set(closed));
  }

  /**
   * Refuses (409, `period_closed`) a write dated inside a closed month, leaving an audit entry of
   * the attempt. Call it before the write's transaction: the entry must outlive the refusal.
   */
  async assertOpen(at: Date, write: ClosedPeriodWrite): Promise<void> {
    if (!(await this.isClosed(at))) return;
    const month = monthOfInstant(at, this.config.agencyTimeZone);
    await this.audit.record({
      actor: write.actor,
      action: 'period.write-refused',
      entityType: write.entityType,
      entityId: write.entityId ?? null,
      after: { month, at: at.toISOString(), reason: PeriodError.Closed },
      ip: write.ip ?? null,
    });
    throw periodConflict(
      PeriodError.Closed,
      month,
      `${month} is closed: nothing dated in it can be recorded`,
    );
  }
}
