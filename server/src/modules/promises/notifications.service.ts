import { Injectable } from '@nestjs/common';
import type { NotificationListResponse } from '@recupera/shared';
import type { AuthUser } from '../../common/auth/auth-user.type';
import { AppException } from '../../common/errors/app.exception';
import { NotificationsRepository } from './notifications.repository';

/** The console shows this many; older ones stay stored. */
const LATEST = 50;

/**
 * A user's own notifications (an agreement of theirs broken while they were away…). Reading one is
 * not audited: it changes nothing but the reader's own list.
 */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(user: AuthUser): Promise<NotificationListResponse> {
    const [items, unread] = await Promise.all([
      this.notifications.latest(user.id, LATEST),
      this.notifications.unreadCount(user.id),
    ]);
    return { items, unread };
  }

  /** Someone else's notification answers exactly like a missing one. */
  async markRead(user: AuthUser, id: string, now = new Date()): Promise<void> {
    if (!(await this.notifications.markRead(user.id, id, now))) throw AppException.notFound('Notification');
  }

  async markAllRead(user: AuthUser, now = new Date()): Promise<{ read: number }> {
    return { read: await this.notifications.markAllRead(user.id, now) };
  }
}
