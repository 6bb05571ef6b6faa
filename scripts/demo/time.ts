/** Time helpers: everything is held as epoch milliseconds and written as ISO 8601 UTC. */
import { floor, isNaN, round } from './math';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Per zone, its offset per hour since the epoch: the seeder asks for about a million. */
const hourlyOffsets = new Map<string, Map<number, number>>();
/** Per zone, its offset per UTC day where the day has one (NaN on a day its clocks change). */
const dailyOffsets = new Map<string, Map<number, number>>();

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

function zoneCache(caches: Map<string, Map<number, number>>, tz: string): Map<number, number> {
  let zone = caches.get(tz);
  if (!zone) {
    zone = new Map();
    caches.set(tz, zone);
  }
  return zone;
}

/**
 * The UTC offset of a zone at an instant (to the minute), read from the zone's rules with Intl:
 * exact but slow, so the seeder asks it through the caches below.
 */
export function offsetByRules(tz: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(utcMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const minute = floor(utcMs / MINUTE) * MINUTE;
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute) - minute;
}

/** The offset at the start of an hour since the epoch, as the zone's rules give it. */
function hourlyOffset(tz: string, hour: number): number {
  const zone = zoneCache(hourlyOffsets, tz);
  const cached = zone.get(hour);
  if (cached !== undefined) return cached;
  const offset = offsetByRules(tz, hour * HOUR);
  zone.set(hour, offset);
  return offset;
}

/** Days per block in which a zone is asked whether its clocks change at all. */
const BLOCK_DAYS = 7;
/** Per zone, its offset per block of BLOCK_DAYS UTC days where the block has one (NaN otherwise). */
const blockOffsets = new Map<string, Map<number, number>>();

/** The offset throughout `span` hours from `first` when its first and last hours agree, else NaN. */
function steadyOffset(tz: string, first: number, span: number): number {
  const start = hourlyOffset(tz, first);
  return start === hourlyOffset(tz, first + span - 1) ? start : NaN;
}

/**
 * The UTC offset of an IANA time zone at an instant, in milliseconds (clocks change on the hour).
 * Asked per week of UTC days first, then per day, then per hour: a span whose first and last
 * hours agree has that offset throughout (clocks change at most once a week, and no zone's rules
 * change them and back within one), so the zone's rules are consulted about a hundred times a
 * year rather than for every day the flights use.
 */
export function tzOffset(tz: string, utcMs: number): number {
  const hour = floor(utcMs / HOUR);
  const day = floor(hour / 24);
  const block = floor(day / BLOCK_DAYS);
  const blocks = zoneCache(blockOffsets, tz);
  let offset = blocks.get(block);
  if (offset === undefined) {
    offset = steadyOffset(tz, block * BLOCK_DAYS * 24, BLOCK_DAYS * 24);
    blocks.set(block, offset);
  }
  if (!isNaN(offset)) return offset;
  const days = zoneCache(dailyOffsets, tz);
  offset = days.get(day);
  if (offset === undefined) {
    offset = steadyOffset(tz, day * 24, 24);
    days.set(day, offset);
  }
  return isNaN(offset) ? hourlyOffset(tz, hour) : offset;
}

/** The instant of a wall-clock time in a time zone (`day` = days since 1970-01-01 of the date). */
export function localToUtc(tz: string, day: number, minuteOfDay: number): number {
  const wall = day * DAY + minuteOfDay * MINUTE;
  let utc = wall - tzOffset(tz, wall);
  const again = tzOffset(tz, utc);
  if (wall - again !== utc) utc = wall - again;
  return utc;
}

const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD`. */
export function dayOf(isoDate: string): number {
  let day = dayNumbers.get(isoDate);
  if (day === undefined) {
    day = floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
    dayNumbers.set(isoDate, day);
  }
  return day;
}

const dates = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  let date = dates.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    dates.set(day, date);
  }
  return date;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/**
 * ISO 8601 UTC text of an instant to the second, as PostgreSQL reads it: what
 * `Date.toISOString` writes, composed from the day's date and the time of day, since the seeder
 * writes a few million of them.
 */
export function iso(ms: number): string {
  const seconds = round(ms / 1000);
  const day = floor(seconds / 86_400);
  let s = seconds - day * 86_400;
  const h = floor(s / 3600);
  s -= h * 3600;
  const m = floor(s / 60);
  return `${isoDate(day)}T${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s - m * 60]}.000Z`;
}

/** Beijing (UTC+8, no daylight saving) calendar year of an instant. */
export function beijingYear(ms: number): number {
  return new Date(ms + 8 * HOUR).getUTCFullYear();
}

/** Beijing calendar day number of an instant. */
export function beijingDay(ms: number): number {
  return floor((ms + 8 * HOUR) / DAY);
}
