import { Directive, Field, Float, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../kit';
import { Airport } from './stubs';
import { ZoneSupervisionModel } from './bonded-zone-enums';

export { ZoneSupervisionModel };

@ObjectType({ description: 'A comprehensive bonded zone under customs supervision.' })
@Directive('@key(fields: "code")')
export class BondedZone {
  @Field(() => ID, { description: 'Zone code, e.g. "BJ-DAXING-CBZ".' })
  code!: string;

  @Field({ description: 'Zone name.' })
  name!: string;

  /** Not in the schema: the key behind `airport`. */
  airportIata!: string | null;

  @Field(() => Airport, { nullable: true, description: 'The airport the zone adjoins, if any.' })
  airport?: Airport | null;

  @Field(() => ZoneSupervisionModel, { description: 'Supervision model of the zone.' })
  supervisionModel!: ZoneSupervisionModel;

  @Field(() => Float, { description: 'Area in square kilometres.' })
  areaKm2!: number;

  @Field(() => DateScalar, { description: 'Date the zone opened.' })
  openedOn!: string;
}
