import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventResponse } from '@recupera/shared';
import { I18nService } from '../../core/i18n/i18n.service';
import { IconComponent } from '../../ui/icon.component';
import { JsonDiffComponent, type JsonDiffLabels } from '../../ui/json-diff.component';
import { PageStateComponent } from '../../ui/page-state.component';
import { AUDIT_PAGE_SIZES, AuditStore, EMPTY_AUDIT_FILTERS } from './audit.store';

@Component({
  selector: 'rc-audit',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [AuditStore],
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatPaginatorModule,
    MatSelectModule,
    MatTableModule,
    IconComponent,
    JsonDiffComponent,
    PageStateComponent,
  ],
  templateUrl: './audit.component.html',
  styleUrl: './audit.component.scss',
})
export class AuditComponent {
  private readonly i18n = inject(I18nService);
  protected readonly store = inject(AuditStore);
  protected readonly t = this.i18n.t;
  protected readonly dateTime = this.i18n.dateTime;
  protected readonly pageSizes = AUDIT_PAGE_SIZES;
  protected readonly columns = ['at', 'actor', 'action', 'entity', 'expand'];

  protected readonly filters = inject(FormBuilder).nonNullable.group({ ...EMPTY_AUDIT_FILTERS });
  protected readonly diffLabels = computed<JsonDiffLabels>(() => ({
    path: this.t('audit.path'),
    before: this.t('audit.before'),
    after: this.t('audit.after'),
    noChanges: this.t('audit.noChanges'),
  }));

  constructor() {
    this.store.init();
  }

  protected apply(): void {
    this.store.applyFilters(this.filters.getRawValue());
  }

  protected clear(): void {
    this.filters.reset();
    this.store.applyFilters(this.filters.getRawValue());
  }

  protected pageChanged(event: PageEvent): void {
    this.store.changePage(event.pageIndex, event.pageSize);
  }

  protected actorName(event: AuditEventResponse): string {
    return event.actorName ?? (event.actorId ? event.actorId : this.t('audit.system'));
  }

  protected readonly isExpanded = (event: AuditEventResponse): boolean => this.store.expanded() === event.id;
}
