import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type FormGroupDirective } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  JURISDICTIONS,
  JURISDICTION_DEFAULTS,
  PORTFOLIO_INDUSTRIES,
  PORTFOLIO_STAGES,
  type Jurisdiction,
  type PortfolioIndustry,
  type PortfolioStage,
} from '@recupera/shared';
import { I18nService } from '../../../core/i18n/i18n.service';
import { IconComponent } from '../../../ui/icon.component';
import { PageStateComponent } from '../../../ui/page-state.component';
import { ClientsStore } from './clients.store';

/** Every currency a supported jurisdiction uses by default. */
const CURRENCIES = [...new Set(Object.values(JURISDICTION_DEFAULTS).map((defaults) => defaults.currency))];

@Component({
  selector: 'rc-clients',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ClientsStore],
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
  templateUrl: './clients.component.html',
})
export class ClientsComponent {
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly store = inject(ClientsStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly number = this.i18n.number;
  protected readonly jurisdictions = JURISDICTIONS;
  protected readonly currencies = CURRENCIES;
  protected readonly stages = PORTFOLIO_STAGES;
  protected readonly industries = PORTFOLIO_INDUSTRIES;
  protected readonly clientColumns = ['code', 'name', 'country', 'currency'];
  protected readonly portfolioColumns = [
    'client',
    'name',
    'stage',
    'industry',
    'jurisdiction',
    'currency',
    'accounts',
  ];

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly clientForm = this.fb.group({
    code: ['', [Validators.required, Validators.maxLength(20), Validators.pattern(/^[A-Za-z0-9_-]+$/)]],
    name: ['', [Validators.required, Validators.maxLength(120)]],
    country: ['CO' as Jurisdiction, Validators.required],
    currency: [JURISDICTION_DEFAULTS.CO.currency, Validators.required],
  });
  protected readonly portfolioForm = this.fb.group({
    clientId: ['', Validators.required],
    name: ['', [Validators.required, Validators.maxLength(120)]],
    stage: ['temprana' as PortfolioStage, Validators.required],
    industry: ['banking' as PortfolioIndustry, Validators.required],
    currency: [JURISDICTION_DEFAULTS.CO.currency, Validators.required],
    jurisdiction: ['CO' as Jurisdiction, Validators.required],
  });

  constructor() {
    this.store.load();
    // Sensible defaults: a country brings its currency; a client brings its country and currency.
    this.clientForm.controls.country.valueChanges.pipe(takeUntilDestroyed()).subscribe((country) => {
      this.clientForm.controls.currency.setValue(JURISDICTION_DEFAULTS[country].currency);
    });
    this.portfolioForm.controls.clientId.valueChanges.pipe(takeUntilDestroyed()).subscribe((clientId) => {
      const client = this.store.clients().find((candidate) => candidate.id === clientId);
      if (client) this.portfolioForm.patchValue({ currency: client.currency, jurisdiction: client.country });
    });
  }

  protected createClient(formDirective: FormGroupDirective): void {
    if (this.clientForm.invalid) {
      this.clientForm.markAllAsTouched();
      return;
    }
    const value = this.clientForm.getRawValue();
    this.store.createClient(
      { ...value, code: value.code.trim().toUpperCase(), name: value.name.trim() },
      () => {
        formDirective.resetForm({ code: '', name: '', country: value.country, currency: value.currency });
        this.snackBar.open(this.t('clients.saved'), undefined, { duration: 3000 });
      },
    );
  }

  protected createPortfolio(formDirective: FormGroupDirective): void {
    if (this.portfolioForm.invalid) {
      this.portfolioForm.markAllAsTouched();
      return;
    }
    const value = this.portfolioForm.getRawValue();
    this.store.createPortfolio({ ...value, name: value.name.trim() }, () => {
      formDirective.resetForm({ ...value, name: '' });
      this.snackBar.open(this.t('portfolios.saved'), undefined, { duration: 3000 });
    });
  }
}
