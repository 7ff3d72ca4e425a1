import type { Routes } from '@angular/router';
import { roleGuard } from '../../core/auth/auth.guard';
import { pageTitle } from '../../core/i18n/page-title.service';

/** `/field` is a crew's day; `/field/orders` the supervisors' board of every order. */
export const FIELD_ORDERS_ROUTES: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: pageTitle('fieldOrders.crewTitle'),
    canActivate: [roleGuard('field')],
    loadComponent: () => import('./crew-orders.component').then((m) => m.CrewOrdersComponent),
  },
  {
    path: 'orders',
    title: pageTitle('nav.fieldOrders'),
    canActivate: [roleGuard('supervisor', 'manager', 'admin')],
    loadComponent: () => import('./field-orders-board.component').then((m) => m.FieldOrdersBoardComponent),
  },
];
