import { badUserInput, checkFlightNumber, isValidDate } from '../kit';

/** Longest date range `Route.flights` serves in one call. */
export const MAX_FLIGHT_RANGE_DAYS = 366;

const ROUTE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Route ids are short codes like "CA-PEK-FRA": letters, digits, `-` and `_`, at most 64. */
export function checkRouteId(value: string): string | null {
  return ROUTE_ID_PATTERN.test(value)
    ? null
    : `"${value}" is not a route id: expected up to 64 letters, digits, "-" or "_", like CA-PEK-FRA`;
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8)));
}

/** `from` and `to` (valid dates already) must be in order and at most a year apart. */
export function assertDateRange(from: string, to: string): void {
  if (from > to) throw badUserInput(`\`to\` (${to}) is before \`from\` (${from})`, 'to');
  const days = (dayNumber(to) - dayNumber(from)) / 86_400_000 + 1;
  if (days > MAX_FLIGHT_RANGE_DAYS) {
    throw badUserInput(
      `the range ${from}..${to} spans ${days} days: at most ${MAX_FLIGHT_RANGE_DAYS} per request`,
      'to',
    );
  }
}

/** True for a flight key that can exist; a representation with any other key resolves to null. */
export function isFlightKey(number: unknown, date: unknown): boolean {
  return (
    typeof number === 'string' &&
    checkFlightNumber(number) === null &&
    typeof date === 'string' &&
    isValidDate(date)
  );
}
