import { ChangeDetectionStrategy, Component, effect, inject, input, untracked } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { ChargeLedgerEntryResponse } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { PageStateComponent } from '../../ui/page-state.component';
import { AccountChargesStore } from './account-charges.store';
import { knownLedgerKind, ppmRatio } from './charges-format.util';

/** The account page's late interest and collection fees: what is owed of each, the terms, the history. */
@Component({
  selector: 'rc-account-charges',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AccountChargesStore],
  imports: [MatTableModule, PageStateComponent],
  templateUrl: './account-charges.component.html',
})
export class AccountChargesComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(AccountChargesStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly minor = this.i18n.minor;
  protected readonly date = this.i18n.date;
  protected readonly number = this.i18n.number;
  protected readonly columns = ['date', 'kind', 'component', 'amount', 'detail'];

  readonly accountId = input.required<string>();

  constructor() {
    effect(() => {
      const id = this.accountId();
      untracked(() => this.store.load(id));
    });
  }

  protected rate(ppm: number): string {
    return this.i18n.percent(ppmRatio(ppm), 4);
  }

  protected kind(entry: ChargeLedgerEntryResponse): string {
    const known = knownLedgerKind(entry.kind);
    return known ? this.label('chargeKind', known) : entry.kind;
  }
}
