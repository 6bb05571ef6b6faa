import { Actor, badUserInput, notFound } from '../kit';
import { FlightStatus } from './entities/flight';
import { FlightTransitionInput } from './entities/inputs/common';
import { assertVersion } from './mutation-support';
import { flightHistoryId, flightLifecycle } from './state-machines';
import { FlightStatusUpdate, FlightWithRoute, RoutesWriteRepository } from './write-repository';

/**
 * One status change of a flight, inside the mutation's transaction: locks the flight, checks the
 * caller's version and the state machine, lets `apply` check the domain rules and say what to
 * write, writes and records the change. Returns the flight's key.
 */
export async function transitionFlight(
  repo: RoutesWriteRepository,
  actor: Actor,
  input: FlightTransitionInput,
  to: FlightStatus,
  apply: (flight: FlightWithRoute) => FlightStatusUpdate,
  reason?: string | null,
): Promise<[string, string]> {
  const { flightNumber: number, flightDate: date } = input;
  const id = flightHistoryId(number, date);
  const flight = await repo.lockFlight(number, date, 'UPDATE');
  if (!flight) throw notFound(`no flight ${number} on ${date}`, 'input.flightNumber');
  assertVersion('Flight', id, input.expectedVersion, flight.version);
  flightLifecycle.assert(id, flight.status, to);
  await repo.updateFlightStatus(number, date, apply(flight));
  await repo.recordStatusChange({
    entityType: 'Flight',
    entityId: id,
    from: flight.status,
    to,
    actor,
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
