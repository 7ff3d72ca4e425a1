import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  MESSAGE_BODY_MAX,
  MESSAGE_CHANNELS,
  type ContactPointView,
  type MessageChannel,
} from '@recupera/shared';
import { toApiError } from '../../core/http/api-error.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { MessagesService } from '../messages/messages.service';
import { sendReasonText } from '../messages/messages-form.util';
import { channelConsentOf, messagePoints, messageRefusal, type MessageRefusal } from './account-message.util';

type SendState =
  | { kind: 'idle' }
  | { kind: 'sending' }
  | { kind: 'sent'; to: string }
  | { kind: 'refused'; refusal: MessageRefusal }
  | { kind: 'failed'; message: string };

/**
 * One SMS or WhatsApp to the debtor from their account page, through the same contact gate as the
 * campaigns: the hours, the per-channel caps and the debtor's consent (a "BAJA" refuses it at once).
 */
@Component({
  selector: 'rc-account-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule, IconComponent],
  template: `
    <section class="rc-card" data-testid="account-message">
      <h2 class="rc-card__title">{{ t('accountMessage.title') }}</h2>
      <p class="rc-muted rc-account-message__hint">{{ t('accountMessage.hint') }}</p>
      <div class="rc-account-message__row">
        <mat-form-field class="rc-field--compact" subscriptSizing="dynamic">
          <mat-label>{{ t('accountMessage.channel') }}</mat-label>
          <mat-select
            data-testid="account-message-channel"
            [value]="channel()"
            (selectionChange)="pick($event.value)"
          >
            @for (option of channels; track option) {
              <mat-option [value]="option">{{ label('channel', option) }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (points().length > 0) {
          <mat-form-field class="rc-field--compact" subscriptSizing="dynamic">
            <mat-label>{{ t('accountMessage.to') }}</mat-label>
            <mat-select
              data-testid="account-message-to"
              [value]="pointId()"
              (selectionChange)="choosePoint($event.value)"
            >
              @for (point of points(); track point.id) {
                <mat-option [value]="point.id"
                  >{{ point.value }} · {{ label('consent', consentOf(point)) }}</mat-option
                >
              }
            </mat-select>
          </mat-form-field>
        }
      </div>
      @if (points().length === 0) {
        <p class="rc-muted" data-testid="account-message-no-points">{{ t('accountMessage.noPoints') }}</p>
      } @else {
        <mat-form-field class="rc-account-message__body" subscriptSizing="dynamic">
          <mat-label>{{ t('accountMessage.body') }}</mat-label>
          <textarea
            matInput
            rows="3"
            data-testid="account-message-body"
            [maxLength]="max"
            [value]="body()"
            (input)="edit($event)"
          ></textarea>
          <mat-hint align="end">{{
            t('chat.composer.count', { count: number(body().length), max: number(max) })
          }}</mat-hint>
        </mat-form-field>
        <div class="rc-account-message__actions">
          <button
            mat-flat-button
            type="button"
            data-testid="account-message-send"
            [disabled]="!canSend()"
            (click)="send()"
          >
            <rc-icon name="send" />
            {{ state().kind === 'sending' ? t('accountMessage.sending') : t('accountMessage.send') }}
          </button>
        </div>
      }
      @switch (state().kind) {
        @case ('sent') {
          <div class="rc-alert rc-alert--success" role="status" data-testid="account-message-sent">
            <rc-icon name="check" />
            <span class="rc-alert__text">{{ t('accountMessage.sent', { to: sentTo() }) }}</span>
          </div>
        }
        @case ('refused') {
          <div class="rc-alert rc-alert--warning" role="alert" data-testid="account-message-refused">
            <rc-icon name="info" />
            <span class="rc-alert__text">
              <strong>{{ t('accountMessage.refused') }}</strong>
              <span data-testid="account-message-reason">{{ refusalText() }}</span>
            </span>
          </div>
        }
        @case ('failed') {
          <div class="rc-alert rc-alert--danger" role="alert" data-testid="account-message-error">
            <rc-icon name="error" />
            <span class="rc-alert__text">{{ failure() }}</span>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .rc-account-message__hint {
      margin: 0 0 12px;
    }
    .rc-account-message__row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-bottom: 12px;
    }
    .rc-account-message__body {
      width: 100%;
    }
    .rc-account-message__actions {
      display: flex;
      justify-content: flex-end;
      margin: 8px 0;
    }
  `,
})
export class AccountMessageComponent {
  private readonly api = inject(MessagesService);
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly max = MESSAGE_BODY_MAX;
  protected readonly channels = MESSAGE_CHANNELS;

  readonly accountId = input.required<string>();
  readonly contactPoints = input.required<readonly ContactPointView[]>();
  /** A message went: the account's timeline has a new entry. */
  readonly sent = output<void>();

  protected readonly channel = signal<MessageChannel>('sms');
  protected readonly body = signal('');
  private readonly chosenPoint = signal<string | null>(null);
  protected readonly state = signal<SendState>({ kind: 'idle' });

  protected readonly points = computed(() => messagePoints(this.contactPoints(), this.channel()));
  /** The chosen number, or the first one the channel reaches. */
  protected readonly pointId = computed(() => {
    const chosen = this.chosenPoint();
    const points = this.points();
    return points.find((p) => p.id === chosen)?.id ?? points[0]?.id ?? null;
  });
  protected readonly canSend = computed(
    () =>
      this.state().kind !== 'sending' &&
      this.pointId() !== null &&
      this.body().trim().length > 0 &&
      this.body().length <= MESSAGE_BODY_MAX,
  );
  protected readonly sentTo = computed(() => {
    const state = this.state();
    return state.kind === 'sent' ? state.to : '';
  });
  protected readonly refusalText = computed(() => {
    const state = this.state();
    if (state.kind !== 'refused') return '';
    const reason = sendReasonText(state.refusal.reason, this.i18n);
    return state.refusal.retryAt
      ? `${reason}. ${this.t('accountMessage.retryAt', { at: this.i18n.dateTime(state.refusal.retryAt) })}`
      : reason;
  });
  protected readonly failure = computed(() => {
    const state = this.state();
    return state.kind === 'failed' ? state.message : '';
  });

  protected consentOf(point: ContactPointView) {
    return channelConsentOf(point, this.channel());
  }

  protected pick(channel: MessageChannel): void {
    this.channel.set(channel);
    this.state.set({ kind: 'idle' });
  }

  protected choosePoint(id: string): void {
    this.chosenPoint.set(id);
    this.state.set({ kind: 'idle' });
  }

  protected edit(event: Event): void {
    this.body.set((event.target as HTMLTextAreaElement).value);
    if (this.state().kind !== 'sending') this.state.set({ kind: 'idle' });
  }

  protected send(): void {
    const contactPointId = this.pointId();
    if (!this.canSend() || !contactPointId) return;
    const to = this.points().find((p) => p.id === contactPointId)?.value ?? '';
    this.state.set({ kind: 'sending' });
    this.api
      .send({ accountId: this.accountId(), contactPointId, channel: this.channel(), body: this.body() })
      .subscribe({
        next: () => {
          this.state.set({ kind: 'sent', to });
          this.body.set('');
          this.sent.emit();
        },
        error: (error: unknown) => {
          const apiError = toApiError(error);
          const refusal = messageRefusal(apiError);
          this.state.set(
            refusal
              ? { kind: 'refused', refusal }
              : { kind: 'failed', message: this.i18n.error(apiError) ?? apiError.message },
          );
        },
      });
  }
}
