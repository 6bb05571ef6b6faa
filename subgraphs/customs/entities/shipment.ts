import { Directive, Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AUTHENTICATED, Connection } from '../../kit';
import { ClearanceStatus } from './shipment-enums';
import { Declaration } from './declaration';
import { Enterprise } from './enterprise';
import { SpecialGoodsApplication } from './special-goods-application';
import { Airport } from './stubs';

export { ClearanceStatus };

@ObjectType({
  description:
    "The airports subgraph's record of the cargo's arrival at a Beijing hub; customs reads only `arrivedAt` (for `Clearance.hoursFromArrivalToRelease`).",
})
export class CargoArrival {
  @Field({ description: 'When the cargo was tallied at the hub (owned by the airports subgraph).' })
  @Directive('@external')
  arrivedAt!: Date;
}

@ObjectType({ description: 'The manifest of an air waybill, as reported to customs.' })
@Directive(AUTHENTICATED)
export class Manifest {
  /** Keys behind `origin`, `destination` and `consignee`. */
  originIata!: string;
  destinationIata!: string;
  consigneeUscc!: string;

  @Field(() => Airport, { description: 'Airport of departure on the AWB.' })
  origin!: Airport;

  @Field(() => Airport, { description: 'Final destination on the AWB.' })
  destination!: Airport;

  @Field({ description: 'Shipper as named on the AWB.' })
  shipper!: string;

  @Field(() => Enterprise, { description: 'Consignee enterprise.' })
  consignee?: Enterprise;

  @Field(() => Int, { description: 'Number of pieces.' })
  pieces!: number;

  @Field(() => Float, { description: 'Gross weight in kilograms.' })
  grossWeightKg!: number;

  @Field({ description: 'Description of the goods.' })
  goodsDescription!: string;

  @Field({ description: 'When the manifest was reported to customs.' })
  manifestedAt!: Date;
}

@ObjectType({ description: 'Customs clearance of a shipment, summed up across its declarations.' })
@Directive(AUTHENTICATED)
export class Clearance {
  @Field(() => ClearanceStatus, { description: 'Summary status across the declarations.' })
  status!: ClearanceStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'When the last declaration was released (null until the shipment is RELEASED).',
  })
  releasedAt!: Date | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Hours from the cargo's arrival at the hub (airports subgraph, `Shipment.arrival.arrivedAt`) to customs release, rounded to 2 decimals; null until both are known.",
  })
  hoursFromArrivalToRelease!: number | null;
}

@ObjectType({ description: 'A shipment (air waybill) in the customs shipment register.' })
@Directive('@key(fields: "awb")')
@Directive(AUTHENTICATED)
export class Shipment {
  @Field(() => ID, { description: 'Air waybill number, "PPP-SSSSSSSC", check digit valid.' })
  awb!: string;

  /** Manifest columns (the row behind `manifest`). */
  originIata!: string;
  destinationIata!: string;
  portOfEntryIata!: string;
  shipper!: string;
  consigneeUscc!: string;
  pieces!: number;
  grossWeightKg!: number;
  goodsDescription!: string;
  manifestedAt!: Date;
  /** Stored summary of the declarations (see `summariseClearance`). */
  clearanceStatus!: ClearanceStatus;
  releasedAt!: Date | null;

  @Field(() => Int, {
    description:
      'Incremented by every change of the shipment record (its clearance summary included).',
  })
  version!: number;

  /** `manifested_at` as PostgreSQL text (microsecond-exact), for keyset cursors. */
  cursorAt!: string;

  @Field(() => Manifest, { description: 'The manifest of the AWB.' })
  manifest?: Manifest;

  @Field(() => [Declaration], { description: 'Declarations filed for the shipment, oldest first.' })
  declarations?: Declaration[];

  @Field(() => Clearance, { description: 'Clearance summary across the declarations.' })
  @Directive('@requires(fields: "arrival { arrivedAt }")')
  clearance?: Clearance;

  @Field(() => CargoArrival, {
    nullable: true,
    description: 'Arrival at a Beijing hub, owned by the airports subgraph.',
  })
  @Directive('@external')
  arrival?: CargoArrival | null;

  @Field(() => Airport, {
    description:
      'The Beijing hub where the cargo is presented to customs (differs from `manifest.destination` for a transshipment).',
  })
  portOfEntry?: Airport;

  @Field(() => [SpecialGoodsApplication], {
    description: 'Special-goods health quarantine applications covering this shipment.',
  })
  specialGoodsApplications?: SpecialGoodsApplication[];
}

@ObjectType({ description: 'A page of shipments, newest manifest first.' })
export class ShipmentConnection extends Connection('Shipment', Shipment) {}

@InputType({ description: 'Filters of `shipments`; all given filters must hold.' })
export class ShipmentFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'IATA code of the Beijing hub where the cargo enters (port of entry).',
  })
  arrivalAirport?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Only these air waybills (a watchlist or an export selection), at most 1000; unknown ones are skipped.',
  })
  awbs?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'IATA code of the final destination.' })
  destinationAirport?: string | null;

  @Field(() => ID, { nullable: true, description: 'USCC of the consignee.' })
  consignee?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Supervision mode code: shipments with at least one declaration of that mode.',
  })
  supervisionMode?: string | null;

  @Field(() => ClearanceStatus, { nullable: true, description: 'Clearance status.' })
  clearanceStatus?: ClearanceStatus | null;

  @Field(() => Date, { nullable: true, description: 'Manifested at or after this instant.' })
  manifestedFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Manifested at or before this instant.' })
  manifestedTo?: Date | null;
}
