import { isIsoDate } from '../domain/dates.util';
import { JURISDICTIONS } from '../domain/jurisdictions.constant';
import { defaultHolidaysOf, PUBLIC_HOLIDAYS } from './holidays.constant';

/*
 * The lists are typed in by hand from the official calendars; these tests re-derive every date that
 * follows a rule (Easter, Ley Emiliani, nth-Monday laws, US observed days) so a typo cannot hide.
 */

const DAY_MS = 86_400_000;
const YEARS = [2026, 2027];

function utc(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function weekday(ms: number): number {
  return new Date(ms).getUTCDay();
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
function easter(year: number): number {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

function nextMonday(ms: number): number {
  return ms + ((8 - weekday(ms)) % 7) * DAY_MS;
}

function nthWeekday(year: number, month: number, dayOfWeek: number, n: number): number {
  let ms = utc(year, month, 1);
  while (weekday(ms) !== dayOfWeek) ms += DAY_MS;
  return ms + (n - 1) * 7 * DAY_MS;
}

function sorted(dates: number[]): string[] {
  return dates.sort((a, b) => a - b).map(iso);
}

describe('PUBLIC_HOLIDAYS', () => {
  it('holds, for every country and year, distinct valid dates of that year in order', () => {
    for (const jurisdiction of JURISDICTIONS) {
      for (const year of YEARS) {
        const dates = PUBLIC_HOLIDAYS[jurisdiction][year];
        expect(dates.every((date) => isIsoDate(date) && date.startsWith(`${year}-`))).toBe(true);
        expect([...dates].sort()).toEqual(dates);
        expect(new Set(dates).size).toBe(dates.length);
      }
    }
  });

  it('follows Ley Emiliani in Colombia: moved saints and Easter feasts on Mondays, Semana Santa kept', () => {
    for (const year of YEARS) {
      const e = easter(year);
      const fixed = [
        utc(year, 1, 1),
        utc(year, 5, 1),
        utc(year, 7, 20),
        utc(year, 8, 7),
        utc(year, 12, 8),
        utc(year, 12, 25),
      ];
      const moved = [
        [1, 6],
        [3, 19],
        [6, 29],
        [8, 15],
        [10, 12],
        [11, 1],
        [11, 11],
      ].map(([m, d]) => nextMonday(utc(year, m, d)));
      const easterBased = [e - 3 * DAY_MS, e - 2 * DAY_MS, e + 43 * DAY_MS, e + 64 * DAY_MS, e + 71 * DAY_MS];
      expect(PUBLIC_HOLIDAYS.CO[year]).toEqual(sorted([...fixed, ...moved, ...easterBased]));
    }
    expect(PUBLIC_HOLIDAYS.CO[2026]).toContain('2026-01-12');
  });

  it('puts the Mexican Monday holidays on the first Monday of February and third Mondays of March and November', () => {
    for (const year of YEARS) {
      const dates = PUBLIC_HOLIDAYS.MX[year];
      expect(dates).toContain(iso(nthWeekday(year, 2, 1, 1)));
      expect(dates).toContain(iso(nthWeekday(year, 3, 1, 3)));
      expect(dates).toContain(iso(nthWeekday(year, 11, 1, 3)));
    }
    // Federal ordinary elections fall on the first Sunday of June.
    expect(PUBLIC_HOLIDAYS.MX[2027]).toContain(iso(nthWeekday(2027, 6, 0, 1)));
  });

  it('closes on the Easter days each country keeps', () => {
    for (const year of YEARS) {
      const e = easter(year);
      const holyThursday = iso(e - 3 * DAY_MS);
      const goodFriday = iso(e - 2 * DAY_MS);
      const holySaturday = iso(e - DAY_MS);
      expect(PUBLIC_HOLIDAYS.PE[year]).toEqual(expect.arrayContaining([holyThursday, goodFriday]));
      expect(PUBLIC_HOLIDAYS.CL[year]).toEqual(expect.arrayContaining([goodFriday, holySaturday]));
      // Carnaval: the Monday and Tuesday before Ash Wednesday.
      expect(PUBLIC_HOLIDAYS.EC[year]).toEqual(
        expect.arrayContaining([iso(e - 48 * DAY_MS), iso(e - 47 * DAY_MS), goodFriday]),
      );
    }
  });

  it('moves Chilean San Pedro y San Pablo and Encuentro de Dos Mundos to Mondays, never Sundays', () => {
    expect(PUBLIC_HOLIDAYS.CL[2026]).toEqual(expect.arrayContaining(['2026-06-29', '2026-10-12']));
    expect(PUBLIC_HOLIDAYS.CL[2027]).toEqual(
      expect.arrayContaining(['2027-06-28', '2027-10-11', '2027-09-17']),
    );
    for (const date of ['2027-06-28', '2027-10-11']) expect(weekday(Date.parse(date))).toBe(1);
  });

  it('keeps every Ecuadorian holiday on a weekday, as LOSEP art. 27 moves weekend ones', () => {
    for (const year of YEARS) {
      const weekend = PUBLIC_HOLIDAYS.EC[year].filter((date) => [0, 6].includes(weekday(Date.parse(date))));
      expect(weekend).toEqual([]);
    }
  });

  it('lists US federal holidays on the days they are observed', () => {
    for (const year of YEARS) {
      const actual = [
        utc(year, 1, 1),
        nthWeekday(year, 1, 1, 3),
        nthWeekday(year, 2, 1, 3),
        nthWeekday(year, 6, 1, 1) - 7 * DAY_MS, // last Monday of May
        utc(year, 6, 19),
        utc(year, 7, 4),
        nthWeekday(year, 9, 1, 1),
        nthWeekday(year, 10, 1, 2),
        utc(year, 11, 11),
        nthWeekday(year, 11, 4, 4),
        utc(year, 12, 25),
        utc(year + 1, 1, 1),
      ];
      const observed = actual
        .map((ms) => (weekday(ms) === 6 ? ms - DAY_MS : weekday(ms) === 0 ? ms + DAY_MS : ms))
        .filter((ms) => new Date(ms).getUTCFullYear() === year);
      expect(PUBLIC_HOLIDAYS.US[year]).toEqual(sorted(observed));
    }
  });

  it('gives every country one set across years for the gate to look dates up in', () => {
    const co = defaultHolidaysOf('CO');
    expect(co.has('2026-01-12')).toBe(true);
    expect(co.has('2027-01-11')).toBe(true);
    expect(co.has('2026-01-06')).toBe(false);
    expect(defaultHolidaysOf('CO')).toBe(co);
  });
});
