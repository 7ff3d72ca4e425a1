import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { CannedResponseView, ScriptFieldPath } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import {
  CampaignConfirmDialogComponent,
  type CampaignConfirmData,
} from '../campaigns/campaign-confirm-dialog.component';
import { ScriptFieldPickerComponent } from '../scripts/script-field-picker.component';
import { fieldToken, insertAtCursor } from '../scripts/script-step.util';
import { CANNED_TITLE_MAX, CannedResponsesStore } from './canned-responses.store';

/** The canned responses agents insert in a chat, with script fields filled in for the chat's account. */
@Component({
  selector: 'rc-canned-responses',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CannedResponsesStore],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    IconComponent,
    PageStateComponent,
    ScriptFieldPickerComponent,
  ],
  templateUrl: './canned-responses.component.html',
  styleUrl: './messages.component.scss',
})
export class CannedResponsesComponent {
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  protected readonly store = inject(CannedResponsesStore);
  protected readonly t = this.i18n.t;
  protected readonly number = this.i18n.number;
  protected readonly titleMax = CANNED_TITLE_MAX;
  protected readonly columns = ['title', 'body', 'client', 'actions'];
  private readonly body = viewChild<ElementRef<HTMLTextAreaElement>>('body');

  constructor() {
    this.store.load();
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected clientName(clientId: string | null): string {
    if (!clientId) return this.t('messages.allClients');
    return this.store.clients().find((c) => c.id === clientId)?.name ?? clientId;
  }

  protected insertField(path: ScriptFieldPath): void {
    const element = this.body()?.nativeElement;
    const value = this.store.draft().body;
    const next = insertAtCursor(
      value,
      element?.selectionStart ?? value.length,
      element?.selectionEnd ?? value.length,
      fieldToken(path),
    );
    this.store.patch({ body: next.value });
    queueMicrotask(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  }

  protected remove(response: CannedResponseView): void {
    const data: CampaignConfirmData = {
      title: this.t('messages.canned.deleteTitle', { title: response.title }),
      message: this.t('messages.canned.deleteText'),
      confirmLabel: this.t('messages.canned.delete'),
      danger: true,
    };
    this.dialog
      .open<CampaignConfirmDialogComponent, CampaignConfirmData, boolean>(CampaignConfirmDialogComponent, {
        data,
        width: '440px',
      })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.store.remove(response);
      });
  }
}
