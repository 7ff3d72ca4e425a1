import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { KpiCardComponent } from '../../ui/kpi-card.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { FloorStore } from './floor.store';

@Component({
  selector: 'rc-floor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [FloorStore],
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    ChipComponent,
    IconComponent,
    KpiCardComponent,
    PageStateComponent,
  ],
  templateUrl: './floor.component.html',
})
export class FloorComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(FloorStore);
  protected readonly t = this.i18n.t;
  protected readonly number = this.i18n.number;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly columns = ['fullName', 'email', 'active', 'assignedAccounts', 'lastLoginAt'];

  constructor() {
    this.store.load();
  }
}
