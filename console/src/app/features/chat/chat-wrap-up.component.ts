import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CALLBACK_ASSIGNEES,
  CALLBACK_MAX_DAYS,
  WRAP_UP_NOTES_MAX,
  assertNever,
  type CallbackAssignee,
  type ConversationDetail,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { AgreementBuilderStore } from '../agent/agreement-builder.store';
import { localDateTime } from '../agent/agreement-draft.util';
import { groupDispositions, type WrapUpProblem } from '../agent/wrap-up-draft.util';
import { ChatWorkspaceStore } from './chat-workspace.store';

const DAY_MS = 86_400_000;

function problemKey(problem: WrapUpProblem): MessageKey {
  switch (problem) {
    case 'disposition_required':
      return 'softphone.wrapUp.problem.disposition_required';
    case 'callback_required':
      return 'softphone.wrapUp.problem.callback_required';
    case 'callback_out_of_range':
      return 'softphone.wrapUp.problem.callback_out_of_range';
    case 'notes_too_long':
      return 'softphone.wrapUp.problem.notes_too_long';
    default:
      return assertNever(problem);
  }
}

/**
 * A chat's wrap-up: the same dispositions, notes and callback as a call's; sending it closes the
 * chat. It sits inside the chat workspace, whose agreement builder is the focused chat's.
 */
@Component({
  selector: 'rc-chat-wrap-up',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    @let c = chat();
    @let draft = store.wrapUpDraft(c.id);
    <div class="rc-chat-wrap-up" data-testid="chat-wrap-up-form">
      @if (!c.interactionId) {
        <p class="rc-muted" data-testid="chat-wrap-up-needs-account">{{ t('chat.wrapUp.needsAccount') }}</p>
      } @else {
        <div class="rc-chat-wrap-up__row">
          <mat-form-field class="rc-field--compact rc-chat-wrap-up__disposition" subscriptSizing="dynamic">
            <mat-label>{{ t('softphone.wrapUp.disposition') }}</mat-label>
            <mat-select
              data-testid="chat-disposition"
              [value]="draft.dispositionCode || null"
              (selectionChange)="store.patchWrapUp(c.id, { dispositionCode: $event.value })"
            >
              @for (group of groups(); track group.category) {
                <mat-optgroup [label]="label('dispositionCategory', group.category)">
                  @for (option of group.options; track option.code) {
                    <mat-option [value]="option.code">{{ option.label }}</mat-option>
                  }
                </mat-optgroup>
              }
            </mat-select>
          </mat-form-field>
          @if (needsCallback()) {
            <mat-form-field class="rc-field--compact" subscriptSizing="dynamic">
              <mat-label>{{ t('chat.wrapUp.callbackAt') }}</mat-label>
              <input
                matInput
                type="datetime-local"
                data-testid="chat-wrap-up-callback-at"
                [min]="bounds().min"
                [max]="bounds().max"
                [value]="draft.callbackAt"
                (input)="store.patchWrapUp(c.id, { callbackAt: text($event) })"
              />
            </mat-form-field>
            <mat-button-toggle-group
              hideSingleSelectionIndicator
              [attr.aria-label]="t('softphone.wrapUp.assignTo')"
              [value]="draft.assignTo"
              (change)="assign($event.value)"
            >
              @for (assignee of assignees; track assignee) {
                <mat-button-toggle [value]="assignee">{{
                  label('callbackAssignee', assignee)
                }}</mat-button-toggle>
              }
            </mat-button-toggle-group>
          }
        </div>
        <mat-form-field class="rc-chat-wrap-up__notes" subscriptSizing="dynamic">
          <mat-label>{{ t('softphone.wrapUp.notes') }}</mat-label>
          <textarea
            matInput
            rows="2"
            data-testid="chat-wrap-up-notes"
            [attr.maxlength]="notesMax"
            [value]="draft.notes"
            (input)="store.patchWrapUp(c.id, { notes: text($event) })"
          ></textarea>
        </mat-form-field>
        @if (promiseWithoutAgreement()) {
          <div class="rc-alert rc-alert--warning" role="status" data-testid="chat-wrap-up-promise-warning">
            <span class="rc-alert__text">{{ t('chat.wrapUp.promiseWarning') }}</span>
          </div>
        }
        @if (problems().length > 0) {
          <ul class="rc-alert rc-alert--danger rc-chat-wrap-up__problems" role="alert">
            @for (problem of problems(); track problem) {
              <li>{{ problem }}</li>
            }
          </ul>
        }
        <div class="rc-form-actions">
          <button
            mat-flat-button
            type="button"
            data-testid="chat-wrap-up-submit"
            [disabled]="!store.connected() || store.pending() !== null"
            (click)="finish()"
          >
            {{ store.isPending('wrap-up', c.id) ? t('common.saving') : t('chat.wrapUp.submit') }}
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .rc-chat-wrap-up {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .rc-chat-wrap-up__row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .rc-chat-wrap-up__disposition {
      min-width: 240px;
    }
    .rc-chat-wrap-up__notes {
      width: 100%;
    }
    .rc-chat-wrap-up__problems {
      margin: 0;
      padding-left: 28px;
    }
  `,
})
export class ChatWrapUpComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(ChatWorkspaceStore);
  /** The chat's own builder (the workspace provides it for the focused chat). */
  private readonly builder = inject(AgreementBuilderStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly assignees = CALLBACK_ASSIGNEES;
  protected readonly notesMax = WRAP_UP_NOTES_MAX;

  readonly chat = input.required<ConversationDetail>();

  protected readonly groups = computed(() => groupDispositions(this.chat().dispositions, this.i18n.locale()));
  protected readonly needsCallback = computed(() => {
    const code = this.store.wrapUpDraft(this.chat().id).dispositionCode;
    return this.chat().dispositions.find((d) => d.code === code)?.category === 'callback';
  });
  /** The server records a promise only with the agreement made in the chat. */
  protected readonly promiseWithoutAgreement = computed(() => {
    const code = this.store.wrapUpDraft(this.chat().id).dispositionCode;
    const category = this.chat().dispositions.find((d) => d.code === code)?.category;
    return category === 'promise' && !this.builder.agreementMade();
  });
  protected readonly problems = computed(() =>
    this.store
      .wrapUpProblems(this.chat().id)
      .map((p) => this.t(problemKey(p), { days: CALLBACK_MAX_DAYS, max: WRAP_UP_NOTES_MAX })),
  );
  protected readonly bounds = computed(() => {
    const now = this.store.now();
    const minute = now - (now % 60_000);
    return {
      min: localDateTime(new Date(minute + 60_000)),
      max: localDateTime(new Date(minute + CALLBACK_MAX_DAYS * DAY_MS)),
    };
  });

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected assign(assignTo: CallbackAssignee): void {
    this.store.patchWrapUp(this.chat().id, { assignTo });
  }

  protected finish(): void {
    void this.store.wrapUp(this.chat().id);
  }
}
