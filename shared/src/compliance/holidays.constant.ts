import type { IsoDate } from '../domain/dates.util';
import type { Jurisdiction } from '../domain/jurisdictions.constant';

/**
 * National public holidays as the dates they are observed (after any legal move), per country and
 * year: the seed data an admin edits (DESIGN.md §5.1). Regional holidays (a city's founding, Arica's
 * 7 June, Cuenca's or Quito's local days) are not here; the debtor's country is all the gate knows.
 * Holidays on a Sunday are listed too, so the list reads like the official calendar.
 */
// A few dates per row read like the official calendars they are checked against.
// prettier-ignore
export const PUBLIC_HOLIDAYS: Readonly<Record<Jurisdiction, Readonly<Record<number, readonly IsoDate[]>>>> = {
  // Ley 51 de 1983 (Ley Emiliani) moves Reyes, San José, San Pedro y San Pablo, Asunción, Día de la
  // Raza, Todos los Santos and Independencia de Cartagena to the following Monday, and Ascensión,
  // Corpus Christi and Sagrado Corazón (Easter + 39, 60, 68) to the Monday after; Jueves and Viernes
  // Santo, 1 Jan, 1 May, 20 Jul, 7 Aug, 8 and 25 Dec stay where they fall.
  CO: {
    2026: [
      '2026-01-01', '2026-01-12', '2026-03-23', '2026-04-02', '2026-04-03', '2026-05-01',
      '2026-05-18', '2026-06-08', '2026-06-15', '2026-06-29', '2026-07-20', '2026-08-07',
      '2026-08-17', '2026-10-12', '2026-11-02', '2026-11-16', '2026-12-08', '2026-12-25',
    ],
    2027: [
      '2027-01-01', '2027-01-11', '2027-03-22', '2027-03-25', '2027-03-26', '2027-05-01',
      '2027-05-10', '2027-05-31', '2027-06-07', '2027-07-05', '2027-07-20', '2027-08-07',
      '2027-08-16', '2027-10-18', '2027-11-01', '2027-11-15', '2027-12-08', '2027-12-25',
    ],
  },
  // Ley Federal del Trabajo art. 74: 1 Jan, first Monday of February, third Monday of March, 1 May,
  // 16 Sep, third Monday of November, 25 Dec, and the day of a federal ordinary election (the 2027
  // midterm on Sunday 6 June). Jueves/Viernes Santo are bank holidays (CNBV), not art. 74 days, so
  // they are left for an admin to add; the default MX profile does not close on holidays anyway.
  MX: {
    2026: ['2026-01-01', '2026-02-02', '2026-03-16', '2026-05-01', '2026-09-16', '2026-11-16', '2026-12-25'],
    2027: [
      '2027-01-01', '2027-02-01', '2027-03-15', '2027-05-01', '2027-06-06', '2027-09-16', '2027-11-15',
      '2027-12-25',
    ],
  },
  // Chile's legal holidays: Viernes and Sábado Santo; Pueblos Indígenas on the winter solstice (Ley
  // 21.357: 21 June in both years); San Pedro y San Pablo and Encuentro de Dos Mundos move to a Monday
  // (Ley 19.668: Tue–Thu to the Monday before, Friday to the Monday after); Iglesias Evangélicas
  // (Ley 20.299) moves only from Tue/Wed; Ley 20.983 adds Friday 17 Sep when 18–19 Sep fall on a
  // weekend (2027). No national election is scheduled in either year; add one if called.
  CL: {
    2026: [
      '2026-01-01', '2026-04-03', '2026-04-04', '2026-05-01', '2026-05-21', '2026-06-21',
      '2026-06-29', '2026-07-16', '2026-08-15', '2026-09-18', '2026-09-19', '2026-10-12',
      '2026-10-31', '2026-11-01', '2026-12-08', '2026-12-25',
    ],
    2027: [
      '2027-01-01', '2027-03-26', '2027-03-27', '2027-05-01', '2027-05-21', '2027-06-21',
      '2027-06-28', '2027-07-16', '2027-08-15', '2027-09-17', '2027-09-18', '2027-09-19',
      '2027-10-11', '2027-10-31', '2027-11-01', '2027-12-08', '2027-12-25',
    ],
  },
  // Ecuador moves holidays by the LOSEP art. 27 rules (Saturday → Friday before, Sunday → Monday
  // after, Tuesday → Monday before, Wednesday/Thursday → Friday after; Carnaval never moves) and by
  // executive decree. 2026 is the official calendar (Viceministerio de Turismo / Ministerio del
  // Trabajo) plus Friday 2 January, a rest day by Decreto Ejecutivo 249 (to be made up later, but no
  // one works it, so no one is called). 2027 had not been published when this was written: it applies
  // the rules the way the official 2021 calendar did for the same weekdays (1 May → 30 Apr, 10 Aug →
  // 9 Aug, 9 Oct → 8 Oct, 2–3 Nov → 1–2 Nov, 25 Dec → 24 Dec, and 1 Jan 2028 → 31 Dec 2027);
  // replace it with the decree when it comes out.
  EC: {
    2026: [
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-04-03', '2026-05-01',
      '2026-05-25', '2026-08-10', '2026-10-09', '2026-11-02', '2026-11-03', '2026-12-25',
    ],
    2027: [
      '2027-01-01', '2027-02-08', '2027-02-09', '2027-03-26', '2027-04-30', '2027-05-24',
      '2027-08-09', '2027-10-08', '2027-11-01', '2027-11-02', '2027-12-24', '2027-12-31',
    ],
  },
  // Peru (Decreto Legislativo 713 and the laws that added 7 Jun, 23 Jul, 6 Aug — Ley 31530 — and
  // 9 Dec): holidays never move. The public sector's "días no laborables" decreed each year are not
  // holidays for private business and are not listed.
  PE: {
    2026: [
      '2026-01-01', '2026-04-02', '2026-04-03', '2026-05-01', '2026-06-07', '2026-06-29',
      '2026-07-23', '2026-07-28', '2026-07-29', '2026-08-06', '2026-08-30', '2026-10-08',
      '2026-11-01', '2026-12-08', '2026-12-09', '2026-12-25',
    ],
    2027: [
      '2027-01-01', '2027-03-25', '2027-03-26', '2027-05-01', '2027-06-07', '2027-06-29',
      '2027-07-23', '2027-07-28', '2027-07-29', '2027-08-06', '2027-08-30', '2027-10-08',
      '2027-11-01', '2027-12-08', '2027-12-09', '2027-12-25',
    ],
  },
  // US federal holidays (5 U.S.C. 6103) on their observed dates (Saturday → Friday, Sunday → Monday),
  // as OPM publishes them: 4 Jul 2026 → 3 Jul; 19 Jun, 4 Jul and 25 Dec 2027 → 18 Jun, 5 Jul, 24 Dec;
  // New Year's Day 2028 (a Saturday) is observed on Friday 31 Dec 2027. The FDCPA does not close on
  // holidays; the list is here for admins who choose to.
  US: {
    2026: [
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03',
      '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
    ],
    2027: [
      '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05',
      '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31',
    ],
  },
};

const holidaySets = new Map<Jurisdiction, ReadonlySet<IsoDate>>();

/** All default holidays of a country as one set, built once: the gate looks dates up per attempt. */
export function defaultHolidaysOf(jurisdiction: Jurisdiction): ReadonlySet<IsoDate> {
  let set = holidaySets.get(jurisdiction);
  if (!set) {
    set = new Set(Object.values(PUBLIC_HOLIDAYS[jurisdiction]).flat());
    holidaySets.set(jurisdiction, set);
  }
  return set;
}
