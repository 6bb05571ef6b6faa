import { badUserInput, notFound, transition, Tx } from '../../kit';
import { FlightStatus } from '../entities/flight';
import { FlightTransitionInput } from '../entities/inputs/common';
import { ScheduleFlightInput } from '../entities/inputs/flight-inputs';
import { Route, RouteStatus } from '../entities/route';
import type { Loaders } from '../loaders';
import type { FlightKey } from '../repository';
import { flightHistoryId, flightLifecycle } from '../state-machines';
import { FlightStatusUpdate, FlightWithRoute, RoutesWriteRepository } from '../write-repository';

/** The 2-character airline designator that starts a flight number. */
function designatorOf(flightNumber: string): string {
  return flightNumber.slice(0, 2);
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

/**
 * The route a new flight flies, whose airline must be the flight number's. Read before the
 * transaction: a route's airline and ends never change (its status is checked under its lock).
 */
export async function routeOfNewFlight(
  loaders: Loaders,
  input: ScheduleFlightInput,
): Promise<Route> {
  const { routeId, flightNumber: number } = input;
  const route = await loaders.route.load(routeId);
  if (!route) throw notFound(`no route ${routeId}`, 'input.routeId');
  if (designatorOf(number) !== route.airlineIata) {
    throw badUserInput(
      `flight ${number} is not a flight of ${route.airlineIata}, which operates route ${routeId}`,
      'input.flightNumber',
    );
  }
  return route;
}

/** The flight date is the scheduled departure's date in the origin's time zone. */
export function assertDepartsOnFlightDate(
  input: ScheduleFlightInput,
  origin: string,
  timezone: string,
): void {
  const departureDate = localDate(input.scheduledDeparture, timezone);
  if (departureDate !== input.flightDate) {
    throw badUserInput(
      `the scheduled departure is on ${departureDate} at ${origin} (${timezone}), not on the flight date ${input.flightDate}`,
      'input.scheduledDeparture',
    );
  }
}

const OPERATING = new Set([RouteStatus.ACTIVE, RouteStatus.RESUMED]);

/** Flights are scheduled on operating routes only; `route` is as locked in the transaction. */
export function assertOperating(routeId: string, route: Route | null): void {
  if (!route || !OPERATING.has(route.status)) {
    throw badUserInput(
      `route ${routeId} is ${route?.status ?? 'gone'}: flights are scheduled on ACTIVE or RESUMED routes only`,
      'input.routeId',
    );
  }
}

/**
 * One status change of a flight, in the mutation's transaction (kit `transition`); `set` checks
 * the change's own rules and says which times it sets. Returns the flight's key.
 */
export async function transitionFlight(
  tx: Tx,
  input: FlightTransitionInput,
  to: FlightStatus,
  set: (flight: FlightWithRoute) => Omit<FlightStatusUpdate, 'status'>,
  reason?: string | null,
): Promise<FlightKey> {
  const repo = new RoutesWriteRepository(tx);
  const { flightNumber: number, flightDate: date } = input;
  await transition(tx, {
    entity: 'Flight',
    id: flightHistoryId(number, date),
    lock: () => repo.lockFlight(number, date, 'UPDATE'),
    missing: { message: `no flight ${number} on ${date}`, field: 'input.flightNumber' },
    expectedVersion: input.expectedVersion,
    machine: flightLifecycle,
    to,
    apply: (flight) => repo.updateFlightStatus(number, date, { ...set(flight), status: to }),
    reason,
  });
  return [number, date];
}

/** A landing is after the take-off. */
export function assertLandsAfterTakeOff(flight: FlightWithRoute, actualArrival: Date): void {
  if (flight.actualDeparture && actualArrival.getTime() <= flight.actualDeparture.getTime()) {
    throw badUserInput(
      `\`actualArrival\` must be after the flight's actual departure (${flight.actualDeparture.toISOString()})`,
      'input.actualArrival',
    );
  }
}
