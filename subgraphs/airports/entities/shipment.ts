import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AUTHENTICATED } from '../../kit';

/** What happened to a shipment's cargo at a Beijing hub. */
export enum HandlingEventType {
  ARRIVED = 'ARRIVED',
  TALLIED = 'TALLIED',
  STORED = 'STORED',
  INSPECTED_AT_DESIGNATED_SITE = 'INSPECTED_AT_DESIGNATED_SITE',
  TEMPERATURE_EXCURSION = 'TEMPERATURE_EXCURSION',
  RELEASED_FROM_WAREHOUSE = 'RELEASED_FROM_WAREHOUSE',
  PICKED_UP = 'PICKED_UP',
  TRANSFERRED_FOR_TRANSSHIPMENT = 'TRANSFERRED_FOR_TRANSSHIPMENT',
}

registerEnumType(HandlingEventType, {
  name: 'HandlingEventType',
  description: "A step in the airport's handling of a shipment's cargo.",
  valuesConfig: {
    ARRIVED: { description: 'The cargo was unloaded from the aircraft.' },
    TALLIED: { description: 'Pieces and weight were tallied against the manifest.' },
    STORED: { description: 'The cargo was received into a warehouse.' },
    INSPECTED_AT_DESIGNATED_SITE: {
      description: 'Customs inspected the cargo at a designated supervision site.',
    },
    TEMPERATURE_EXCURSION: { description: 'The cold chain was broken: temperature out of range.' },
    RELEASED_FROM_WAREHOUSE: { description: 'The warehouse released the cargo after clearance.' },
    PICKED_UP: { description: 'The consignee or its agent collected the cargo.' },
    TRANSFERRED_FOR_TRANSSHIPMENT: { description: 'The cargo was moved to an onward flight.' },
  },
});

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
