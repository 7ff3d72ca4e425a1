import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  CAP_BASES,
  FEE_PERIODS,
  INTEREST_PERIODS,
  JURISDICTIONS,
  JURISDICTION_DEFAULTS,
  isIsoDate,
  type CapBasis,
  type ChargeRuleResponse,
  type FeePeriod,
  type FeeScheduleResponse,
  type InterestCapResponse,
  type InterestPeriod,
  type Jurisdiction,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { ChargeSettingsStore } from './charge-settings.store';
import {
  parsePercentPpm,
  ppmToPercentText,
  rowsFromTranches,
  tranchesFromRows,
  type TrancheRow,
} from './charge-settings-form.util';
import { ppmRatio } from './charges-format.util';

const CURRENCIES = [...new Set(Object.values(JURISDICTION_DEFAULTS).map((d) => d.currency))];

/** Admins' page for late-interest rules, legal caps and collection-fee schedules. */
@Component({
  selector: 'rc-charge-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ChargeSettingsStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './charge-settings.component.html',
})
export class ChargeSettingsComponent {
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly store = inject(ChargeSettingsStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly date = this.i18n.date;
  protected readonly minor = this.i18n.minor;
  protected readonly number = this.i18n.number;
  protected readonly periods = INTEREST_PERIODS;
  protected readonly feePeriods = FEE_PERIODS;
  protected readonly bases = CAP_BASES;
  protected readonly jurisdictions = JURISDICTIONS;
  protected readonly currencies = CURRENCIES;
  protected readonly ruleColumns = ['client', 'portfolio', 'rate', 'from', 'fees', 'actions'];
  protected readonly capColumns = ['jurisdiction', 'entered', 'monthly', 'source', 'actions'];
  protected readonly trancheColumns = ['from', 'to', 'rate'];
  /** A value refused before anything was sent. */
  protected readonly formError = signal<string | null>(null);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly ruleForm = this.fb.group({
    clientId: ['', Validators.required],
    portfolioId: [''],
    rate: ['', Validators.required],
    period: ['monthly' as InterestPeriod],
    accrueFrom: ['', Validators.required],
    feeAfterDays: [''],
    feePeriod: ['once' as FeePeriod],
  });
  protected readonly capForm = this.fb.group({
    jurisdiction: ['CO' as Jurisdiction],
    basis: ['' as CapBasis | ''],
    rate: [''],
    source: [''],
  });
  protected readonly scheduleForm = this.fb.group({
    jurisdiction: ['CL' as Jurisdiction],
    currency: ['CLP'],
    rows: this.fb.array([this.trancheRow({ upTo: '', rate: '' })]),
  });

  private readonly ruleClient = toSignal(this.ruleForm.controls.clientId.valueChanges, { initialValue: '' });
  protected readonly clientPortfolios = computed(() =>
    this.store.portfolios().filter((p) => p.clientId === this.ruleClient()),
  );

  constructor() {
    this.store.load();
  }

  protected rate(ppm: number | null): string {
    return ppm === null ? '—' : this.i18n.percent(ppmRatio(ppm), 4);
  }

  protected ruleRate(rule: ChargeRuleResponse): string {
    return this.t(rule.interestPeriod === 'daily' ? 'charges.rate.daily' : 'charges.rate.monthly', {
      rate: this.rate(rule.interestRatePpm),
    });
  }

  protected ruleFees(rule: ChargeRuleResponse): string {
    if (rule.feeAfterDays === null) return this.t('charges.feeRule.none');
    return this.t(rule.feePeriod === 'monthly' ? 'charges.feeRule.monthly' : 'charges.feeRule.once', {
      days: this.number(rule.feeAfterDays),
    });
  }

  protected saveRule(): void {
    const value = this.ruleForm.getRawValue();
    const ratePpm = parsePercentPpm(value.rate);
    const feeAfterDays = value.feeAfterDays.trim() === '' ? null : Number(value.feeAfterDays);
    if (this.ruleForm.invalid || ratePpm === null || !isIsoDate(value.accrueFrom))
      return this.refuse('chargeSettings.invalidRule');
    if (feeAfterDays !== null && (!Number.isInteger(feeAfterDays) || feeAfterDays < 0))
      return this.refuse('chargeSettings.invalidRule');
    this.formError.set(null);
    this.store.saveRule(
      {
        clientId: value.clientId,
        portfolioId: value.portfolioId || null,
        interestRatePpm: ratePpm,
        interestPeriod: value.period,
        accrueFrom: value.accrueFrom,
        feeAfterDays,
        feePeriod: value.feePeriod,
      },
      () => this.saved(),
    );
  }

  protected editRule(rule: ChargeRuleResponse): void {
    this.ruleForm.setValue({
      clientId: rule.clientId,
      portfolioId: rule.portfolioId ?? '',
      rate: ppmToPercentText(rule.interestRatePpm),
      period: rule.interestPeriod,
      accrueFrom: rule.accrueFrom,
      feeAfterDays: rule.feeAfterDays === null ? '' : String(rule.feeAfterDays),
      feePeriod: rule.feePeriod,
    });
  }

  protected editCap(cap: InterestCapResponse): void {
    this.capForm.setValue({
      jurisdiction: cap.jurisdiction,
      basis: cap.basis ?? '',
      rate: cap.ratePpm === null ? '' : ppmToPercentText(cap.ratePpm),
      source: cap.source ?? '',
    });
  }

  protected saveCap(): void {
    const value = this.capForm.getRawValue();
    const ratePpm = value.basis === '' ? null : parsePercentPpm(value.rate);
    if (value.basis !== '' && ratePpm === null) return this.refuse('chargeSettings.invalidCap');
    this.formError.set(null);
    this.store.saveCap(
      value.jurisdiction,
      { basis: value.basis === '' ? null : value.basis, ratePpm, source: value.source.trim() || null },
      () => this.saved(),
    );
  }

  protected get trancheRows() {
    return this.scheduleForm.controls.rows;
  }

  protected addTranche(): void {
    this.trancheRows.push(this.trancheRow({ upTo: '', rate: '' }));
  }

  protected removeTranche(index: number): void {
    if (this.trancheRows.length > 1) this.trancheRows.removeAt(index);
  }

  protected editSchedule(schedule: FeeScheduleResponse): void {
    this.scheduleForm.controls.jurisdiction.setValue(schedule.jurisdiction);
    this.scheduleForm.controls.currency.setValue(schedule.currency);
    this.trancheRows.clear();
    for (const row of rowsFromTranches(schedule.tranches, schedule.currency))
      this.trancheRows.push(this.trancheRow(row));
  }

  protected saveSchedule(): void {
    const value = this.scheduleForm.getRawValue();
    const tranches = tranchesFromRows(value.rows, value.currency);
    if (!tranches) return this.refuse('chargeSettings.invalidSchedule');
    this.formError.set(null);
    this.store.saveFeeSchedule(value.jurisdiction, value.currency, { tranches }, () => this.saved());
  }

  private trancheRow(row: TrancheRow) {
    return this.fb.group({ upTo: [row.upTo], rate: [row.rate, Validators.required] });
  }

  private refuse(
    key: 'chargeSettings.invalidRule' | 'chargeSettings.invalidCap' | 'chargeSettings.invalidSchedule',
  ): void {
    this.formError.set(this.t(key));
  }

  private saved(): void {
    this.snackBar.open(this.t('chargeSettings.saved'), undefined, { duration: 3000 });
  }
}
