import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  PASSWORD_MIN_LENGTH,
  ROLES,
  type Locale,
  type Role,
  type TeamResponse,
  type UpdateUserRequest,
  type UserResponse,
} from '@recupera/shared';
import type { Observable } from 'rxjs';
import { toApiError, type ApiError } from '../../../core/http/api-error.util';
import { DirectoryService } from '../../../core/http/directory.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { LOCALES } from '../../../core/i18n/i18n.util';
import { IconComponent } from '../../../ui/icon.component';

export interface UserDialogData {
  user: UserResponse | null;
  teams: TeamResponse[];
}

@Component({
  selector: 'rc-user-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatSlideToggleModule,
    IconComponent,
  ],
  templateUrl: './user-dialog.component.html',
})
export class UserDialogComponent {
  private readonly directory = inject(DirectoryService);
  private readonly dialog = inject<MatDialogRef<UserDialogComponent, UserResponse>>(MatDialogRef);
  private readonly i18n = inject(I18nService);
  protected readonly data = inject<UserDialogData>(MAT_DIALOG_DATA);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly roles = ROLES;
  protected readonly locales = LOCALES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly editing = this.data.user !== null;
  protected readonly saving = signal(false);
  private readonly errorState = signal<ApiError | null>(null);
  protected readonly error = computed(() => this.i18n.errorWithDetails(this.errorState()));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: [this.data.user?.email ?? '', [Validators.required, Validators.email]],
    fullName: [this.data.user?.fullName ?? '', [Validators.required, Validators.maxLength(120)]],
    role: [this.data.user?.role ?? ('agent' as Role), Validators.required],
    teamId: [this.data.user?.teamId ?? ''],
    locale: [this.data.user?.locale ?? ('es' as Locale)],
    active: [this.data.user?.active ?? true],
    password: [
      '',
      this.data.user
        ? [Validators.minLength(PASSWORD_MIN_LENGTH)]
        : [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)],
    ],
  });

  constructor() {
    if (this.editing) this.form.controls.email.disable();
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const teamId = value.teamId || null;
    let request: Observable<UserResponse>;
    if (this.data.user) {
      const update: UpdateUserRequest = {
        fullName: value.fullName.trim(),
        role: value.role,
        teamId,
        locale: value.locale,
        active: value.active,
        ...(value.password ? { password: value.password } : {}),
      };
      request = this.directory.updateUser(this.data.user.id, update);
    } else {
      request = this.directory.createUser({
        email: value.email.trim(),
        fullName: value.fullName.trim(),
        role: value.role,
        password: value.password,
        teamId,
        locale: value.locale,
      });
    }
    this.saving.set(true);
    this.errorState.set(null);
    request.subscribe({
      next: (user) => this.dialog.close(user),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorState.set(toApiError(error));
      },
    });
  }
}
