import { AIRPORTS } from '../../scripts/demo/reference';
import { DAY, HOUR, offsetByRules, tzOffset } from '../../scripts/demo/time';

describe('tzOffset', () => {
  // Every zone of the demo airports, and one whose clocks change twice within five weeks
  // (Morocco stops its summer time for Ramadan).
  const zones = [...new Set([...AIRPORTS.map((a) => a.tz), 'Africa/Casablanca'])];
  const start = Date.UTC(new Date().getUTCFullYear(), 0, 1);

  test.each(zones)(
    '%s: agrees with the zone rules every 5 hours of this year and the next',
    (tz) => {
      const wrong: string[] = [];
      for (let t = start + 17 * 60_000; t < start + 2 * 366 * DAY; t += 5 * HOUR) {
        if (tzOffset(tz, t) !== offsetByRules(tz, t)) wrong.push(new Date(t).toISOString());
      }
      expect(wrong).toEqual([]);
    },
  );
});
