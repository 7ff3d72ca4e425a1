import type { Routes } from '@angular/router';
import { provideEchartsCore } from 'ngx-echarts';
import { pageTitle } from '../../core/i18n/page-title.service';

export const PERIODS_ROUTES: Routes = [
  {
    path: '',
    title: pageTitle('nav.periods'),
    loadComponent: () => import('./periods.component').then((m) => m.PeriodsComponent),
  },
  {
    path: ':month',
    title: pageTitle('periods.report.title'),
    // The dashboard's chart registration: the same small set of ECharts pieces, one lazy chunk.
    providers: [
      provideEchartsCore({ echarts: () => import('../dashboard/echarts.util').then((m) => m.echarts) }),
    ],
    loadComponent: () => import('./period-report.component').then((m) => m.PeriodReportComponent),
  },
];
