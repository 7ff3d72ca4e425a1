import type { ActivatedRoute, Params, Router } from '@angular/router';

/** Keeps list filters and paging in the URL, so a reload or a shared link shows the same page. */
export function mergeQueryParams(router: Router, route: ActivatedRoute, queryParams: Params): void {
  void router.navigate([], {
    relativeTo: route,
    queryParams,
    queryParamsHandling: 'merge',
    replaceUrl: true,
  });
}
