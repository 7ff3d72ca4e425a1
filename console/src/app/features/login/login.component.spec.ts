import { ChangeDetectionStrategy, Component } from '@angular/core';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { ErrorCode, type AuthTokens, type Role } from '@recupera/shared';
import { AUTH_URLS } from '../../core/auth/auth.service';
import { authInterceptor } from '../../core/http/auth-interceptor.util';
import { I18nService } from '../../core/i18n/i18n.service';
import { LoginComponent } from './login.component';
import { safeReturnUrl } from './login.store';

@Component({ selector: 'rc-blank', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class BlankComponent {}

function tokens(role: Role): AuthTokens {
  return {
    accessToken: 'access',
    refreshToken: 'refresh',
    expiresIn: 900,
    user: { id: 'u1', email: 'user@recupera.test', fullName: 'Usuario', role, teamId: null, locale: 'es' },
  };
}

describe(LoginComponent.name, () => {
  let fixture: ComponentFixture<LoginComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  const byTestId = <T extends HTMLElement>(id: string): T | null =>
    element.querySelector<T>(`[data-testid="${id}"]`);

  async function fillAndSubmit(email: string, password: string): Promise<void> {
    const emailInput = byTestId<HTMLInputElement>('login-email');
    const passwordInput = byTestId<HTMLInputElement>('login-password');
    if (!emailInput || !passwordInput) throw new Error('login fields missing');
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    passwordInput.value = password;
    passwordInput.dispatchEvent(new Event('input'));
    byTestId<HTMLButtonElement>('login-submit')?.click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [LoginComponent],
      providers: [
        provideRouter([
          { path: 'agent', component: BlankComponent },
          { path: 'dashboard', component: BlankComponent },
          { path: 'floor', component: BlankComponent },
          { path: 'admin/imports', component: BlankComponent },
          { path: 'accounts/:id', component: BlankComponent },
        ]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginComponent);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  it('renders the form with stable test ids, in Spanish', () => {
    expect(byTestId('login-email')).not.toBeNull();
    expect(byTestId('login-password')).not.toBeNull();
    expect(byTestId('login-submit')?.textContent?.trim()).toBe('Ingresar');
    expect(byTestId('login-error')).toBeNull();
  });

  it('does not call the API while the form is invalid', async () => {
    await fillAndSubmit('not-an-email', '');
    backend.expectNone(AUTH_URLS.login);
    expect(element.textContent).toContain('El correo no es válido.');
    expect(element.textContent).toContain('Ingresa tu contraseña.');
  });

  it.each<[Role, string]>([
    ['agent', '/agent'],
    ['manager', '/dashboard'],
    ['supervisor', '/floor'],
    ['admin', '/admin/imports'],
  ])('sends a signed-in %s to %s', async (role, home) => {
    await fillAndSubmit('  user@recupera.test ', 'correct-horse');
    const request = backend.expectOne(AUTH_URLS.login);
    expect(request.request.body).toEqual({ email: 'user@recupera.test', password: 'correct-horse' });
    request.flush(tokens(role));
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(home);
  });

  it('goes back to the page that asked for the login', async () => {
    fixture.componentRef.setInput('returnUrl', '/accounts/42');
    await fillAndSubmit('user@recupera.test', 'correct-horse');
    backend.expectOne(AUTH_URLS.login).flush(tokens('agent'));
    await fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/accounts/42');
  });

  it('explains wrong credentials', async () => {
    await fillAndSubmit('user@recupera.test', 'wrong');
    backend
      .expectOne(AUTH_URLS.login)
      .flush(
        { statusCode: 401, code: ErrorCode.InvalidCredentials, message: 'Invalid credentials' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();
    expect(byTestId('login-error')?.textContent?.trim()).toBe('Correo o contraseña incorrectos.');
  });

  it('explains a lock-out with the time to wait, in the chosen language', async () => {
    TestBed.inject(I18nService).setLocale('en');
    await fillAndSubmit('user@recupera.test', 'wrong');
    backend.expectOne(AUTH_URLS.login).flush(
      {
        statusCode: 423,
        code: ErrorCode.AccountLocked,
        message: 'Locked',
        details: { retryAfterSeconds: 270 },
      },
      { status: 423, statusText: 'Locked' },
    );
    await fixture.whenStable();
    expect(byTestId('login-error')?.textContent?.trim()).toBe(
      'Account locked after too many failed attempts. Try again in 4 min 30 s.',
    );
  });

  it('says so when the server cannot be reached', async () => {
    await fillAndSubmit('user@recupera.test', 'secret');
    backend.expectOne(AUTH_URLS.login).error(new ProgressEvent('error'));
    await fixture.whenStable();
    expect(byTestId('login-error')?.textContent?.trim()).toBe('No hay conexión con el servidor.');
  });
});

describe('safeReturnUrl', () => {
  it('accepts same-site paths only', () => {
    expect(safeReturnUrl('/accounts/1?x=2')).toBe('/accounts/1?x=2');
    expect(safeReturnUrl('//evil.example')).toBeNull();
    expect(safeReturnUrl('https://evil.example')).toBeNull();
    expect(safeReturnUrl('/login')).toBeNull();
    expect(safeReturnUrl(undefined)).toBeNull();
  });
});
