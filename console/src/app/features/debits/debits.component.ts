import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatTabsModule } from '@angular/material/tabs';
import { AuthStore } from '../../core/auth/auth.store';
import { I18nService } from '../../core/i18n/i18n.service';
import { DebitBatchesTabComponent } from './debit-batches-tab.component';
import { DebitMandatesTabComponent } from './debit-mandates-tab.component';
import { PaymentFilesTabComponent } from './payment-files-tab.component';
import { PayrollTabComponent } from './payroll-tab.component';

/** Payments that arrive in files: cashiers load bank and cashier files; managers also run debits and payroll. */
@Component({
  selector: 'rc-debits',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatTabsModule,
    PaymentFilesTabComponent,
    DebitMandatesTabComponent,
    DebitBatchesTabComponent,
    PayrollTabComponent,
  ],
  templateUrl: './debits.component.html',
})
export class DebitsComponent {
  private readonly auth = inject(AuthStore);
  protected readonly t = inject(I18nService).t;
  protected readonly backOffice = computed(() => this.auth.hasRole(['manager', 'admin']));
}
