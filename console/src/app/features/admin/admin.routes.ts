import type { Routes } from '@angular/router';
import { pageTitle } from '../../core/i18n/page-title.service';

export const ADMIN_ROUTES: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'imports' },
  {
    path: 'imports',
    title: pageTitle('nav.imports'),
    loadComponent: () => import('./imports/imports.component').then((m) => m.ImportsComponent),
  },
  {
    path: 'users',
    title: pageTitle('nav.users'),
    loadComponent: () => import('./users/users.component').then((m) => m.UsersComponent),
  },
  {
    path: 'teams',
    title: pageTitle('nav.teams'),
    loadComponent: () => import('./teams/teams.component').then((m) => m.TeamsComponent),
  },
  {
    path: 'clients',
    title: pageTitle('nav.clients'),
    loadComponent: () => import('./clients/clients.component').then((m) => m.ClientsComponent),
  },
];
