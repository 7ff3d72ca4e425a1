// The preset's setup must load first: it brings the JIT compiler that @angular/common needs.
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
import { registerLocaleData } from '@angular/common';
import localeEs from '@angular/common/locales/es';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

registerLocaleData(localeEs);
