import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MESSAGE_BODY_MAX } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';

/**
 * Where the agent writes: Enter sends, Shift+Enter starts a new line, the counter shows the room
 * left. Outside WhatsApp's 24-hour window free text cannot go, and the composer says so.
 */
@Component({
  selector: 'rc-chat-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, IconComponent],
  template: `
    @if (templateRequired()) {
      <div class="rc-alert rc-alert--warning" role="status" data-testid="chat-template-required">
        <rc-icon name="info" />
        <span class="rc-alert__text">{{ t('chat.composer.templateRequired') }}</span>
      </div>
    }
    <div class="rc-chat-composer">
      <mat-form-field class="rc-chat-composer__field" subscriptSizing="dynamic">
        <mat-label>{{ t('chat.composer.label') }}</mat-label>
        <textarea
          matInput
          rows="2"
          data-testid="chat-input"
          [placeholder]="t('chat.composer.placeholder')"
          [disabled]="blocked()"
          [value]="text()"
          (input)="changed($event)"
          (keydown)="keydown($event)"
        ></textarea>
        <mat-hint align="end" data-testid="chat-input-count" [class.rc-text--danger]="tooLong()">{{
          t('chat.composer.count', { count: number(length()), max: number(max) })
        }}</mat-hint>
      </mat-form-field>
      <button
        mat-flat-button
        type="button"
        data-testid="chat-send"
        [disabled]="!canSend()"
        (click)="submit()"
      >
        <rc-icon name="send" />
        {{ t('chat.composer.send') }}
      </button>
    </div>
    @if (tooLong()) {
      <p class="rc-text--danger rc-chat-composer__problem" role="alert">
        {{ t('chat.composer.tooLong', { max: number(max) }) }}
      </p>
    }
  `,
  styles: `
    .rc-chat-composer {
      display: flex;
      align-items: flex-start;
      gap: 8px;
    }
    .rc-chat-composer__field {
      flex: 1 1 auto;
    }
    .rc-chat-composer button {
      margin-top: 8px;
    }
    .rc-chat-composer__problem {
      margin: 4px 0 0;
      font-size: 12px;
    }
  `,
})
export class ChatComposerComponent {
  private readonly i18n = inject(I18nService);
  protected readonly t = this.i18n.t;
  protected readonly number = this.i18n.number;
  protected readonly max = MESSAGE_BODY_MAX;

  readonly text = input.required<string>();
  /** WhatsApp outside its 24-hour window: only an approved template may go. */
  readonly templateRequired = input(false);
  /** The line is down or the chat cannot take messages. */
  readonly disabled = input(false);
  readonly textChange = output<string>();
  readonly send = output();

  protected readonly blocked = computed(() => this.disabled() || this.templateRequired());
  protected readonly length = computed(() => this.text().trim().length);
  protected readonly tooLong = computed(() => this.length() > MESSAGE_BODY_MAX);
  protected readonly canSend = computed(() => !this.blocked() && this.length() > 0 && !this.tooLong());

  protected changed(event: Event): void {
    this.textChange.emit((event.target as HTMLTextAreaElement).value);
  }

  protected keydown(event: KeyboardEvent): void {
    // A composition (accents, IME) ends with an Enter that is not meant to send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.submit();
  }

  protected submit(): void {
    if (this.canSend()) this.send.emit();
  }
}
