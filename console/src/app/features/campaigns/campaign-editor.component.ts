import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import {
  AGING_BUCKETS,
  CAMPAIGN_LIMITS,
  DIAL_MODES,
  JURISDICTIONS,
  MACHINE_ACTIONS,
  RETRY_OUTCOMES,
  WEEKDAYS,
  WRAP_UP_OVERRUNS,
  type RetryOutcome,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { CampaignEditorStore } from './campaign-editor.store';
import {
  bpToPercent,
  campaignStatusTone,
  defaultFormValue,
  formProblems,
  fromCampaign,
  lockedFormFields,
  segmentFromForm,
  type CampaignFormValue,
  type RetryRuleFormValue,
} from './campaign-form.util';

/** Monday first, as an agency's week is read; WEEKDAYS itself follows getUTCDay(). */
const WEEK = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

@Component({
  selector: 'rc-campaign-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CampaignEditorStore],
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTooltipModule,
    ChipComponent,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './campaign-editor.component.html',
  styleUrl: './campaign-editor.component.scss',
})
export class CampaignEditorComponent {
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly store = inject(CampaignEditorStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly tone = campaignStatusTone;
  protected readonly limits = CAMPAIGN_LIMITS;
  protected readonly dialModes = DIAL_MODES;
  protected readonly agingBuckets = AGING_BUCKETS;
  protected readonly jurisdictions = JURISDICTIONS;
  protected readonly machineActions = MACHINE_ACTIONS;
  protected readonly outcomes = RETRY_OUTCOMES;
  protected readonly wrapUpOverruns = WRAP_UP_OVERRUNS;
  protected readonly week = WEEK;
  protected readonly minAbandonPercent = bpToPercent(CAMPAIGN_LIMITS.abandonCapBp.min);
  protected readonly maxAbandonPercent = bpToPercent(CAMPAIGN_LIMITS.abandonCapBp.max);

  /** Route parameter: a campaign id, or absent on /campaigns/new. */
  readonly id = input<string>();

  protected readonly form = this.buildForm(defaultFormValue());
  /** The form's raw value (locked controls included), kept current for the computed hints below. */
  protected readonly value = signal<CampaignFormValue>(this.form.getRawValue());
  private readonly submitted = signal(false);
  protected readonly currency = computed(() => this.store.currencyOf(this.value().portfolioId));
  protected readonly problems = computed(() =>
    this.submitted() ? formProblems(this.value(), this.currency()).map((key) => this.t(key)) : [],
  );
  protected readonly portfolioJurisdiction = computed(() =>
    this.store.jurisdictionOf(this.value().portfolioId),
  );
  protected readonly editing = computed(() => this.store.campaign() !== null);
  private patchedFor: string | null = null;

  constructor() {
    effect(() => {
      const id = this.id() ?? null;
      untracked(() => this.store.init(id));
    });
    // Load an existing campaign into the form once, then lock what its status freezes.
    effect(() => {
      const campaign = this.store.campaign();
      if (!campaign || this.patchedFor === campaign.id) return;
      this.patchedFor = campaign.id;
      this.setValue(fromCampaign(campaign));
      this.applyLocks();
      this.syncWrapUpControls();
    });
    effect(() => {
      if (this.store.readOnly()) this.form.disable({ emitEvent: false });
    });
    // "No limit" switches the seconds off; what happens past a limit only matters when there is one.
    this.syncWrapUpControls();
    this.form.controls.wrapUpUnlimited.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.syncWrapUpControls());
    // Every edit recounts the segment (debounced in the store); the saved count is shown until then.
    this.form.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      const value = this.form.getRawValue();
      this.value.set(value);
      this.store.requestCount(
        value.portfolioId
          ? {
              portfolioId: value.portfolioId,
              segment: segmentFromForm(value, this.store.currencyOf(value.portfolioId)).segment,
              teamIds: value.teamIds,
            }
          : null,
      );
    });
  }

  protected get retryRules() {
    return this.form.controls.retryRules;
  }

  protected addRetryRule(): void {
    const used = new Set(this.retryRules.getRawValue().map((rule) => rule.outcome));
    const outcome = RETRY_OUTCOMES.find((candidate) => !used.has(candidate));
    if (!outcome) return;
    this.retryRules.push(this.ruleGroup({ outcome, retryAfterMinutes: 60, maxPerDay: 1 }));
  }

  protected removeRetryRule(index: number): void {
    this.retryRules.removeAt(index);
  }

  protected save(): void {
    this.submitted.set(true);
    const value = this.form.getRawValue();
    if (this.form.invalid || formProblems(value, this.currency()).length > 0) {
      this.form.markAllAsTouched();
      return;
    }
    this.store.save(value, (saved) => {
      this.snackBar.open(this.t('campaigns.saved', { name: saved.name }), undefined, { duration: 3000 });
      void this.router.navigateByUrl('/campaigns');
    });
  }

  private buildForm(v: CampaignFormValue) {
    const fb = this.fb;
    const L = CAMPAIGN_LIMITS;
    const int = (min: number, max: number) => [Validators.min(min), Validators.max(max)];
    return fb.group({
      name: [v.name, [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
      portfolioId: [v.portfolioId, Validators.required],
      dialMode: [v.dialMode, Validators.required],
      teamIds: [v.teamIds, Validators.required],
      dispositionSetId: [v.dispositionSetId],
      complianceProfile: [v.complianceProfile],
      balanceMin: [v.balanceMin],
      balanceMax: [v.balanceMax],
      daysPastDueMin: fb.control<number | null>(v.daysPastDueMin, int(0, 36_500)),
      daysPastDueMax: fb.control<number | null>(v.daysPastDueMax, int(0, 36_500)),
      agingBuckets: [v.agingBuckets],
      sectors: [v.sectors],
      zonas: [v.zonas],
      products: [v.products],
      lastDispositionCodes: [v.lastDispositionCodes],
      scoreMin: fb.control<number | null>(v.scoreMin, int(L.score.min, L.score.max)),
      scoreMax: fb.control<number | null>(v.scoreMax, int(L.score.min, L.score.max)),
      linesPerAgent: fb.control<number | null>(v.linesPerAgent, [
        Validators.required,
        ...int(L.linesPerAgent.min, L.linesPerAgent.max),
      ]),
      maxLinesPerAgent: fb.control<number | null>(v.maxLinesPerAgent, [
        Validators.required,
        ...int(L.maxLinesPerAgent.min, L.maxLinesPerAgent.max),
      ]),
      abandonCapPercent: fb.control<number | null>(v.abandonCapPercent, [
        Validators.required,
        Validators.min(bpToPercent(L.abandonCapBp.min)),
        Validators.max(bpToPercent(L.abandonCapBp.max)),
      ]),
      ringTimeoutSeconds: fb.control<number | null>(v.ringTimeoutSeconds, [
        Validators.required,
        ...int(L.ringTimeoutSeconds.min, L.ringTimeoutSeconds.max),
      ]),
      machineAction: [v.machineAction],
      abandonMessage: [v.abandonMessage, Validators.maxLength(L.abandonMessageLength)],
      wrapUpUnlimited: [v.wrapUpUnlimited],
      wrapUpLimitSeconds: fb.control<number | null>(v.wrapUpLimitSeconds, [
        Validators.required,
        Validators.pattern(/^\d+$/),
        ...int(L.wrapUpLimitSeconds.min, L.wrapUpLimitSeconds.max),
      ]),
      wrapUpOverrun: [v.wrapUpOverrun],
      days: [v.days, Validators.required],
      from: [v.from, Validators.required],
      to: [v.to, Validators.required],
      retryRules: fb.array(v.retryRules.map((rule) => this.ruleGroup(rule))),
    });
  }

  private ruleGroup(rule: RetryRuleFormValue) {
    const L = CAMPAIGN_LIMITS;
    return this.fb.group({
      outcome: [rule.outcome as RetryOutcome],
      retryAfterMinutes: this.fb.control<number | null>(rule.retryAfterMinutes, [
        Validators.required,
        Validators.min(L.retryAfterMinutes.min),
        Validators.max(L.retryAfterMinutes.max),
      ]),
      maxPerDay: this.fb.control<number | null>(rule.maxPerDay, [
        Validators.required,
        Validators.min(L.retryMaxPerDay.min),
        Validators.max(L.retryMaxPerDay.max),
      ]),
    });
  }

  private setValue(v: CampaignFormValue): void {
    this.retryRules.clear({ emitEvent: false });
    for (const rule of v.retryRules) this.retryRules.push(this.ruleGroup(rule), { emitEvent: false });
    const { retryRules: _rules, ...rest } = v;
    // The saved count arrives separately (GET …/segment/count); no preview for the unchanged form.
    this.form.patchValue(rest, { emitEvent: false });
    this.form.markAsPristine();
    this.value.set(this.form.getRawValue());
  }

  private syncWrapUpControls(): void {
    const { wrapUpUnlimited, wrapUpLimitSeconds, wrapUpOverrun } = this.form.controls;
    // Locked with the rest of the form (finished, read-only): it stays locked.
    if (wrapUpUnlimited.disabled) return;
    for (const control of [wrapUpLimitSeconds, wrapUpOverrun]) {
      if (wrapUpUnlimited.value) control.disable({ emitEvent: false });
      else control.enable({ emitEvent: false });
    }
  }

  private applyLocks(): void {
    const locked = lockedFormFields(this.store.status());
    if (locked === 'all') {
      this.form.disable({ emitEvent: false });
      return;
    }
    for (const field of locked) this.form.controls[field].disable({ emitEvent: false });
  }
}
