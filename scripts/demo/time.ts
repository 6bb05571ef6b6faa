/** Time helpers: everything is held as epoch milliseconds and written as ISO 8601 UTC. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** The UTC offset of an IANA time zone at an instant, in milliseconds (cached per zone and hour). */
export function tzOffset(tz: string, utcMs: number): number {
  const key = `${tz}|${Math.floor(utcMs / HOUR)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  const offset = asUtc - Math.floor(utcMs / MINUTE) * MINUTE;
  offsetCache.set(key, offset);
  return offset;
}

/** The instant of a wall-clock time in a time zone (`day` = days since 1970-01-01 of the date). */
export function localToUtc(tz: string, day: number, minuteOfDay: number): number {
  const wall = day * DAY + minuteOfDay * MINUTE;
  let utc = wall - tzOffset(tz, wall);
  const again = tzOffset(tz, utc);
  if (wall - again !== utc) utc = wall - again;
  return utc;
}

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`. */
export function dayOf(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** ISO 8601 UTC text of an instant to the second, as PostgreSQL reads it. */
export function iso(ms: number): string {
  return new Date(Math.round(ms / 1000) * 1000).toISOString();
}

/** Beijing (UTC+8, no daylight saving) calendar year of an instant. */
export function beijingYear(ms: number): number {
  return new Date(ms + 8 * HOUR).getUTCFullYear();
}

/** Beijing calendar day number of an instant. */
export function beijingDay(ms: number): number {
  return Math.floor((ms + 8 * HOUR) / DAY);
}
