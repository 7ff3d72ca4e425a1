import type { Routes } from '@angular/router';
import { pageTitle } from '../../core/i18n/page-title.service';

export const CAMPAIGNS_ROUTES: Routes = [
  {
    path: '',
    title: pageTitle('nav.campaigns'),
    loadComponent: () => import('./campaigns.component').then((m) => m.CampaignsComponent),
  },
  {
    path: 'new',
    title: pageTitle('campaigns.new'),
    loadComponent: () => import('./campaign-editor.component').then((m) => m.CampaignEditorComponent),
  },
  {
    path: ':id',
    title: pageTitle('nav.campaign'),
    loadComponent: () => import('./campaign-editor.component').then((m) => m.CampaignEditorComponent),
  },
];
