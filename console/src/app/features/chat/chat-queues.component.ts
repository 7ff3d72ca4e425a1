import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { ChatQueueView } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { formatClock } from '../floor/floor-alerts.util';

/** A chat waiting longer than this is flagged on the floor. */
export const CHAT_WAIT_ALERT_SECONDS = 60;

/** The floor's chat queues: who waits, for how long, how many are being served and the service level. */
@Component({
  selector: 'rc-chat-queues',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChipComponent],
  template: `
    <section class="rc-card rc-floor-panel" data-testid="floor-chat-queues" aria-live="polite">
      <div class="rc-card__head rc-card__head--plain">
        <h2 class="rc-card__title">{{ t('chat.queues.title') }}</h2>
        @if (waiting() > 0) {
          <rc-chip [tone]="alerting() ? 'danger' : 'warning'" data-testid="floor-chat-waiting">{{
            number(waiting())
          }}</rc-chip>
        }
      </div>
      @if (queues().length === 0) {
        <p class="rc-empty rc-empty--inline">{{ t('chat.queues.none') }}</p>
      } @else {
        <table class="rc-plain-table rc-chat-queues">
          <thead>
            <tr>
              <th>{{ t('chat.queues.queue') }}</th>
              <th>{{ t('chat.queues.team') }}</th>
              <th class="rc-num">{{ t('chat.queues.waiting') }}</th>
              <th class="rc-num">{{ t('chat.queues.longestWait') }}</th>
              <th class="rc-num">{{ t('chat.queues.assigned') }}</th>
              <th class="rc-num">{{ t('chat.queues.serviceLevel') }}</th>
            </tr>
          </thead>
          <tbody>
            @for (queue of queues(); track queue.queue + ':' + queue.teamId) {
              @let late = isLate(queue);
              <tr
                data-testid="floor-chat-queue"
                [attr.data-queue]="queue.queue"
                [attr.data-alert]="late"
                [class.rc-chat-queues__late]="late"
              >
                <td>{{ label('chatQueue', queue.queue) }}</td>
                <td>{{ teamName(queue.teamId) }}</td>
                <td class="rc-num" data-testid="floor-chat-queue-waiting">{{ number(queue.waiting) }}</td>
                <td class="rc-num rc-mono" [class.rc-text--danger]="late">
                  {{ queue.waiting > 0 ? clock(queue.longestWaitSeconds) : '—' }}
                  @if (late) {
                    <span class="rc-visually-hidden" role="alert">{{
                      t('chat.queues.alert', { seconds: alertSeconds })
                    }}</span>
                  }
                </td>
                <td class="rc-num">{{ number(queue.assigned) }}</td>
                <td class="rc-num">{{ percent(queue.serviceLevel) }}</td>
              </tr>
            }
          </tbody>
        </table>
        @if (alerting()) {
          <div class="rc-alert rc-alert--danger" data-testid="floor-chat-alert">
            <span class="rc-alert__text">{{ t('chat.queues.alert', { seconds: alertSeconds }) }}</span>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .rc-chat-queues {
      width: 100%;
    }
    .rc-chat-queues__late td {
      background: #fdeceb;
    }
  `,
})
export class ChatQueuesComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly percent = this.i18n.percent;
  protected readonly clock = formatClock;
  protected readonly alertSeconds = CHAT_WAIT_ALERT_SECONDS;

  readonly queues = input.required<readonly ChatQueueView[]>();
  /** Names of the supervisor's teams, by id. */
  readonly teams = input<readonly { id: string; name: string }[]>([]);

  protected readonly waiting = computed(() => this.queues().reduce((sum, q) => sum + q.waiting, 0));
  protected readonly alerting = computed(() => this.queues().some((q) => this.isLate(q)));

  protected isLate(queue: ChatQueueView): boolean {
    return queue.waiting > 0 && queue.longestWaitSeconds > CHAT_WAIT_ALERT_SECONDS;
  }

  protected teamName(teamId: string | null): string {
    if (!teamId) return this.t('chat.queues.allTeams');
    return this.teams().find((team) => team.id === teamId)?.name ?? '—';
  }
}
