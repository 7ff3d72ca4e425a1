import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  ComplianceError,
  DEFAULT_COMPLIANCE_PROFILES,
  type ComplianceProfileResponse,
  type HolidayResponse,
  type RefusalSummaryResponse,
} from '@recupera/shared';
import { AuthStore } from '../../core/auth/auth.store';
import { ComplianceStore } from './compliance.store';

@Component({
  selector: 'rc-host',
  template: '',
  providers: [ComplianceStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class HostComponent {
  readonly store = inject(ComplianceStore);
}

function profile(
  code: 'CO' | 'MX',
  patch: Partial<ComplianceProfileResponse> = {},
): ComplianceProfileResponse {
  return {
    code,
    definition: DEFAULT_COMPLIANCE_PROFILES[code],
    updatedBy: null,
    updatedByName: null,
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...patch,
  };
}

const SUMMARY: RefusalSummaryResponse = {
  from: '2026-11-16T12:00:00.000Z',
  to: '2026-11-23T12:00:00.000Z',
  campaignId: null,
  total: 5,
  byReason: [
    { reason: ComplianceError.OutsideWindow, count: 3 },
    { reason: ComplianceError.DoNotContact, count: 2 },
  ],
};

const REYES: HolidayResponse = { country: 'CO', date: '2026-01-12', name: null };
const SAN_JOSE: HolidayResponse = { country: 'CO', date: '2026-03-23', name: null };

describe(ComplianceStore.name, () => {
  let backend: HttpTestingController;
  let store: ComplianceStore;

  function signIn(role: 'admin' | 'supervisor'): void {
    TestBed.inject(AuthStore).setSession({
      accessToken: 'token',
      refreshToken: 'refresh',
      expiresIn: 900,
      user: { id: '1', email: 'a@x.co', fullName: 'A', role, teamId: null, locale: 'es' },
    });
  }

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-23T12:00:00.000Z') });
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.createComponent(HostComponent).componentInstance.store;
    store.init();
    backend.expectOne('/api/compliance/profiles').flush([profile('MX'), profile('CO')]);
    backend.expectOne('/api/compliance/holidays?country=CO&year=2026').flush([SAN_JOSE, REYES]);
    backend
      .expectOne('/api/compliance/refusals/summary?from=2026-11-16T12:00:00.000Z&to=2026-11-23T12:00:00.000Z')
      .flush(SUMMARY);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it("loads the profiles, this year's holidays of Colombia and the last 7 days of refusals", () => {
    expect(store.profiles().map((p) => p.code)).toEqual(['CO', 'MX']);
    expect(store.holidays()).toEqual([REYES, SAN_JOSE]);
    expect(store.refusals()).toEqual(SUMMARY.byReason);
    expect(store.refusalsTotal()).toBe(5);
    expect(store.profilesReady() && store.holidaysReady() && store.summaryReady()).toBe(true);
  });

  it('lets only admins edit, and says when refusals are limited to the supervisor’s teams', () => {
    signIn('supervisor');
    expect(store.canEdit()).toBe(false);
    expect(store.teamScoped()).toBe(true);
    signIn('admin');
    expect(store.canEdit()).toBe(true);
    expect(store.teamScoped()).toBe(false);
  });

  it('replaces a saved profile in the list', () => {
    const done = jest.fn();
    const edited = { ...DEFAULT_COMPLIANCE_PROFILES.CO, abandonedBlockHours: 96 };
    store.saveProfile('CO', edited, done);
    expect(store.savingProfile()).toBe(true);
    const request = backend.expectOne({ method: 'PUT', url: '/api/compliance/profiles/CO' });
    expect(request.request.body).toEqual(edited);
    const saved = profile('CO', { definition: edited, updatedBy: '1', updatedByName: 'Ana' });
    request.flush(saved);
    expect(done).toHaveBeenCalledWith(saved);
    expect(store.savingProfile()).toBe(false);
    expect(store.profiles()[0]).toEqual(saved);
  });

  it('lists every problem the server found in a refused profile, and forgets them on reset', () => {
    const done = jest.fn();
    store.saveProfile('CO', DEFAULT_COMPLIANCE_PROFILES.CO, done);
    backend.expectOne('/api/compliance/profiles/CO').flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'The profile has problems',
        details: { problems: ['mon: 19:00–07:00 ends before it starts', 'cap 1: no channels'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(done).not.toHaveBeenCalled();
    expect(store.profileSaveError()).toBe('Algunos datos no son válidos.');
    expect(store.profileProblems()).toEqual(['mon: 19:00–07:00 ends before it starts', 'cap 1: no channels']);
    expect(store.profiles()[0].definition).toBe(DEFAULT_COMPLIANCE_PROFILES.CO);
    store.resetProfileSave();
    expect(store.profileProblems()).toEqual([]);
    expect(store.profileSaveError()).toBeNull();
  });

  it('reloads the holidays when the country or year changes', () => {
    store.setHolidayFilter({ country: 'CL', year: 2027 });
    backend.expectOne('/api/compliance/holidays?country=CL&year=2027').flush([]);
    expect(store.holidayFilter()).toEqual({ country: 'CL', year: 2027 });
    expect(store.holidays()).toEqual([]);
  });

  it('adds a holiday in date order, and removes one', () => {
    const added = jest.fn();
    store.addHoliday({ country: 'CO', date: '2026-02-10', name: 'Día cívico' }, added);
    const post = backend.expectOne({ method: 'POST', url: '/api/compliance/holidays' });
    post.flush({ country: 'CO', date: '2026-02-10', name: 'Día cívico' });
    expect(added).toHaveBeenCalled();
    expect(store.holidays().map((h) => h.date)).toEqual(['2026-01-12', '2026-02-10', '2026-03-23']);

    const removed = jest.fn();
    store.removeHoliday(REYES, removed);
    backend.expectOne({ method: 'DELETE', url: '/api/compliance/holidays/CO/2026-01-12' }).flush(null);
    expect(removed).toHaveBeenCalled();
    expect(store.holidays().map((h) => h.date)).toEqual(['2026-02-10', '2026-03-23']);
  });

  it('keeps a holiday of another year off the list on screen, and shows a conflict', () => {
    store.addHoliday({ country: 'CO', date: '2027-02-10', name: 'Otro año' }, jest.fn());
    backend
      .expectOne('/api/compliance/holidays')
      .flush({ country: 'CO', date: '2027-02-10', name: 'Otro año' });
    expect(store.holidays()).toEqual([REYES, SAN_JOSE]);

    const done = jest.fn();
    store.addHoliday({ country: 'CO', date: '2026-01-12', name: 'Reyes' }, done);
    backend
      .expectOne('/api/compliance/holidays')
      .flush(
        { statusCode: 409, code: 'conflict', message: '2026-01-12 is already a holiday in CO' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(done).not.toHaveBeenCalled();
    expect(store.holidaySaveError()).toBe(
      'Ya existe un registro con esos datos. 2026-01-12 is already a holiday in CO',
    );
  });

  it('keeps the last summary on screen when a refresh fails', () => {
    store.loadSummary();
    backend
      .expectOne((request) => request.url === '/api/compliance/refusals/summary')
      .flush(null, { status: 503, statusText: 'Unavailable' });
    expect(store.summaryError()).toBe('El servicio no está disponible. Intenta de nuevo en unos minutos.');
    expect(store.refusalsTotal()).toBe(5);
  });
});
