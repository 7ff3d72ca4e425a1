import { durationParts, interpolate, translate, type Dictionaries } from './i18n.util';
import { MESSAGES_EN } from './messages-en.constant';
import { MESSAGES_ES } from './messages-es.constant';

const DICTS: Dictionaries = {
  es: { 'greet.hello': 'Hola {name}', 'only.es': 'Solo en español', 'count.items': '{count} cuentas' },
  en: { 'greet.hello': 'Hello {name}', 'count.items': '{count} accounts' },
};

describe('translate', () => {
  it('returns the text of the requested locale', () => {
    expect(translate(DICTS, 'es', 'greet.hello', { name: 'Ana' })).toBe('Hola Ana');
    expect(translate(DICTS, 'en', 'greet.hello', { name: 'Ana' })).toBe('Hello Ana');
  });

  it('substitutes numeric parameters', () => {
    expect(translate(DICTS, 'en', 'count.items', { count: 3 })).toBe('3 accounts');
  });

  it('falls back to Spanish when English lacks a key', () => {
    expect(translate(DICTS, 'en', 'only.es')).toBe('Solo en español');
  });

  it('shows the key itself when no dictionary has it', () => {
    expect(translate(DICTS, 'en', 'nope.missing')).toBe('nope.missing');
    expect(translate(DICTS, 'es', 'nope.missing')).toBe('nope.missing');
  });

  it('does not mistake Object.prototype members for messages', () => {
    expect(translate(DICTS, 'es', 'constructor')).toBe('constructor');
    expect(translate(DICTS, 'es', 'toString')).toBe('toString');
  });
});

describe('interpolate', () => {
  it('leaves a placeholder without a value visible', () => {
    expect(interpolate('Hola {name}, {missing}', { name: 'Ana' })).toBe('Hola Ana, {missing}');
  });

  it('returns the template untouched without parameters', () => {
    expect(interpolate('Sin {params}')).toBe('Sin {params}');
  });
});

describe('durationParts', () => {
  it('speaks in seconds under a minute, minutes and seconds above', () => {
    expect(durationParts(45)).toEqual({ key: 'duration.seconds', params: { seconds: 45 } });
    expect(durationParts(300)).toEqual({ key: 'duration.minutes', params: { minutes: 5 } });
    expect(durationParts(270.2)).toEqual({
      key: 'duration.minutesSeconds',
      params: { minutes: 4, seconds: 31 },
    });
  });
});

describe('dictionaries', () => {
  it('have exactly the same keys in Spanish and English', () => {
    expect(Object.keys(MESSAGES_EN).sort()).toEqual(Object.keys(MESSAGES_ES).sort());
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, es] of Object.entries(MESSAGES_ES)) {
      expect({ key, params: placeholders(MESSAGES_EN[key as keyof typeof MESSAGES_ES]) }).toEqual({
        key,
        params: placeholders(es),
      });
    }
  });
});
