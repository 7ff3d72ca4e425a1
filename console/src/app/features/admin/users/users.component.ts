import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { UserResponse } from '@recupera/shared';
import { I18nService } from '../../../core/i18n/i18n.service';
import { ChipComponent } from '../../../ui/chip.component';
import { IconComponent } from '../../../ui/icon.component';
import { PageStateComponent } from '../../../ui/page-state.component';
import { UserDialogComponent, type UserDialogData } from './user-dialog.component';
import { UsersStore } from './users.store';

@Component({
  selector: 'rc-users',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [UsersStore],
  imports: [
    MatButtonModule,
    MatTableModule,
    MatTooltipModule,
    ChipComponent,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './users.component.html',
})
export class UsersComponent {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(UsersStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly columns = [
    'fullName',
    'email',
    'role',
    'team',
    'locale',
    'status',
    'lastLoginAt',
    'actions',
  ];

  constructor() {
    this.store.load();
  }

  protected isLocked(user: UserResponse): boolean {
    return user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
  }

  protected edit(user: UserResponse | null): void {
    const data: UserDialogData = { user, teams: this.store.teams() };
    this.dialog
      .open<UserDialogComponent, UserDialogData, UserResponse>(UserDialogComponent, {
        data,
        width: '560px',
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.store.saved(saved);
        this.snackBar.open(this.t('users.saved'), undefined, { duration: 3000 });
      });
  }
}
