import { ChangeDetectionStrategy, Component, ElementRef, inject, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { MESSAGE_CHANNELS, TEMPLATE_PURPOSES, type ScriptFieldPath } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { ScriptFieldPickerComponent } from '../scripts/script-field-picker.component';
import { fieldToken, insertAtCursor } from '../scripts/script-step.util';
import { TemplatesStore } from './templates.store';

/** Message templates: the list, and the editor with a live preview on the example account. */
@Component({
  selector: 'rc-message-templates',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [TemplatesStore],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    ChipComponent,
    IconComponent,
    PageStateComponent,
    ScriptFieldPickerComponent,
  ],
  templateUrl: './templates.component.html',
  styleUrl: './messages.component.scss',
})
export class TemplatesComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(TemplatesStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly channels = MESSAGE_CHANNELS;
  protected readonly purposes = TEMPLATE_PURPOSES;
  protected readonly columns = ['name', 'channel', 'purpose', 'client', 'whatsapp', 'active', 'actions'];
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

  /** The field goes where the cursor is, and the cursor after it. */
  protected insertField(path: ScriptFieldPath): void {
    const element = this.body()?.nativeElement;
    const value = this.store.draft().body;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const next = insertAtCursor(value, start, end, fieldToken(path));
    this.store.patch({ body: next.value });
    queueMicrotask(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  }
}
