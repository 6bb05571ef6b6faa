import { AIRPORTS } from '../../scripts/demo/reference';
import { DAY, HOUR, tzOffset } from '../../scripts/demo/time';

/** The offset as the zone's rules give it, the slow way: what tzOffset must agree with. */
function offsetByIntl(format: Intl.DateTimeFormat, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const minute = Math.floor(utcMs / 60_000) * 60_000;
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - minute;
}

const formatOf = (tz: string) =>
  new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

describe('tzOffset', () => {
  // Every zone of the demo airports, and one whose clocks change twice within five weeks
  // (Morocco stops its summer time for Ramadan).
  const zones = [...new Set([...AIRPORTS.map((a) => a.tz), 'Africa/Casablanca'])];
  const start = Date.UTC(new Date().getUTCFullYear(), 0, 1);

  test.each(zones)(
    '%s: agrees with the zone rules every 5 hours of this year and the next',
    (tz) => {
      const format = formatOf(tz);
      const wrong: string[] = [];
      for (let t = start + 17 * 60_000; t < start + 2 * 366 * DAY; t += 5 * HOUR) {
        if (tzOffset(tz, t) !== offsetByIntl(format, t)) wrong.push(new Date(t).toISOString());
      }
      expect(wrong).toEqual([]);
    },
  );
});
