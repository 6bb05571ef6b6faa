import {
  assertValid,
  badUserInput,
  checkAirlineCode,
  checkAirportCode,
  checkAwb,
  checkFlightNumber,
  normalizeAwb,
} from '../kit';
import { RouteStatus } from './entities/route';
import { CreateRouteInput, SetRouteStatusInput } from './entities/inputs/route-inputs';
import { ScheduleFlightInput } from './entities/inputs/flight-inputs';
import { AssignShipmentLegInput } from './entities/inputs/leg-inputs';
import { FlightTransitionInput } from './entities/inputs/common';
import { assertDate } from './scalars';
import { checkRouteId } from './validation';

/**
 * Checks of a mutation's input on its own, before anything is read or written. Each failure is
 * BAD_USER_INPUT naming the input field (`input.flightNumber`).
 */

const f = (name: string) => `input.${name}`;

/** The route id of an airline's route between two airports: "CA-PEK-FRA". */
export function routeIdOf(airline: string, origin: string, destination: string): string {
  return `${airline}-${origin}-${destination}`;
}

/** The 2-character airline designator that starts a flight number. */
export function designatorOf(flightNumber: string): string {
  return flightNumber.slice(0, 2);
}

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

export function checkFlightKey(number: string, date: string): void {
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

/** The local calendar date of an instant in an IANA time zone, `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** Checks a leg's input and returns its AWB in display form `PPP-SSSSSSSC`. */
export function checkAssignShipmentLeg(input: AssignShipmentLegInput): string {
  assertValid(checkAwb(input.awb), f('awb'));
  checkFlightKey(input.flightNumber, input.flightDate);
  assertValid(checkAirportCode(input.from), f('from'));
  assertValid(checkAirportCode(input.to), f('to'));
  return normalizeAwb(input.awb)!;
}
