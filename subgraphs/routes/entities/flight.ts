import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { PUBLIC_CACHE_HINT } from '../../kit';
import { DateScalar } from './scalars';
import { FlightStatus } from './flight-enums';

export { FlightStatus };

@ObjectType({
  description:
    'One operation of a flight number on one day. Identified by the flight number and the local departure date at the origin.',
})
@Directive('@key(fields: "number date")')
// Public reference data: the same for every caller (see kit/cache-hints).
@Directive(PUBLIC_CACHE_HINT)
export class Flight {
  @Field({ description: 'Flight number: airline designator and 1 to 4 digits, e.g. "CA931".' })
  number!: string;

  @Field(() => DateScalar, { description: 'Local departure date at the origin.' })
  date!: string;

  /** Id of the route flown (resolved to `route`). */
  routeId!: string;

  @Field({ description: 'Scheduled departure time.' })
  scheduledDeparture!: Date;

  @Field({ description: 'Scheduled arrival time.' })
  scheduledArrival!: Date;

  @Field(() => Date, { nullable: true, description: 'Actual departure time; null until departed.' })
  actualDeparture!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Actual arrival time; null until arrived.' })
  actualArrival!: Date | null;

  @Field(() => FlightStatus, { description: 'Operating status of the flight.' })
  status!: FlightStatus;

  @Field(() => Int, {
    description:
      'Revision of the record, incremented by every write: pass it as `expectedVersion` to change the flight only if nobody changed it since you read it.',
  })
  version!: number;
}
