import { Injectable, effect, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nService } from './i18n.service';

/** Material's paginator texts, in the current language. */
@Injectable()
export class PaginatorIntlService extends MatPaginatorIntl {
  private readonly i18n = inject(I18nService);

  constructor() {
    super();
    effect(() => {
      const t = this.i18n.t;
      this.itemsPerPageLabel = t('paginator.itemsPerPage');
      this.nextPageLabel = t('paginator.nextPage');
      this.previousPageLabel = t('paginator.previousPage');
      this.firstPageLabel = t('paginator.firstPage');
      this.lastPageLabel = t('paginator.lastPage');
      this.getRangeLabel = (page: number, pageSize: number, length: number): string => {
        const total = this.i18n.number(length);
        if (length === 0 || pageSize === 0) return t('paginator.rangeEmpty', { total });
        const start = page * pageSize + 1;
        const end = Math.min(length, (page + 1) * pageSize);
        return t('paginator.range', { start: this.i18n.number(start), end: this.i18n.number(end), total });
      };
      this.changes.next();
    });
  }
}
