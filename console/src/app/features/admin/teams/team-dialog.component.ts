import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { TeamResponse, UserResponse } from '@recupera/shared';
import { toApiError, type ApiError } from '../../../core/http/api-error.util';
import { DirectoryService } from '../../../core/http/directory.service';
import { I18nService } from '../../../core/i18n/i18n.service';
import { IconComponent } from '../../../ui/icon.component';

export interface TeamDialogData {
  team: TeamResponse | null;
  supervisors: UserResponse[];
}

@Component({
  selector: 'rc-team-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    IconComponent,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.team ? t('teams.edit') : t('teams.new') }}</h2>
    <form [formGroup]="form" (ngSubmit)="save()" novalidate>
      <mat-dialog-content class="rc-dialog-form">
        <mat-form-field>
          <mat-label>{{ t('teams.name') }}</mat-label>
          <input matInput formControlName="name" autocomplete="off" data-testid="team-name" />
          @if (form.controls.name.hasError('required')) {
            <mat-error>{{ t('common.required') }}</mat-error>
          }
        </mat-form-field>
        @if (supervisorOptions().length === 0) {
          <div class="rc-alert rc-alert--warning">
            <rc-icon name="info" />
            <span>{{ t('teams.noSupervisors') }}</span>
          </div>
        }
        <mat-form-field>
          <mat-label>{{ t('teams.supervisor') }}</mat-label>
          <mat-select formControlName="supervisorId" data-testid="team-supervisor">
            @for (user of supervisorOptions(); track user.id) {
              <mat-option [value]="user.id">{{ user.fullName }} · {{ user.email }}</mat-option>
            }
          </mat-select>
          @if (form.controls.supervisorId.hasError('required')) {
            <mat-error>{{ t('common.required') }}</mat-error>
          }
        </mat-form-field>
        @if (error(); as message) {
          <div class="rc-alert rc-alert--danger" role="alert">
            <rc-icon name="error" />
            <span>{{ message }}</span>
          </div>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ t('common.cancel') }}</button>
        <button mat-flat-button type="submit" [disabled]="saving()" data-testid="team-save">
          {{ saving() ? t('common.saving') : t('common.save') }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class TeamDialogComponent {
  private readonly directory = inject(DirectoryService);
  private readonly dialog = inject<MatDialogRef<TeamDialogComponent, TeamResponse>>(MatDialogRef);
  private readonly i18n = inject(I18nService);
  protected readonly data = inject<TeamDialogData>(MAT_DIALOG_DATA);
  protected readonly t = this.i18n.t;
  protected readonly saving = signal(false);
  private readonly errorState = signal<ApiError | null>(null);
  protected readonly error = computed(() => this.i18n.errorWithDetails(this.errorState()));

  /** The current supervisor stays listed even if no longer active, so editing the name keeps them. */
  protected readonly supervisorOptions = computed(() => {
    const current = this.data.team;
    const listed = this.data.supervisors;
    if (!current || listed.some((user) => user.id === current.supervisorId)) return listed;
    return [
      { id: current.supervisorId, fullName: current.supervisorName, email: '' } as UserResponse,
      ...listed,
    ];
  });

  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: [this.data.team?.name ?? '', [Validators.required, Validators.maxLength(80)]],
    supervisorId: [this.data.team?.supervisorId ?? '', Validators.required],
  });

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = {
      name: this.form.controls.name.value.trim(),
      supervisorId: this.form.controls.supervisorId.value,
    };
    const request = this.data.team
      ? this.directory.updateTeam(this.data.team.id, value)
      : this.directory.createTeam(value);
    this.saving.set(true);
    this.errorState.set(null);
    request.subscribe({
      next: (team) => this.dialog.close(team),
      error: (error: unknown) => {
        this.saving.set(false);
        this.errorState.set(toApiError(error));
      },
    });
  }
}
