import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { AUTHENTICATED } from '../../kit';

/**
 * A shipment as the routes subgraph sees it: only its key. The customs subgraph owns the register;
 * this subgraph contributes the carrier and the flights that carry it.
 */
@ObjectType({
  description:
    'An air cargo shipment, identified by its air waybill number. The routes subgraph contributes its carrier and flight legs.',
})
@Directive('@key(fields: "awb")')
export class Shipment {
  @Field(() => ID, { description: 'Air waybill number, `PPP-SSSSSSSC`, e.g. "999-31415926".' })
  awb!: string;
}

@ObjectType({ description: 'One flight of a shipment’s journey, between two airports.' })
@Directive(AUTHENTICATED)
export class ShipmentLeg {
  /** AWB of the shipment this leg belongs to. */
  awb!: string;

  @Field(() => Int, { description: 'Position of the leg in the journey, from 1.' })
  sequence!: number;

  /** Flight number of the carrying flight (resolved to `flight`). */
  flightNumber!: string;
  /** Local departure date of the carrying flight (resolved to `flight`). */
  flightDate!: string;
  /** IATA code of the airport the leg leaves (resolved to `from`). */
  fromIata!: string;
  /** IATA code of the airport the leg reaches (resolved to `to`). */
  toIata!: string;
}
