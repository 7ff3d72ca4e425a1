import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { CALLBACK_ASSIGNEES, type CallbackAssignee } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { WrapUpStore } from './wrap-up.store';

/**
 * The wrap-up form: the call's disposition (the campaign's codes, grouped by category), notes, and
 * the callback a "call back" disposition asks for. The finish button stays with the softphone.
 */
@Component({
  selector: 'rc-wrap-up-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    IconComponent,
  ],
  templateUrl: './wrap-up-form.component.html',
  styleUrl: './wrap-up-form.component.scss',
})
export class WrapUpFormComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(WrapUpStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly assignees = CALLBACK_ASSIGNEES;

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected chooseDisposition(code: string): void {
    this.store.patch({ dispositionCode: code });
  }

  protected chooseAssignee(assignTo: CallbackAssignee): void {
    this.store.patch({ assignTo });
  }

  protected confirm(): void {
    void this.store.finish();
  }
}
