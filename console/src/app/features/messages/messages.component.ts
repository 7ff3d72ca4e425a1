import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';

const SECTIONS: readonly { path: string; label: MessageKey; testId: string }[] = [
  { path: 'templates', label: 'messages.tab.templates', testId: 'messages-tab-templates' },
  { path: 'campaigns', label: 'messages.tab.campaigns', testId: 'messages-tab-campaigns' },
  { path: 'canned', label: 'messages.tab.canned', testId: 'messages-tab-canned' },
];

/** Messaging: templates, outbound message campaigns and the chat's canned responses, one tab each. */
@Component({
  selector: 'rc-messages',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink, RouterLinkActive, RouterOutlet],
  template: `
    <section class="rc-page" data-testid="messages-page">
      <header class="rc-page-header">
        <div>
          <h1>{{ t('messages.title') }}</h1>
          <p class="rc-muted">{{ t('messages.subtitle') }}</p>
        </div>
      </header>
      <nav class="rc-messages-tabs" [attr.aria-label]="t('messages.title')">
        @for (section of sections; track section.path) {
          <a
            mat-button
            [routerLink]="section.path"
            routerLinkActive="rc-messages-tab--active"
            ariaCurrentWhenActive="page"
            [attr.data-testid]="section.testId"
            >{{ t(section.label) }}</a
          >
        }
      </nav>
      <router-outlet />
    </section>
  `,
  styles: `
    .rc-messages-tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      margin-bottom: 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .rc-messages-tab--active {
      border-bottom: 2px solid var(--mat-sys-primary);
      border-radius: 0;
      font-weight: 600;
    }
  `,
})
export class MessagesComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly sections = SECTIONS;
}
