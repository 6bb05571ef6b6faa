import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { AUTHENTICATED } from '../../kit';
import { HandlingEventType } from './shipment-enums';

export { HandlingEventType };

@ObjectType({
  description:
    'An air shipment, identified by its air waybill. The shipment register belongs to customs; the airport operator contributes what happened to the cargo at a Beijing hub.',
})
@Directive('@key(fields: "awb")')
export class Shipment {
  @Field(() => ID, { description: 'Air waybill number, "PPP-SSSSSSSC", e.g. "999-31415926".' })
  awb!: string;
}

@ObjectType({ description: 'The tally of a shipment received at a Beijing hub.' })
@Directive(AUTHENTICATED)
export class CargoArrival {
  /** The shipment's AWB (the loader key). */
  awb!: string;

  /** IATA code of the hub (resolved into `airport`). */
  airportIata!: string;

  /** The facility that received the cargo (resolved into `facility`). */
  facilityId!: string;

  @Field({ description: 'When the cargo was received.' })
  arrivedAt!: Date;

  @Field(() => Int, { description: 'Pieces tallied.' })
  pieces!: number;

  @Field(() => Float, { description: 'Gross weight tallied, in kilograms.' })
  weightKg!: number;
}

@ObjectType({ description: "One step in the airport's handling of a shipment's cargo." })
@Directive(AUTHENTICATED)
export class HandlingEvent {
  /** The shipment's AWB (the loader key). */
  awb!: string;

  /** Where it happened, if at a facility (resolved into `facility`). */
  facilityId!: string | null;

  @Field({ description: 'When it happened.' })
  at!: Date;

  @Field(() => HandlingEventType, { description: 'What happened.' })
  type!: HandlingEventType;

  @Field(() => String, { nullable: true, description: 'Free-text remark by the handler.' })
  note!: string | null;
}
