import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import type { Locale } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { LOCALES } from '../../core/i18n/i18n.util';
import { IconComponent } from '../../ui/icon.component';
import { LoginStore } from './login.store';

@Component({
  selector: 'rc-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [LoginStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatButtonToggleModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressSpinnerModule,
    IconComponent,
  ],
  templateUrl: './login.component.html',
  styleUrl: './login.component.scss',
})
export class LoginComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(LoginStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly locale = this.i18n.locale;
  protected readonly locales = LOCALES;
  protected readonly showPassword = signal(false);

  /** Bound from the query string: where to go after signing in. */
  readonly returnUrl = input<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required]],
  });

  protected setLocale(locale: Locale): void {
    this.i18n.setLocale(locale);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.store.submit({ email: email.trim(), password }, this.returnUrl());
  }
}
