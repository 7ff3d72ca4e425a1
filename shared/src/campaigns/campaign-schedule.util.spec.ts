import { agencyDate, isScheduleOpen } from './campaign-schedule.util';

const WEEKDAYS_8_TO_19 = { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, from: '08:00', to: '19:00' };
const schedule = { ...WEEKDAYS_8_TO_19, days: [...WEEKDAYS_8_TO_19.days] };

describe('isScheduleOpen', () => {
  it('opens at `from` and closes at `to` in the agency zone', () => {
    // 2026-12-02 is a Wednesday; Bogotá is UTC−5 all year.
    expect(isScheduleOpen(schedule, 'America/Bogota', new Date('2026-12-02T12:59:59Z'))).toBe(false);
    expect(isScheduleOpen(schedule, 'America/Bogota', new Date('2026-12-02T13:00:00Z'))).toBe(true);
    expect(isScheduleOpen(schedule, 'America/Bogota', new Date('2026-12-02T23:59:59Z'))).toBe(true);
    expect(isScheduleOpen(schedule, 'America/Bogota', new Date('2026-12-03T00:00:00Z'))).toBe(false);
  });

  it('follows the local weekday, not the UTC one', () => {
    // Friday 18:30 in Bogotá is already Saturday in UTC.
    expect(isScheduleOpen(schedule, 'America/Bogota', new Date('2026-12-04T23:30:00Z'))).toBe(true);
    // Saturday 09:00 in Bogotá.
    expect(isScheduleOpen(schedule, 'America/Bogota', new Date('2026-12-05T14:00:00Z'))).toBe(false);
  });

  it('counts retry days on the agency calendar', () => {
    expect(agencyDate('America/Bogota', new Date('2026-12-05T03:00:00Z'))).toBe('2026-12-04');
  });
});
