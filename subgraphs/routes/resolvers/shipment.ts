import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AUTHENTICATED, normalizeAwb, notFound } from '../../kit';
import type { Context } from '../context';
import { Airline } from '../entities/airline';
import { Airport } from '../entities/airport';
import { Flight } from '../entities/flight';
import { Shipment, ShipmentLeg } from '../entities/shipment';

@Resolver(() => Shipment)
export class ShipmentResolver {
  @FieldResolver(() => Airline, {
    description: 'The airline that issued the air waybill, found by the AWB’s 3-digit prefix.',
  })
  @Directive(AUTHENTICATED)
  async carrier(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<Airline> {
    const awb = normalizeAwb(shipment.awb);
    const airline = awb ? await ctx.loaders.airlineByAwbPrefix.load(awb.slice(0, 3)) : null;
    if (!airline) {
      throw notFound(
        `no airline issues air waybills with the prefix of ${shipment.awb}`,
        'carrier',
      );
    }
    return airline;
  }

  @FieldResolver(() => [ShipmentLeg], {
    description: 'The flights carrying the shipment, in order; more than one is a transshipment.',
  })
  @Directive(AUTHENTICATED)
  async legs(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<ShipmentLeg[]> {
    const awb = normalizeAwb(shipment.awb);
    return awb ? ctx.loaders.legsOfShipment.load(awb) : [];
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the shipment travels on more than one flight.',
  })
  @Directive(AUTHENTICATED)
  async isTransshipment(@Root() shipment: Shipment, @Ctx() ctx: Context): Promise<boolean> {
    return (await this.legs(shipment, ctx)).length > 1;
  }
}

@Resolver(() => ShipmentLeg)
export class ShipmentLegResolver {
  @FieldResolver(() => Flight, { description: 'The flight carrying the shipment on this leg.' })
  async flight(@Root() leg: ShipmentLeg, @Ctx() ctx: Context): Promise<Flight> {
    const flight = await ctx.loaders.flight.load([leg.flightNumber, leg.flightDate]);
    if (!flight) throw new Error(`leg ${leg.awb}#${leg.sequence}: flight is missing`);
    return flight;
  }

  @FieldResolver(() => Airport, { description: 'Airport where the leg starts.' })
  from(@Root() leg: ShipmentLeg): Airport {
    return { iataCode: leg.fromIata };
  }

  @FieldResolver(() => Airport, { description: 'Airport where the leg ends.' })
  to(@Root() leg: ShipmentLeg): Airport {
    return { iataCode: leg.toIata };
  }
}
