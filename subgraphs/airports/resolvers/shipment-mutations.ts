import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import {
  alreadyExists,
  assertValid,
  badUserInput,
  checkAirportCode,
  lockForChange,
  notFound,
  requiresWriteOf,
} from '../../kit';
import { Context } from '../context';
import { assertManifestedFor } from '../cross-agency';
import { RecordArrivalInput, RecordHandlingEventInput } from '../entities/inputs';
import { FacilityKind } from '../entities/facility';
import { HandlingEventType, Shipment } from '../entities/shipment';
import { assertNextEvent } from '../state-machines';
import {
  assertPositive,
  assertPositiveInteger,
  assertReceivesCargo,
  existingFacility,
  optionalText,
  validAwb,
} from '../validation';
import { AirportsWriteRepository } from '../write-repository';

const DESIGNATED_SITES: readonly FacilityKind[] = [
  FacilityKind.DESIGNATED_SITE_FRUIT,
  FacilityKind.DESIGNATED_SITE_CHILLED_AQUATIC,
];

/** The shipment as the mutation returns it: its arrival and events are read after the commit. */
function shipmentAfterWrite(ctx: Context, awb: string): Shipment {
  ctx.loaders.arrivalByAwb.clear(awb);
  ctx.loaders.handlingEventsByAwb.clear(awb);
  return { awb };
}

@Resolver(() => Shipment)
export class ShipmentMutationResolver {
  @Mutation(() => Shipment, {
    description:
      "Records the tally of a shipment's cargo at a Beijing hub: its arrival and its ARRIVED and TALLIED handling events. The shipment must be in the customs register with this airport as its port of entry (checked through the gateway; DEPENDENCY_UNAVAILABLE when customs cannot answer). A shipment is tallied once: a second arrival is a CONFLICT unless it is a retry with the same idempotency key.",
  })
  @Directive(requiresWriteOf('airports'))
  async recordArrival(
    @Arg('input', () => RecordArrivalInput, { description: 'The tally.' })
    input: RecordArrivalInput,
    @Ctx() ctx: Context,
  ): Promise<Shipment> {
    const awb = validAwb(input.awb, 'input.awb');
    assertValid(checkAirportCode(input.airport), 'input.airport');
    assertPositiveInteger(input.pieces, 'input.pieces', 'pieces');
    assertPositive(input.weightKg, 'input.weightKg', 'weightKg');
    const talliedAt = input.talliedAt ?? input.arrivedAt;
    if (talliedAt < input.arrivedAt) {
      throw badUserInput(
        `the tally (${talliedAt.toISOString()}) cannot precede the arrival (${input.arrivedAt.toISOString()})`,
        'input.talliedAt',
      );
    }

    const airport = await ctx.loaders.airportByCode.load(input.airport);
    if (!airport) throw notFound(`no airport has the IATA code ${input.airport}`, 'input.airport');
    if (!airport.isBeijingHub) {
      throw badUserInput(
        `${airport.iataCode} is not a Beijing hub: cargo is tallied at PEK or PKX`,
        'input.airport',
      );
    }
    const facility = await existingFacility(ctx, input.facility, 'input.facility');
    assertReceivesCargo(facility, airport.iataCode, 'input.facility');
    await ctx.mutations.run({
      operation: 'recordArrival',
      input,
      check: () => assertManifestedFor(ctx.gateway, awb, airport.iataCode),
      write: async (tx) => {
        const w = new AirportsWriteRepository(tx);
        const created = await w.insertArrival({
          awb,
          airportIata: airport.iataCode,
          facilityId: facility.id,
          arrivedAt: input.arrivedAt,
          pieces: input.pieces,
          weightKg: input.weightKg,
        });
        // A shipment is tallied once.
        if (!created) throw alreadyExists('CargoArrival', awb, 'input.awb');
        await w.insertEvents([
          {
            awb,
            at: input.arrivedAt,
            type: HandlingEventType.ARRIVED,
            facilityId: null,
            note: null,
          },
          {
            awb,
            at: talliedAt,
            type: HandlingEventType.TALLIED,
            facilityId: facility.id,
            note: `${input.pieces} pieces, ${input.weightKg} kg`,
          },
        ]);
        return awb;
      },
    });
    return shipmentAfterWrite(ctx, awb);
  }

  @Mutation(() => Shipment, {
    description:
      "Records one step in the airport's handling of a shipment's cargo after its arrival. Events are chronological (not before the arrival nor the last event), follow the cargo's lifecycle (released from the warehouse before it is picked up; nothing after PICKED_UP or TRANSFERRED_FOR_TRANSSHIPMENT: INVALID_STATE_TRANSITION), and designated-site inspections happen at a designated site.",
  })
  @Directive(requiresWriteOf('airports'))
  async recordHandlingEvent(
    @Arg('input', () => RecordHandlingEventInput, { description: 'The event.' })
    input: RecordHandlingEventInput,
    @Ctx() ctx: Context,
  ): Promise<Shipment> {
    const awb = validAwb(input.awb, 'input.awb');
    if (input.type === HandlingEventType.ARRIVED || input.type === HandlingEventType.TALLIED) {
      throw badUserInput(
        `${input.type} is recorded with the arrival (recordArrival), not as a separate event`,
        'input.type',
      );
    }
    const note = optionalText(input.note, 'input.note');
    const facility =
      input.facility != null ? await existingFacility(ctx, input.facility, 'input.facility') : null;
    if (
      input.type === HandlingEventType.INSPECTED_AT_DESIGNATED_SITE &&
      (!facility || !DESIGNATED_SITES.includes(facility.kind))
    ) {
      throw badUserInput(
        facility
          ? `facility ${facility.id} is a ${facility.kind}: inspections at a designated site happen at a DESIGNATED_SITE_FRUIT or DESIGNATED_SITE_CHILLED_AQUATIC facility`
          : 'an inspection at a designated site names the site as `facility`',
        'input.facility',
      );
    }

    await ctx.mutations.run({
      operation: 'recordHandlingEvent',
      input,
      // The cargo's version is its number of handling events, 0 before the first.
      firstVersion: 0,
      write: async (tx) => {
        const w = new AirportsWriteRepository(tx);
        const { arrival, events } = await lockForChange({
          entity: 'Shipment',
          id: awb,
          lock: () => w.lockCargo(awb),
          missing: {
            message: `shipment ${awb} has no recorded arrival: record its arrival (recordArrival) before handling events`,
            field: 'input.awb',
          },
          expectedVersion: input.expectedVersion,
        });
        if (facility) assertReceivesCargo(facility, arrival.airportIata, 'input.facility');
        assertNextEvent(
          awb,
          events.map((e) => e.type),
          input.type,
        );
        const last = events[events.length - 1];
        const notBefore =
          last && last.at > arrival.arrivedAt
            ? { at: last.at, what: `its last event (${last.type})` }
            : { at: arrival.arrivedAt, what: 'its arrival' };
        if (input.at < notBefore.at) {
          throw badUserInput(
            `events of shipment ${awb} are chronological: ${input.at.toISOString()} is before ${notBefore.what} at ${notBefore.at.toISOString()}`,
            'input.at',
          );
        }
        await w.insertEvents([
          { awb, at: input.at, type: input.type, facilityId: facility?.id ?? null, note },
        ]);
        return awb;
      },
    });
    return shipmentAfterWrite(ctx, awb);
  }
}
