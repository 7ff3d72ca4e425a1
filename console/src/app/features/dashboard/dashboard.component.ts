import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { NgxEchartsDirective } from 'ngx-echarts';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { KpiCardComponent } from '../../ui/kpi-card.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { DashboardStore } from './dashboard.store';

@Component({
  selector: 'rc-dashboard',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [DashboardStore],
  imports: [
    MatButtonModule,
    MatProgressBarModule,
    MatTableModule,
    NgxEchartsDirective,
    IconComponent,
    KpiCardComponent,
    PageStateComponent,
  ],
  templateUrl: './dashboard.component.html',
  styleUrl: './dashboard.component.scss',
})
export class DashboardComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(DashboardStore);
  protected readonly t = this.i18n.t;
  protected readonly teamColumns = ['team', 'supervisor', 'goal', 'recovered', 'attainment'];
  protected readonly agingColumns = ['bucket', 'currency', 'accounts', 'balance'];

  constructor() {
    this.store.load();
  }
}
