import { localParts } from '../compliance/local-time.util';

/** A stretch of time in which a zone's offset from UTC does not change. */
export interface OffsetSegment {
  /** UTC instant the stretch starts (inclusive). */
  from: Date;
  /** Local time minus UTC, in minutes (−300 in Bogotá). */
  offsetMinutes: number;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

function offsetAt(zone: string, ms: number): number {
  return localParts(new Date(ms), zone).offsetMinutes;
}

/**
 * The offsets a zone runs on between two instants, so SQL can turn UTC instants into local days
 * without the server's time-zone tables: one segment for most months, two around a clock change
 * (found to the minute). Clocks change at most a few times a year, so hourly probing finds each.
 */
export function offsetSegments(zone: string, start: Date, end: Date): OffsetSegment[] {
  const segments: OffsetSegment[] = [{ from: start, offsetMinutes: offsetAt(zone, start.getTime()) }];
  let previous = start.getTime();
  for (let probe = previous + HOUR_MS; probe < end.getTime() + HOUR_MS; probe += HOUR_MS) {
    const at = Math.min(probe, end.getTime());
    const offset = offsetAt(zone, at);
    if (offset !== segments[segments.length - 1].offsetMinutes) {
      let low = previous;
      let high = at;
      while (high - low > MINUTE_MS) {
        const middle = low + Math.floor((high - low) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetAt(zone, middle) === offset) high = middle;
        else low = middle;
      }
      segments.push({ from: new Date(high), offsetMinutes: offset });
    }
    previous = at;
    if (at === end.getTime()) break;
  }
  return segments;
}

/**
 * A SQL expression for the local date of `column` over the segments, and its parameters:
 * `DATE(CASE WHEN col < ? THEN col + INTERVAL ? MINUTE … END)`.
 */
export function localDateSql(
  column: string,
  segments: readonly OffsetSegment[],
): { sql: string; params: unknown[] } {
  if (segments.length === 1)
    return { sql: `DATE(${column} + INTERVAL ? MINUTE)`, params: [segments[0].offsetMinutes] };
  const params: unknown[] = [];
  const cases = segments.slice(0, -1).map((segment, i) => {
    params.push(segments[i + 1].from, segment.offsetMinutes);
    return `WHEN ${column} < ? THEN ${column} + INTERVAL ? MINUTE`;
  });
  params.push(segments[segments.length - 1].offsetMinutes);
  return { sql: `DATE(CASE ${cases.join(' ')} ELSE ${column} + INTERVAL ? MINUTE END)`, params };
}
