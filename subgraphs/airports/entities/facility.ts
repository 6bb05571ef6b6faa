import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, DateScalar, PUBLIC_CACHE_HINT } from '../../kit';

/** What a cargo facility at a Beijing hub is for. */
export enum FacilityKind {
  INTERNATIONAL_EXPRESS_WAREHOUSE = 'INTERNATIONAL_EXPRESS_WAREHOUSE',
  CROSS_BORDER_ECOMMERCE_WAREHOUSE = 'CROSS_BORDER_ECOMMERCE_WAREHOUSE',
  COLD_CHAIN_WAREHOUSE = 'COLD_CHAIN_WAREHOUSE',
  CONSOLIDATED_CARGO_WAREHOUSE = 'CONSOLIDATED_CARGO_WAREHOUSE',
  GENERAL_CARGO_WAREHOUSE = 'GENERAL_CARGO_WAREHOUSE',
  DESIGNATED_SITE_FRUIT = 'DESIGNATED_SITE_FRUIT',
  DESIGNATED_SITE_CHILLED_AQUATIC = 'DESIGNATED_SITE_CHILLED_AQUATIC',
}

registerEnumType(FacilityKind, {
  name: 'FacilityKind',
  description:
    'What a cargo facility is for: a specialised warehouse or a designated supervision site.',
  valuesConfig: {
    INTERNATIONAL_EXPRESS_WAREHOUSE: {
      description: 'Warehouse for international express parcels.',
    },
    CROSS_BORDER_ECOMMERCE_WAREHOUSE: {
      description: 'Warehouse for cross-border e-commerce (CBEC) goods, e.g. 9610 / 1210.',
    },
    COLD_CHAIN_WAREHOUSE: { description: 'Temperature-controlled warehouse (perishables, drugs).' },
    CONSOLIDATED_CARGO_WAREHOUSE: { description: 'Warehouse for consolidated cargo.' },
    GENERAL_CARGO_WAREHOUSE: { description: 'Warehouse for general cargo.' },
    DESIGNATED_SITE_FRUIT: {
      description: 'Customs designated supervision site for inbound fruit (PKX, approved 2024).',
    },
    DESIGNATED_SITE_CHILLED_AQUATIC: {
      description:
        'Customs designated supervision site for inbound chilled aquatic products (PKX, approved 2025).',
    },
  },
});

/** Where a facility is in its life. */
export enum FacilityStatus {
  PLANNED = 'PLANNED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  OPERATIONAL = 'OPERATIONAL',
}

registerEnumType(FacilityStatus, {
  name: 'FacilityStatus',
  description: 'Where a facility is in its life; only OPERATIONAL facilities receive cargo.',
  valuesConfig: {
    PLANNED: { description: 'Approved or planned, not yet being built.' },
    UNDER_CONSTRUCTION: { description: 'Being built or fitted out.' },
    OPERATIONAL: { description: 'Receiving cargo since `commissionedOn`.' },
  },
});

@ObjectType({
  description:
    'A cargo warehouse or designated supervision site at a Beijing hub. Owned by the airport operator; customs references it (e.g. as an inspection site) by id.',
})
@Directive('@key(fields: "id")')
// Public reference data: the same for every caller (see kit/cache-hints).
@Directive(PUBLIC_CACHE_HINT)
export class Facility {
  @Field(() => ID, { description: 'Facility id: airport, kind and number, e.g. "PKX-COLD-1".' })
  id!: string;

  /** IATA code of the airport the facility belongs to (resolved into `airport`). */
  airportIata!: string;

  @Field(() => FacilityKind, { description: 'What the facility is for.' })
  kind!: FacilityKind;

  @Field({ description: 'Name of the facility.' })
  name!: string;

  @Field(() => FacilityStatus, { description: 'Where the facility is in its life.' })
  status!: FacilityStatus;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date the facility became operational; null until it is.',
  })
  commissionedOn!: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Designed handling capacity in tonnes per year, when published.',
  })
  annualCapacityTonnes!: number | null;

  @Field(() => Int, {
    description:
      'Incremented by every change of the facility: send it back as `expectedVersion` to refuse a change made on stale data.',
  })
  version!: number;
}

@ObjectType({ description: 'A page of facilities, ordered by id.' })
export class FacilityConnection extends Connection('Facility', Facility) {}
