import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { firstValueFrom } from 'rxjs';
import { saveBlob } from '../../core/http/download.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { PromisesService } from './promises.service';

/** Downloads an agreement's printable convenio (PDF) in the console's language. */
@Component({
  selector: 'rc-agreement-document-button',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, IconComponent],
  template: `
    <button
      mat-stroked-button
      type="button"
      [disabled]="busy()"
      (click)="download()"
      data-testid="agreement-document"
    >
      <rc-icon name="print" />
      {{ t('promises.document.print') }}
    </button>
    @if (failed()) {
      <span class="rc-text--danger" role="alert">{{ t('promises.document.failed') }}</span>
    }
  `,
})
export class AgreementDocumentButtonComponent {
  private readonly api = inject(PromisesService);
  private readonly document = inject(DOCUMENT);
  protected readonly t = inject(I18nService).t;
  protected readonly busy = signal(false);
  protected readonly failed = signal(false);

  readonly agreementId = input.required<string>();

  protected async download(): Promise<void> {
    this.busy.set(true);
    this.failed.set(false);
    try {
      const blob = await firstValueFrom(this.api.agreementDocument(this.agreementId()));
      saveBlob(this.document, blob, `${this.t('promises.document.fileName')}-${this.agreementId()}.pdf`);
    } catch {
      this.failed.set(true);
    } finally {
      this.busy.set(false);
    }
  }
}
