import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../auth/auth.store';
import { I18nService } from '../i18n/i18n.service';

@Component({
  selector: 'rc-not-found',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="rc-page rc-empty-page">
      <h1>{{ t('notFound.title') }}</h1>
      <p class="rc-muted">{{ t('notFound.text') }}</p>
      <a mat-flat-button [routerLink]="home()">{{ t('notFound.home') }}</a>
    </section>
  `,
})
export class NotFoundComponent {
  protected readonly t = inject(I18nService).t;
  protected readonly home = inject(AuthStore).homeUrl;
}
