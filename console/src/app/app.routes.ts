import { inject } from '@angular/core';
import type { Routes } from '@angular/router';
import { authGuard, guestGuard, roleGuard } from './core/auth/auth.guard';
import { AuthStore } from './core/auth/auth.store';
import { pageTitle } from './core/i18n/page-title.service';
import { ShellComponent } from './core/layout/shell.component';

export const appRoutes: Routes = [
  {
    path: 'login',
    title: pageTitle('nav.login'),
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login.component').then((m) => m.LoginComponent),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [authGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: () => inject(AuthStore).homeUrl() },
      {
        path: 'agent',
        title: pageTitle('nav.agent'),
        canActivate: [roleGuard('agent')],
        loadComponent: () =>
          import('./features/agent/agent-workspace.component').then((m) => m.AgentWorkspaceComponent),
      },
      {
        path: 'accounts',
        title: pageTitle('nav.accounts'),
        loadComponent: () =>
          import('./features/accounts/account-search.component').then((m) => m.AccountSearchComponent),
      },
      {
        path: 'accounts/:id',
        title: pageTitle('nav.account'),
        loadComponent: () =>
          import('./features/accounts/account-detail.component').then((m) => m.AccountDetailComponent),
      },
      {
        path: 'floor',
        title: pageTitle('nav.floor'),
        canActivate: [roleGuard('supervisor', 'manager', 'admin')],
        loadComponent: () => import('./features/floor/floor.component').then((m) => m.FloorComponent),
      },
      {
        path: 'dashboard',
        canActivate: [roleGuard('manager', 'admin', 'supervisor')],
        loadChildren: () => import('./features/dashboard/dashboard.routes').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'periods',
        canActivate: [roleGuard('manager', 'admin')],
        loadChildren: () => import('./features/periods/periods.routes').then((m) => m.PERIODS_ROUTES),
      },
      {
        path: 'payments',
        title: pageTitle('nav.payments'),
        canActivate: [roleGuard('cashier', 'supervisor', 'manager', 'admin')],
        loadComponent: () =>
          import('./features/payments/payments.component').then((m) => m.PaymentsComponent),
      },
      {
        path: 'audit',
        title: pageTitle('nav.audit'),
        canActivate: [roleGuard('manager', 'admin')],
        loadComponent: () => import('./features/audit/audit.component').then((m) => m.AuditComponent),
      },
      {
        path: 'compliance',
        title: pageTitle('nav.compliance'),
        canActivate: [roleGuard('supervisor', 'manager', 'admin')],
        loadComponent: () =>
          import('./features/compliance/compliance.component').then((m) => m.ComplianceComponent),
      },
      {
        path: 'campaigns',
        canActivate: [roleGuard('supervisor', 'manager', 'admin')],
        loadChildren: () => import('./features/campaigns/campaigns.routes').then((m) => m.CAMPAIGNS_ROUTES),
      },
      {
        path: 'scripts',
        title: pageTitle('nav.scripts'),
        canActivate: [roleGuard('supervisor', 'admin')],
        loadComponent: () => import('./features/scripts/scripts.component').then((m) => m.ScriptsComponent),
      },
      {
        path: 'admin',
        canActivate: [roleGuard('admin')],
        loadChildren: () => import('./features/admin/admin.routes').then((m) => m.ADMIN_ROUTES),
      },
      {
        path: 'field',
        loadChildren: () =>
          import('./features/field-orders/field-orders.routes').then((m) => m.FIELD_ORDERS_ROUTES),
      },
      {
        path: 'legal',
        title: pageTitle('nav.legal'),
        canActivate: [roleGuard('agent', 'supervisor', 'manager', 'admin')],
        loadComponent: () => import('./features/legal/legal.component').then((m) => m.LegalComponent),
      },
      {
        path: 'promises',
        title: pageTitle('nav.promises'),
        canActivate: [roleGuard('agent', 'supervisor', 'manager', 'admin')],
        loadComponent: () =>
          import('./features/promises/promises.component').then((m) => m.PromisesComponent),
      },
      {
        path: 'debits',
        title: pageTitle('nav.debits'),
        canActivate: [roleGuard('cashier', 'manager', 'admin')],
        loadComponent: () => import('./features/debits/debits.component').then((m) => m.DebitsComponent),
      },
      {
        path: 'charges',
        title: pageTitle('nav.charges'),
        canActivate: [roleGuard('admin')],
        loadComponent: () =>
          import('./features/charges/charge-settings.component').then((m) => m.ChargeSettingsComponent),
      },
      {
        path: 'messages',
        title: pageTitle('nav.messages'),
        canActivate: [roleGuard('supervisor', 'manager', 'admin')],
        loadChildren: () => import('./features/messages/messages.routes').then((m) => m.MESSAGES_ROUTES),
      },
      {
        path: '**',
        title: pageTitle('nav.notFound'),
        loadComponent: () => import('./core/layout/not-found.component').then((m) => m.NotFoundComponent),
      },
    ],
  },
];
