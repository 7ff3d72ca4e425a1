import type { Routes } from '@angular/router';
import { pageTitle } from '../../core/i18n/page-title.service';
import { MessagesComponent } from './messages.component';

export const MESSAGES_ROUTES: Routes = [
  {
    path: '',
    component: MessagesComponent,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'templates' },
      {
        path: 'templates',
        title: pageTitle('messages.tab.templates'),
        loadComponent: () => import('./templates.component').then((m) => m.TemplatesComponent),
      },
      {
        path: 'campaigns',
        title: pageTitle('messages.tab.campaigns'),
        loadComponent: () => import('./message-campaigns.component').then((m) => m.MessageCampaignsComponent),
      },
      {
        path: 'campaigns/:id',
        title: pageTitle('messages.tab.campaigns'),
        loadComponent: () =>
          import('./message-campaign-detail.component').then((m) => m.MessageCampaignDetailComponent),
      },
      {
        path: 'canned',
        title: pageTitle('messages.tab.canned'),
        loadComponent: () => import('./canned-responses.component').then((m) => m.CannedResponsesComponent),
      },
    ],
  },
];
