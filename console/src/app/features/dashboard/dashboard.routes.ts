import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { pageTitle } from '../../core/i18n/page-title.service';
import { RecoveryDashboardComponent } from './recovery-dashboard.component';

export const DASHBOARD_ROUTES: Routes = [
  {
    path: '',
    title: pageTitle('nav.dashboard'),
    component: RecoveryDashboardComponent,
    providers: [provideEchartsCore({ echarts: () => import('./echarts.util').then((m) => m.echarts) })],
  },
];
