import { MAX_PAGE_SIZE, type Page, type PageQuery } from '@recupera/shared';

export interface PageWindow {
  page: number;
  pageSize: number;
  skip: number;
}

export function pageWindow(query: PageQuery, defaultSize = 25): PageWindow {
  const page = Math.max(1, query.page ?? 1);
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, query.pageSize ?? defaultSize));
  return { page, pageSize, skip: (page - 1) * pageSize };
}

export function toPage<T>(items: T[], total: number, window: PageWindow): Page<T> {
  return { items, total, page: window.page, pageSize: window.pageSize };
}
