import { WEEKDAYS } from './compliance-profile.type';
import {
  dayOfIso,
  isoOfDay,
  localParts,
  mondayOfDay,
  parseClockTime,
  weekdayOfDay,
  zonedInstant,
} from './local-time.util';

/** Local parts straight from Intl, with no offset cache, to check the cached path against. */
function reference(
  formatter: Intl.DateTimeFormat,
  instant: Date,
): { date: string; weekday: string; minuteOfDay: number } {
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return {
    date: `${part('year')}-${part('month')}-${part('day')}`,
    weekday: part('weekday').toLowerCase(),
    minuteOfDay: (Number(part('hour')) % 24) * 60 + Number(part('minute')),
  };
}

describe('localParts', () => {
  it('reads 19:05 on Friday 6 March in Bogotá from 00:05 UTC on Saturday', () => {
    expect(localParts(new Date('2026-03-07T00:05:00Z'), 'America/Bogota')).toEqual({
      date: '2026-03-06',
      weekday: 'fri',
      minuteOfDay: 19 * 60 + 5,
      msOfDay: (19 * 60 + 5) * 60_000,
      day: dayOfIso('2026-03-06'),
      offsetMinutes: -300,
    });
  });

  it('reads the repeated 23:30 of 4 April in Santiago twice, an hour apart, with both offsets', () => {
    const first = localParts(new Date('2026-04-05T02:30:00Z'), 'America/Santiago');
    const second = localParts(new Date('2026-04-05T03:30:00Z'), 'America/Santiago');
    expect([first.date, first.minuteOfDay, first.offsetMinutes]).toEqual(['2026-04-04', 23 * 60 + 30, -180]);
    expect([second.date, second.minuteOfDay, second.offsetMinutes]).toEqual([
      '2026-04-04',
      23 * 60 + 30,
      -240,
    ]);
  });

  it('jumps from 23:59 on 5 September to 01:00 on 6 September in Santiago', () => {
    expect(localParts(new Date('2026-09-06T03:59:00Z'), 'America/Santiago')).toMatchObject({
      date: '2026-09-05',
      minuteOfDay: 23 * 60 + 59,
    });
    expect(localParts(new Date('2026-09-06T04:00:00Z'), 'America/Santiago')).toMatchObject({
      date: '2026-09-06',
      weekday: 'sun',
      minuteOfDay: 60,
    });
  });

  function formatterFor(zone: string): Intl.DateTimeFormat {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
  }

  function mismatchesOver(zone: string, fromMs: number, toMs: number, stepMs: number): string[] {
    const formatter = formatterFor(zone);
    const mismatches: string[] = [];
    for (let ms = fromMs; ms < toMs; ms += stepMs) {
      const instant = new Date(ms);
      const actual = localParts(instant, zone);
      const expected = reference(formatter, instant);
      if (
        actual.date !== expected.date ||
        actual.weekday !== expected.weekday ||
        actual.minuteOfDay !== expected.minuteOfDay
      ) {
        mismatches.push(`${zone} ${instant.toISOString()}`);
      }
    }
    return mismatches;
  }

  it('agrees with Intl through 2026 and 2027 in zones with and without DST', () => {
    // An odd step (6 h 7 min) lands on every time of day over two years.
    const zones = [
      'America/New_York',
      'America/Santiago',
      'America/Bogota',
      'America/Mexico_City',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    const mismatches = zones.flatMap((zone) =>
      mismatchesOver(
        zone,
        Date.parse('2026-01-01T00:00:00Z'),
        Date.parse('2028-01-01T00:00:00Z'),
        367 * 60_000,
      ),
    );
    expect(mismatches).toEqual([]);
  });

  it('agrees with Intl minute by minute around every 2026–2027 clock change in New York and Santiago', () => {
    const changes: [string, string][] = [
      ['America/New_York', '2026-03-08T07:00:00Z'],
      ['America/New_York', '2026-11-01T06:00:00Z'],
      ['America/New_York', '2027-03-14T07:00:00Z'],
      ['America/New_York', '2027-11-07T06:00:00Z'],
      ['America/Santiago', '2026-04-05T03:00:00Z'],
      ['America/Santiago', '2026-09-06T04:00:00Z'],
      ['America/Santiago', '2027-04-04T03:00:00Z'],
      ['America/Santiago', '2027-09-05T04:00:00Z'],
    ];
    const mismatches = changes.flatMap(([zone, at]) => {
      const ms = Date.parse(at);
      return mismatchesOver(zone, ms - 90 * 60_000, ms + 90 * 60_000, 60_000);
    });
    expect(mismatches).toEqual([]);
    // The offset really changes at these instants.
    for (const [zone, at] of changes) {
      const before = localParts(new Date(Date.parse(at) - 1), zone).offsetMinutes;
      expect(localParts(new Date(at), zone).offsetMinutes - before).not.toBe(0);
    }
  });

  it('throws on an unknown time zone', () => {
    expect(() => localParts(new Date('2026-03-01T00:00:00Z'), 'America/Atlantis')).toThrow(RangeError);
  });
});

describe('zonedInstant', () => {
  it('turns a Bogotá wall time into UTC', () => {
    expect(zonedInstant('2026-03-06', '19:00', 'America/Bogota').toISOString()).toBe(
      '2026-03-07T00:00:00.000Z',
    );
  });

  it('keeps Mexico City on UTC−6 in summer, since Mexico dropped DST', () => {
    expect(zonedInstant('2026-07-08', '07:00', 'America/Mexico_City').toISOString()).toBe(
      '2026-07-08T13:00:00.000Z',
    );
  });

  it('maps a wall time skipped by spring-forward to the change itself', () => {
    expect(zonedInstant('2026-09-06', '00:30', 'America/Santiago').toISOString()).toBe(
      '2026-09-06T04:00:00.000Z',
    );
    expect(zonedInstant('2026-03-08', '02:30', 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('maps a repeated wall time to its first occurrence', () => {
    expect(zonedInstant('2026-04-04', '23:30', 'America/Santiago').toISOString()).toBe(
      '2026-04-05T02:30:00.000Z',
    );
    expect(zonedInstant('2026-11-01', '01:30', 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('round-trips with localParts on both sides of the New York changes', () => {
    for (const date of ['2026-03-07', '2026-03-08', '2026-03-09', '2026-10-31', '2026-11-01', '2026-11-02']) {
      const instant = zonedInstant(date, '08:00', 'America/New_York');
      expect(localParts(instant, 'America/New_York')).toMatchObject({ date, minuteOfDay: 480 });
    }
  });

  it('refuses malformed dates and times', () => {
    expect(() => zonedInstant('2026-02-30', '08:00', 'America/Bogota')).toThrow();
    expect(() => zonedInstant('2026-03-01', '8:00', 'America/Bogota')).toThrow();
  });
});

describe('calendar helpers', () => {
  it('parses HH:MM up to 24:00 and nothing else', () => {
    expect(parseClockTime('07:00')).toBe(420);
    expect(parseClockTime('24:00')).toBe(1440);
    expect(parseClockTime('24:01')).toBeNull();
    expect(parseClockTime('19:60')).toBeNull();
    expect(parseClockTime('7:00')).toBeNull();
  });

  it('names weekdays and finds the Monday of a week, before 1970 too', () => {
    expect(WEEKDAYS[weekdayOfDay(dayOfIso('2026-03-01'))]).toBe('sun');
    expect(WEEKDAYS[weekdayOfDay(dayOfIso('1969-12-31'))]).toBe('wed');
    expect(isoOfDay(mondayOfDay(dayOfIso('2026-03-15')))).toBe('2026-03-09');
    expect(isoOfDay(mondayOfDay(dayOfIso('2026-03-16')))).toBe('2026-03-16');
  });
});
