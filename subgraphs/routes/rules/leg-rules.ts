import { badUserInput, notFound, Tx } from '../../kit';
import { FlightStatus } from '../entities/flight';
import { AssignShipmentLegInput } from '../entities/inputs/leg-inputs';
import { RoutesWriteRepository } from '../write-repository';

/**
 * Appends a leg to a shipment's journey, inside the mutation's transaction. The shipment's legs
 * are locked first (so concurrent assignments take sequences one after the other), then the
 * flight (FOR SHARE: it cannot be cancelled meanwhile). The flight must exist and not be
 * cancelled; the leg runs from the flight's origin to its destination; it leaves from where the
 * previous leg arrived, after that flight's scheduled arrival. Returns the new sequence.
 */
export async function appendLeg(
  tx: Tx,
  awb: string,
  input: AssignShipmentLegInput,
): Promise<number> {
  const repo = new RoutesWriteRepository(tx);
  const { flightNumber: number, flightDate: date } = input;
  await repo.lockShipmentLegs(awb);
  const flight = await repo.lockFlight(number, date, 'SHARE');
  if (!flight) throw notFound(`no flight ${number} on ${date}`, 'input.flightNumber');
  if (flight.status === FlightStatus.CANCELLED) {
    throw badUserInput(`flight ${number} on ${date} is CANCELLED`, 'input.flightNumber');
  }
  if (input.from !== flight.origin) {
    throw badUserInput(
      `flight ${number} departs from ${flight.origin}, not ${input.from}`,
      'input.from',
    );
  }
  if (input.to !== flight.destination) {
    throw badUserInput(
      `flight ${number} arrives at ${flight.destination}, not ${input.to}`,
      'input.to',
    );
  }
  const last = await repo.lastLeg(awb);
  if (last) {
    if (last.toIata !== input.from) {
      throw badUserInput(
        `leg ${last.sequence} of ${awb} ends at ${last.toIata}: the next leg starts there, not at ${input.from}`,
        'input.from',
      );
    }
    if (flight.scheduledDeparture.getTime() <= last.scheduledArrival.getTime()) {
      throw badUserInput(
        `flight ${number} on ${date} departs (${flight.scheduledDeparture.toISOString()}) before leg ${last.sequence} on ${last.flightNumber} arrives (${last.scheduledArrival.toISOString()})`,
        'input.flightNumber',
      );
    }
  }
  const sequence = (last?.sequence ?? 0) + 1;
  await repo.insertLeg({
    awb,
    sequence,
    flightNumber: number,
    flightDate: date,
    from: input.from,
    to: input.to,
  });
  return sequence;
}
