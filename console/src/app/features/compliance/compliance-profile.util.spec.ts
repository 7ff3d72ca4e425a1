import { ComplianceError } from '@recupera/shared';
import { MESSAGES_EN } from '../../core/i18n/messages-en.constant';
import { MESSAGES_ES } from '../../core/i18n/messages-es.constant';
import { limitFromText, problemsOf, textToWindows, windowsToText } from './compliance-profile.util';

describe('compliance profile editing', () => {
  it('writes windows as text and reads back what the admin typed, leaving checks to the server', () => {
    const windows = [
      { from: '07:00', to: '12:00' },
      { from: '14:00', to: '19:00' },
    ];
    expect(windowsToText(windows)).toBe('07:00–12:00, 14:00–19:00');
    expect(textToWindows('07:00–12:00, 14:00 - 19:00')).toEqual(windows);
    expect(textToWindows('  ')).toEqual([]);
    expect(textToWindows('7am')).toEqual([{ from: '7am', to: '' }]);
  });

  it('reads an empty limit as no limit', () => {
    expect(limitFromText('')).toBeNull();
    expect(limitFromText(' 3 ')).toBe(3);
  });

  it('lists the problems of a refused profile, or the field errors of a malformed one', () => {
    expect(problemsOf(null)).toEqual([]);
    const problems = {
      status: 400,
      code: 'validation_failed',
      message: 'x',
      details: { problems: ['a', 'b'] },
    };
    expect(problemsOf(problems as never)).toEqual(['a', 'b']);
    const fields = {
      status: 400,
      code: 'validation_failed',
      message: 'x',
      details: { errors: ['week must be a string'] },
    };
    expect(problemsOf(fields as never)).toEqual(['week must be a string']);
  });

  it('has a text for every refusal reason in both languages', () => {
    for (const reason of Object.values(ComplianceError)) {
      expect(MESSAGES_ES).toHaveProperty([`complianceReason.${reason}`]);
      expect(MESSAGES_EN).toHaveProperty([`complianceReason.${reason}`]);
    }
  });
});
