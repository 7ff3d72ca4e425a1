import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Locale } from '@recupera/shared';
import { IconComponent } from '../../ui/icon.component';
import { AuthService } from '../auth/auth.service';
import { AuthStore } from '../auth/auth.store';
import { I18nService } from '../i18n/i18n.service';
import { LOCALES } from '../i18n/i18n.util';
import { NAV_BY_ROLE } from './nav.constant';

@Component({
  selector: 'rc-shell',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatMenuModule,
    MatTooltipModule,
    IconComponent,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.scss',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  private readonly store = inject(AuthStore);
  private readonly i18n = inject(I18nService);

  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly locale = this.i18n.locale;
  protected readonly locales = LOCALES;
  protected readonly user = this.store.user;
  protected readonly nav = computed(() => {
    const role = this.store.role();
    return role ? NAV_BY_ROLE[role] : [];
  });
  protected readonly roleLabel = computed(() => {
    const role = this.store.role();
    return role ? this.i18n.label('role', role) : '';
  });
  protected readonly initials = computed(() =>
    (this.store.user()?.fullName ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0]?.toUpperCase() ?? '')
      .join(''),
  );

  protected setLocale(locale: Locale): void {
    this.i18n.setLocale(locale);
  }

  protected logout(): void {
    void this.auth.logout();
  }
}
