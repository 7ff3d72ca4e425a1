import { ChangeDetectionStrategy, Component, Injector, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type FormGroupDirective } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import { MatTooltipModule } from '@angular/material/tooltip';
import {
  JURISDICTIONS,
  isJurisdiction,
  type CallOutcome,
  type Channel,
  type ComplianceProfileResponse,
  type ContactParty,
  type ContactWindow,
  type FrequencyCap,
  type HolidayResponse,
  type Jurisdiction,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { CAP_LIMITS, WEEK_ORDER, windowsToText } from './compliance-profile.util';
import { ComplianceStore } from './compliance.store';
import { ProfileDialogComponent, type ProfileDialogData } from './profile-dialog.component';

/** The years an admin usually maintains: last year, this one and the next two. */
function yearChoices(): number[] {
  const year = new Date().getFullYear();
  return [year - 1, year, year + 1, year + 2];
}

@Component({
  selector: 'rc-compliance',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ComplianceStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatTooltipModule,
    ChipComponent,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './compliance.component.html',
  styleUrl: './compliance.component.scss',
})
export class ComplianceComponent {
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly injector = inject(Injector);
  protected readonly store = inject(ComplianceStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly date = this.i18n.date;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly weekOrder = WEEK_ORDER;
  protected readonly jurisdictions = JURISDICTIONS;
  protected readonly years = yearChoices();
  protected readonly holidayColumns = ['date', 'name', 'actions'];
  protected readonly refusalColumns = ['reason', 'count'];

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly holidayForm = this.fb.group({
    date: ['', Validators.required],
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
  });

  constructor() {
    this.store.init();
  }

  protected countryName(code: string): string {
    return isJurisdiction(code) ? this.label('country', code) : code;
  }

  protected channels(list: readonly Channel[]): string {
    return list.length === 0 ? '—' : list.map((channel) => this.label('channel', channel)).join(', ');
  }

  protected parties(list: readonly ContactParty[]): string {
    return list.length === 0 ? '—' : list.map((party) => this.label('complianceParty', party)).join(', ');
  }

  protected windowsText(windows: readonly ContactWindow[]): string {
    return windows.length === 0 ? this.t('compliance.closed') : windowsToText(windows);
  }

  /** The limits a cap sets, e.g. "Intentos / semana: 1 · Días de separación: 2". */
  protected capLimits(cap: FrequencyCap): string {
    const set = CAP_LIMITS.flatMap((key) => {
      const value = cap[key];
      return value === null ? [] : [`${this.label('complianceLimit', key)}: ${this.number(value)}`];
    });
    return set.length === 0 ? this.t('compliance.unlimited') : set.join(' · ');
  }

  protected outcomes(list: readonly CallOutcome[]): string {
    return list.map((outcome) => this.label('outcome', outcome)).join(', ');
  }

  protected changeCountry(value: string): void {
    if (isJurisdiction(value)) this.store.setHolidayFilter({ ...this.store.holidayFilter(), country: value });
  }

  protected changeYear(value: number): void {
    this.store.setHolidayFilter({ ...this.store.holidayFilter(), year: value });
  }

  protected edit(profile: ComplianceProfileResponse): void {
    this.store.resetProfileSave();
    this.dialog
      .open<ProfileDialogComponent, ProfileDialogData, ComplianceProfileResponse>(ProfileDialogComponent, {
        data: { profile },
        width: '920px',
        maxWidth: '96vw',
        autoFocus: 'first-tabbable',
        // The dialog saves through this page's store, which shows the result in the list.
        injector: this.injector,
      })
      .afterClosed()
      .subscribe((saved) => {
        if (saved) this.snackBar.open(this.t('compliance.profileSaved'), undefined, { duration: 3000 });
      });
  }

  protected addHoliday(formDirective: FormGroupDirective): void {
    if (this.holidayForm.invalid) {
      this.holidayForm.markAllAsTouched();
      return;
    }
    const value = this.holidayForm.getRawValue();
    const country: Jurisdiction = this.store.holidayFilter().country;
    this.store.addHoliday({ country, date: value.date, name: value.name.trim() }, () => {
      formDirective.resetForm({ date: '', name: '' });
      this.snackBar.open(this.t('compliance.holidayAdded'), undefined, { duration: 3000 });
    });
  }

  protected removeHoliday(holiday: HolidayResponse): void {
    this.store.removeHoliday(holiday, () =>
      this.snackBar.open(this.t('compliance.holidayRemoved'), undefined, { duration: 3000 }),
    );
  }
}
