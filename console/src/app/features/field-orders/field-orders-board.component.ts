import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTableModule } from '@angular/material/table';
import {
  FIELD_ORDER_KINDS,
  FIELD_ORDER_STATES,
  OPEN_FIELD_ORDER_STATES,
  type FieldOrderResponse,
} from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { ChipComponent } from '../../ui/chip.component';
import { IconComponent } from '../../ui/icon.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { fieldOrderKindTone, fieldOrderStateTone, orderAge } from './field-order-view.util';
import { BOARD_PAGE_SIZES, EMPTY_BOARD_FILTERS, FieldOrdersBoardStore } from './field-orders-board.store';

/** `/field/orders`: supervisors' view of field orders by state and age, overdue first. */
@Component({
  selector: 'rc-field-orders-board',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [FieldOrdersBoardStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatPaginatorModule,
    MatSelectModule,
    MatSlideToggleModule,
    MatTableModule,
    ChipComponent,
    IconComponent,
    PageStateComponent,
  ],
  templateUrl: './field-orders-board.component.html',
  styleUrl: './field-orders-board.component.scss',
})
export class FieldOrdersBoardComponent {
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly store = inject(FieldOrdersBoardStore);
  protected readonly t = this.i18n.t;
  protected readonly label = this.i18n.label;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly number = this.i18n.number;
  protected readonly kindTone = fieldOrderKindTone;
  protected readonly stateTone = fieldOrderStateTone;
  protected readonly states = FIELD_ORDER_STATES;
  protected readonly kinds = FIELD_ORDER_KINDS;
  protected readonly pageSizes = BOARD_PAGE_SIZES;
  protected readonly columns = ['select', 'kind', 'state', 'account', 'route', 'crew', 'due', 'age'];
  protected readonly filters = inject(FormBuilder).nonNullable.group({ ...EMPTY_BOARD_FILTERS });
  protected readonly crewId = signal('');
  protected readonly allSelected = computed(() => {
    const open = this.store.selectable();
    return open.length > 0 && open.every((o) => this.store.selected().has(o.id));
  });

  constructor() {
    this.store.init();
    this.filters.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.store.applyFilters(this.filters.getRawValue()));
  }

  protected filterRoute(route: string | null): void {
    this.filters.patchValue({ route: route ?? '' });
  }

  protected pageChanged(event: PageEvent): void {
    this.store.changePage(event.pageIndex, event.pageSize);
  }

  protected assign(): void {
    this.store.assign(this.crewId(), (count) =>
      this.snackBar.open(this.t('fieldOrders.assignedCount', { count }), undefined, { duration: 3000 }),
    );
  }

  protected age(order: FieldOrderResponse): string {
    const { key, params } = orderAge(order.createdAt, new Date());
    return this.t(key, params);
  }

  protected isOpen(order: FieldOrderResponse): boolean {
    return OPEN_FIELD_ORDER_STATES.includes(order.state);
  }
}
