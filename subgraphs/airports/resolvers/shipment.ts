import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED, normalizeAwb } from '../../kit';
import { Context } from '../context';
import { Airport } from '../entities/airport';
import { Facility } from '../entities/facility';
import { CargoArrival, HandlingEvent, Shipment } from '../entities/shipment';

/** AWBs are stored in display form `PPP-SSSSSSSC`; a reference may carry the 11 digits bare. */
function awbKey(awb: string): string {
  return normalizeAwb(awb) ?? awb;
}

@Resolver(() => Shipment)
export class ShipmentResolver {
  @FieldResolver(() => CargoArrival, {
    nullable: true,
    description: 'The tally at the Beijing hub that received the cargo; null until tallied.',
  })
  @Directive(AUTHENTICATED)
  arrival(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<CargoArrival | null> {
    return ctx.loaders.arrivalByAwb.load(awbKey(shipment.awb));
  }

  @FieldResolver(() => [HandlingEvent], {
    description: "The airport's handling of the cargo, chronological; empty before arrival.",
  })
  @Directive(AUTHENTICATED)
  handlingEvents(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<HandlingEvent[]> {
    return ctx.loaders.handlingEventsByAwb.load(awbKey(shipment.awb));
  }
}

@Resolver(() => CargoArrival)
export class CargoArrivalResolver {
  @FieldResolver(() => Airport, { description: 'The Beijing hub where the cargo was received.' })
  async airport(@Root() arrival: CargoArrival, @Ctx() ctx: Context): Promise<Airport> {
    const airport = await ctx.loaders.airportByCode.load(arrival.airportIata);
    if (!airport) throw new Error(`arrival ${arrival.awb}: airport ${arrival.airportIata} missing`);
    return airport;
  }

  @FieldResolver(() => Facility, { description: 'The warehouse or site that received the cargo.' })
  async facility(@Root() arrival: CargoArrival, @Ctx() ctx: Context): Promise<Facility> {
    const facility = await ctx.loaders.facilityById.load(arrival.facilityId);
    if (!facility)
      throw new Error(`arrival ${arrival.awb}: facility ${arrival.facilityId} missing`);
    return facility;
  }
}

@Resolver(() => HandlingEvent)
export class HandlingEventResolver {
  @FieldResolver(() => Facility, {
    nullable: true,
    description: 'Where it happened, when at a facility.',
  })
  facility(@Root() event: HandlingEvent, @Ctx() ctx: Context): Promise<Facility | null> | null {
    return event.facilityId ? ctx.loaders.facilityById.load(event.facilityId) : null;
  }
}
