import {
  assertValid,
  badUserInput,
  checkAirlineCode,
  checkAirportCode,
  checkAwb,
  checkFlightNumber,
  isValidDate,
  normalizeAwb,
} from '../kit';
import { FlightTransitionInput } from './entities/inputs/common';
import { ScheduleFlightInput } from './entities/inputs/flight-inputs';
import { AssignShipmentLegInput } from './entities/inputs/leg-inputs';
import { CreateRouteInput, SetRouteStatusInput } from './entities/inputs/route-inputs';
import { RouteStatus } from './entities/route';

/**
 * Checks of arguments and mutation inputs on their own, before anything is read or written. Each
 * failure is BAD_USER_INPUT naming the argument (`to`, `input.flightNumber`).
 */

/** Longest date range `Route.flights` serves in one call. */
export const MAX_FLIGHT_RANGE_DAYS = 366;

const ROUTE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Route ids are short codes like "CA-PEK-FRA": letters, digits, `-` and `_`, at most 64. */
export function checkRouteId(value: string): string | null {
  return ROUTE_ID_PATTERN.test(value)
    ? null
    : `"${value}" is not a route id: expected up to 64 letters, digits, "-" or "_", like CA-PEK-FRA`;
}

/** A `Date` argument must be a real calendar date `YYYY-MM-DD`; `field` names the argument. */
export function assertDate(value: string, field: string): void {
  assertValid(
    isValidDate(value) ? null : `"${value}" is not a calendar date: expected YYYY-MM-DD`,
    field,
  );
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

/** `routeRecovery` without `from`: this many months, ending with the month of `to`. */
export const RECOVERY_DEFAULT_MONTHS = 24;

/** Most months `routeRecovery` serves in one call: ten years. */
export const RECOVERY_MAX_MONTHS = 120;

/** Months since year 0: `2024-03-17` → 2024 * 12 + 2. */
function monthNumber(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthStart(month: number): string {
  const year = String(Math.floor(month / 12)).padStart(4, '0');
  return `${year}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}

/**
 * The months `routeRecovery(from, to)` covers, as first days: from the month of `from` to the
 * month of `to`, both defaulted (`to`: today; `from`: 24 months up to `to`), at most 120. The
 * series is history, not a forecast: it ends with today's month at the latest, so for a range
 * wholly in the future `last` comes before `first` (no points).
 */
export function recoveryMonths(
  from: string | null | undefined,
  to: string | null | undefined,
  today: string,
): { first: string; last: string } {
  if (from != null) assertDate(from, 'from');
  if (to != null) assertDate(to, 'to');
  const end = to ?? today;
  // Name the argument the caller sent: with `to` left out, `from` is the one to change.
  const blame = to == null ? 'from' : 'to';
  if (from != null && from > end) {
    throw badUserInput(`\`from\` (${from}) is after \`to\` (${to ?? `today, ${today}`})`, blame);
  }
  const last = monthNumber(end);
  const first = from != null ? monthNumber(from) : last - RECOVERY_DEFAULT_MONTHS + 1;
  const months = last - first + 1;
  if (months > RECOVERY_MAX_MONTHS) {
    throw badUserInput(
      `\`from\` ${from} to \`to\` ${end} spans ${months} months: at most ${RECOVERY_MAX_MONTHS} per request, ask for the rest in further calls`,
      blame,
    );
  }
  return { first: monthStart(first), last: monthStart(Math.min(last, monthNumber(today))) };
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

const f = (name: string) => `input.${name}`;

function checkNonNegative(value: number, name: string, integer: boolean): void {
  if (!Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw badUserInput(
      `\`${name}\` must be ${integer ? 'a whole number' : 'a number'} of 0 or more, got ${value}`,
      f(name),
    );
  }
}

export function checkCreateRoute(input: CreateRouteInput): void {
  assertValid(checkAirlineCode(input.airline), f('airline'));
  assertValid(checkAirportCode(input.origin), f('origin'));
  assertValid(checkAirportCode(input.destination), f('destination'));
  if (input.origin === input.destination) {
    throw badUserInput('a route cannot start and end at the same airport', f('destination'));
  }
  checkNonNegative(input.weeklyFrequency, 'weeklyFrequency', true);
  checkNonNegative(input.weeklyCargoCapacityTonnes, 'weeklyCargoCapacityTonnes', false);
  if (input.status !== RouteStatus.PLANNED && input.status !== RouteStatus.ACTIVE) {
    throw badUserInput(
      `a new route is PLANNED or ACTIVE, not ${input.status}: suspend it afterwards with setRouteStatus`,
      f('status'),
    );
  }
  if (input.openedOn != null) assertDate(input.openedOn, f('openedOn'));
  if (input.status === RouteStatus.ACTIVE && input.openedOn == null) {
    throw badUserInput('an ACTIVE route needs `openedOn`, the date it opened', f('openedOn'));
  }
  if (input.status === RouteStatus.PLANNED && input.openedOn != null) {
    throw badUserInput(
      'a PLANNED route has not opened: leave `openedOn` out and give the date when activating it',
      f('openedOn'),
    );
  }
}

export function checkSetRouteStatus(input: SetRouteStatusInput): void {
  assertValid(checkRouteId(input.routeId), f('routeId'));
  assertDate(input.effectiveOn, f('effectiveOn'));
}

function checkFlightKey(number: string, date: string): void {
  assertValid(checkFlightNumber(number), f('flightNumber'));
  assertDate(date, f('flightDate'));
}

export function checkFlightTransition(input: FlightTransitionInput): void {
  checkFlightKey(input.flightNumber, input.flightDate);
}

export function checkScheduleFlight(input: ScheduleFlightInput): void {
  assertValid(checkRouteId(input.routeId), f('routeId'));
  checkFlightKey(input.flightNumber, input.flightDate);
  if (input.scheduledArrival.getTime() <= input.scheduledDeparture.getTime()) {
    throw badUserInput(
      '`scheduledArrival` must be after `scheduledDeparture`',
      f('scheduledArrival'),
    );
  }
}

/** Checks a leg's input and returns its AWB in display form `PPP-SSSSSSSC`. */
export function checkAssignShipmentLeg(input: AssignShipmentLegInput): string {
  assertValid(checkAwb(input.awb), f('awb'));
  checkFlightKey(input.flightNumber, input.flightDate);
  assertValid(checkAirportCode(input.from), f('from'));
  assertValid(checkAirportCode(input.to), f('to'));
  return normalizeAwb(input.awb)!;
}
