import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection, DateScalar, PUBLIC_CACHE_HINT } from '../../kit';
import { FacilityKind, FacilityStatus } from './facility-enums';

export { FacilityKind, FacilityStatus };

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
