import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTabsModule } from '@angular/material/tabs';
import type { FieldOrderOutcome, FieldOrderResponse } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import type { MessageKey } from '../../core/i18n/messages-es.constant';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { CrewOrdersStore } from './crew-orders.store';
import {
  fieldOrderKindTone,
  fieldOrderStateTone,
  fromLocalInputValue,
  reportProblem,
  toLocalInputValue,
} from './field-order-view.util';

/** `/field`: a crew's orders of the day on a phone — one card per service point, big buttons. */
@Component({
  selector: 'rc-crew-orders',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [CrewOrdersStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatTabsModule,
    ChipComponent,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './crew-orders.component.html',
  styleUrl: './crew-orders.component.scss',
})
export class CrewOrdersComponent {
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly store = inject(CrewOrdersStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly minor = this.i18n.minor;
  protected readonly kindTone = fieldOrderKindTone;
  protected readonly stateTone = fieldOrderStateTone;

  protected readonly form = inject(FormBuilder).nonNullable.group({ occurredAt: '', notes: '' });
  protected readonly problem = signal<MessageKey | null>(null);

  constructor() {
    this.store.load();
  }

  protected start(order: FieldOrderResponse, outcome: FieldOrderOutcome): void {
    this.problem.set(null);
    this.form.reset({ occurredAt: toLocalInputValue(new Date()), notes: '' });
    this.store.startReport(order.id, outcome);
  }

  protected submit(): void {
    const draft = this.store.draft();
    if (!draft) return;
    const { occurredAt, notes } = this.form.getRawValue();
    const at = fromLocalInputValue(occurredAt);
    const problem = reportProblem(draft.outcome, notes, at, new Date());
    this.problem.set(problem);
    if (problem || !at) return;
    this.store.submit(at, notes, () =>
      this.snackBar.open(this.t('fieldOrders.saved'), undefined, { duration: 3000 }),
    );
  }

  protected isDrafting(order: FieldOrderResponse): boolean {
    return this.store.draft()?.orderId === order.id;
  }
}
