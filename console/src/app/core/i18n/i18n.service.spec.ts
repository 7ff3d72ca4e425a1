import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { I18nService, LOCALE_STORAGE_KEY } from './i18n.service';
import type { MessageKey } from './messages-es.constant';

describe(I18nService.name, () => {
  beforeEach(() => localStorage.clear());

  function create(): I18nService {
    return TestBed.inject(I18nService);
  }

  it('speaks Spanish by default', () => {
    const i18n = create();
    expect(i18n.locale()).toBe('es');
    expect(i18n.t('login.submit')).toBe('Ingresar');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('es');
  });

  it('switches to English, remembers the choice and updates the page language', () => {
    const i18n = create();
    i18n.setLocale('en');
    expect(i18n.t('login.submit')).toBe('Sign in');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(TestBed.inject(DOCUMENT).documentElement.lang).toBe('en');
  });

  it('starts in the remembered language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect(create().t('nav.dashboard')).toBe('Dashboard');
  });

  it('ignores a garbage stored language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(create().locale()).toBe('es');
  });

  it('fills parameters', () => {
    const i18n = create();
    expect(i18n.t('login.locked', { time: '5 min' })).toBe(
      'Cuenta bloqueada por demasiados intentos fallidos. Intenta de nuevo en 5 min.',
    );
  });

  it('shows the key for a key no dictionary has', () => {
    expect(create().t('does.not.exist' as MessageKey)).toBe('does.not.exist');
  });

  it('labels enum values in the current language', () => {
    const i18n = create();
    expect(i18n.label('accountStatus', 'in_agreement')).toBe('En convenio');
    i18n.setLocale('en');
    expect(i18n.label('accountStatus', 'in_agreement')).toBe('In agreement');
  });

  it('formats money exactly from minor units in the current locale', () => {
    const i18n = create();
    const es = i18n.money({ amountMinor: 123456789, currency: 'COP' });
    expect(es.replace(/\s/g, ' ')).toMatch(/1\.234\.567,89/);
    i18n.setLocale('en');
    expect(i18n.money({ amountMinor: 123456, currency: 'USD' })).toBe('$1,234.56');
    expect(i18n.money({ amountMinor: 5000, currency: 'CLP' })).toContain('5,000');
  });

  it('formats civil dates without shifting the day', () => {
    const i18n = create();
    i18n.setLocale('en');
    expect(i18n.date('2025-03-01')).toBe('Mar 1, 2025');
    i18n.setLocale('es');
    expect(i18n.date('2025-03-01')).toBe('1 mar 2025');
  });

  it("adopts the profile's language only when the user has not chosen one here", () => {
    const i18n = create();
    i18n.adoptProfileLocale('en');
    expect(i18n.locale()).toBe('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBeNull();

    i18n.setLocale('es');
    i18n.adoptProfileLocale('en');
    expect(i18n.locale()).toBe('es');
  });
});
