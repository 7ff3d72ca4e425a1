import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { AccountListItem, AccountSearchQuery, Page, RenderedScript } from '@recupera/shared';
import { of, throwError, type Observable } from 'rxjs';
import { AccountsService } from '../accounts/accounts.service';
import { renderedScript } from './script-response.factory';
import { ACCOUNT_SEARCH_DEBOUNCE_MS, ScriptPreviewStore } from './script-preview.store';
import { ScriptsService } from './scripts.service';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [ScriptPreviewStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(ScriptPreviewStore);
}

const ACCOUNT: AccountListItem = {
  id: '42',
  accountNumber: 'TC-0045-7781',
  debtorName: 'María Fernanda López',
  clientCode: 'BCO',
  portfolioName: 'Tarjetas',
  balance: { amountMinor: 1_234_567, currency: 'MXN' },
  daysPastDue: 47,
  agingBucket: '31-60',
  status: 'active',
  assignedTeamId: null,
  assignedAgentId: null,
  assignedAgentName: null,
};

describe(ScriptPreviewStore.name, () => {
  let store: ScriptPreviewStore;
  const scripts = {
    preview: jest.fn((_v: string, _a: string): Observable<RenderedScript> => of(renderedScript())),
  };
  const accounts = {
    search: jest.fn(
      (_q: AccountSearchQuery): Observable<Page<AccountListItem>> =>
        of({ items: [ACCOUNT], total: 1, page: 1, pageSize: 8 }),
    ),
  };

  beforeEach(() => {
    jest.useFakeTimers();
    jest.clearAllMocks();
    TestBed.configureTestingModule({
      providers: [
        { provide: ScriptsService, useValue: scripts },
        { provide: AccountsService, useValue: accounts },
      ],
    });
    store = TestBed.createComponent(HostComponent).componentInstance.store;
  });

  afterEach(() => jest.useRealTimers());

  it('searches accounts once the typing settles, and not for a single character', () => {
    store.search('T');
    jest.advanceTimersByTime(ACCOUNT_SEARCH_DEBOUNCE_MS);
    expect(accounts.search).not.toHaveBeenCalled();

    store.search('TC-0045');
    expect(store.searching()).toBe(true);
    store.search('TC-0045-7781');
    jest.advanceTimersByTime(ACCOUNT_SEARCH_DEBOUNCE_MS);
    expect(accounts.search).toHaveBeenCalledTimes(1);
    expect(accounts.search).toHaveBeenCalledWith({ q: 'TC-0045-7781', page: 1, pageSize: 8 });
    expect(store.results()).toEqual([ACCOUNT]);
    expect(store.searching()).toBe(false);
  });

  it('offers a typed number as an account id', () => {
    store.search(' 42 ');
    expect(store.queryAsId()).toBe('42');
    store.search('TC-1');
    expect(store.queryAsId()).toBeNull();
  });

  it('renders the version for the chosen account, and follows the answers clicked', () => {
    store.show('v1');
    expect(scripts.preview).not.toHaveBeenCalled();
    store.chooseAccount({ id: '42', number: 'TC-0045-7781', debtorName: null });
    expect(scripts.preview).toHaveBeenCalledWith('v1', '42');
    expect(store.current()?.id).toBe('saludo');
    expect(store.canGoBack()).toBe(false);

    store.answer('si');
    expect(store.current()?.id).toBe('aviso');
    store.next();
    expect(store.current()?.id).toBe('cierre');
    expect(store.atEnd()).toBe(true);
    expect(store.trail()).toEqual(['Saludo', 'Aviso', 'Cierre']);

    store.back();
    expect(store.current()?.id).toBe('aviso');
    store.restart();
    expect(store.path()).toEqual(['saludo']);
  });

  it('says which step an answer leads to when the version lacks it', () => {
    store.show('v1');
    store.chooseAccount({ id: '42', number: null, debtorName: null });
    store.answer('no');
    expect(store.current()).toBeNull();
    expect(store.missingStepId()).toBe('perdido');
  });

  it('renders again when another version is shown, and clears when none is', () => {
    store.chooseAccount({ id: '42', number: null, debtorName: null });
    store.show('v2');
    store.show('v2');
    expect(scripts.preview).toHaveBeenCalledTimes(2);
    store.show(null);
    expect(store.script()).toBeNull();
    expect(store.path()).toEqual([]);
  });

  it('explains a preview the server refused', () => {
    scripts.preview.mockReturnValueOnce(throwError(() => new HttpErrorResponse({ status: 404 })));
    store.show('v1');
    store.chooseAccount({ id: '999', number: null, debtorName: null });
    expect(store.renderError()).toBe('No se encontró lo que buscabas.');
  });
});
