import { cleanCode, failureText, formatDate, formatMoney, maskAccountNumber } from './widget-format.util';
import { translator, widgetLocale } from './widget-i18n.constant';

describe('widget formatting', () => {
  it('shows only the last four characters of an account number', () => {
    expect(maskAccountNumber('4000123412345678')).toBe('•••• 5678');
    expect(maskAccountNumber('123')).toBe('123');
  });

  it('keeps six digits of whatever was typed as the code', () => {
    expect(cleanCode(' 12 34-56 ')).toBe('123456');
    expect(cleanCode('1234567')).toBe('123456');
  });

  it('formats money from minor units in the currency’s own decimals', () => {
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(formatMoney({ amountMinor: 1_250_050, currency: 'MXN' }, 'en')).toBe('MX$12,500.50');
    expect(plain(formatMoney({ amountMinor: 125_000, currency: 'CLP' }, 'en'))).toBe('CLP 125,000');
  });

  it('writes a Spanish amount as the currency’s country does', () => {
    expect(formatMoney({ amountMinor: 1_250_050, currency: 'MXN' }, 'es')).toBe('$12,500.50');
    expect(formatMoney({ amountMinor: 1_250_050, currency: 'COP' }, 'es').replace(/\s/g, ' ')).toBe(
      '$ 12.500,50',
    );
  });

  it('shows a due date on its own calendar day in any time zone', () => {
    expect(formatDate('2026-12-01', 'en')).toBe('Dec 1, 2026');
  });
});

describe(failureText.name, () => {
  it('says the same for an unknown account and a wrong national id', () => {
    expect(failureText('identify', { status: 404, code: 'not_found' })).toBe('errorNotFound');
  });

  it('tells a debtor with no mobile, a throttled one and one offline apart', () => {
    expect(failureText('identify', { status: 422, code: 'validation_failed' })).toBe('errorNoMobile');
    expect(failureText('identify', { status: 429, code: null })).toBe('errorRateLimited');
    expect(failureText('verify', { status: 0, code: null })).toBe('errorNetwork');
  });

  it('tells a wrong code from an expired one and one tried too often', () => {
    expect(failureText('verify', { status: 400, code: 'validation_failed' })).toBe('errorCodeWrong');
    expect(failureText('verify', { status: 410, code: 'token_expired' })).toBe('errorCodeExpired');
    expect(failureText('verify', { status: 409, code: 'conflict' })).toBe('errorCodeDead');
  });

  it('sends a debtor whose session ended back to identification', () => {
    expect(failureText('session', { status: 403, code: 'forbidden' })).toBe('errorSessionExpired');
  });
});

describe('widget texts', () => {
  it('speaks Spanish unless the page asks for English', () => {
    expect(widgetLocale(undefined)).toBe('es');
    expect(widgetLocale('fr')).toBe('es');
    expect(widgetLocale('en-US')).toBe('en');
    expect(translator('es')('send')).toBe('Enviar');
    expect(translator('en')('typing', { name: 'Laura' })).toBe('Laura is typing…');
  });
});
