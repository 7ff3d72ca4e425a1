import { Injectable } from '@nestjs/common';
import type { Channel, ConsentStatus, MessageChannel } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { UnitOfWork } from '../../database/unit-of-work.service';
import { AuditService } from '../audit/audit.service';
import { ContactPointConsentsRepository } from './contact-point-consents.repository';

/**
 * Consent of a contact point for one channel, which the compliance gate prefers over the point's own
 * consent: a debtor's "BAJA" by SMS stops the SMS at once and leaves the calls alone.
 */
@Injectable()
export class ConsentService {
  constructor(
    private readonly consents: ContactPointConsentsRepository,
    private readonly audit: AuditService,
    private readonly uow: UnitOfWork,
  ) {}

  /** The contact points a message from or to this number reaches on the channel, with their client. */
  pointsReachedAt(channel: MessageChannel, phone: string): Promise<{ id: string; clientName: string }[]> {
    return this.consents.pointsAt(channel, phone);
  }

  /** Whether these points' consent already reflects this message (or a later one): a retry changes nothing. */
  reflects(contactPointIds: readonly string[], channel: Channel, messageId: string): Promise<boolean> {
    return this.consents.setByMessageOrLater(contactPointIds, channel, messageId);
  }

  /** `actor` null: the debtor themself (an opt-out keyword). */
  withdraw(
    contactPointIds: readonly string[],
    channel: Channel,
    keyword: string | null,
    messageId: string | null,
    actor: AuthUser | null,
    at: Date,
  ): Promise<void> {
    return this.change('withdrawn', contactPointIds, channel, keyword, messageId, actor, at);
  }

  grant(
    contactPointIds: readonly string[],
    channel: Channel,
    keyword: string | null,
    messageId: string | null,
    actor: AuthUser | null,
    at: Date,
  ): Promise<void> {
    return this.change('granted', contactPointIds, channel, keyword, messageId, actor, at);
  }

  private async change(
    status: ConsentStatus,
    contactPointIds: readonly string[],
    channel: Channel,
    keyword: string | null,
    messageId: string | null,
    actor: AuthUser | null,
    at: Date,
  ): Promise<void> {
    if (contactPointIds.length === 0) return;
    await this.uow.run(async (tx) => {
      const before = new Map(
        (await this.consents.find(contactPointIds, channel, tx)).map((row) => [
          row.contactPointId,
          row.status,
        ]),
      );
      await this.consents.upsert(
        contactPointIds,
        { channel, status, keyword, messageId, changedBy: actor?.id ?? null, at },
        tx,
      );
      for (const id of contactPointIds)
        await this.audit.record(
          {
            actor,
            action: status === 'withdrawn' ? 'consent.withdrawn' : 'consent.granted',
            entityType: 'contact_point',
            entityId: id,
            before: { channel, status: before.get(id) ?? null },
            after: { channel, status, keyword, messageId },
          },
          tx,
        );
    });
  }
}
