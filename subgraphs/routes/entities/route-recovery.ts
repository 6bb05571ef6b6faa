import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateScalar } from './scalars';

@ObjectType({
  description:
    'Routes in operation during one calendar month: a point of the route recovery series. A route operates in a month when it opened on or before the month’s last day and was not suspended for the whole month.',
})
export class RouteRecoveryPoint {
  @Field(() => DateScalar, { description: 'First day of the month, e.g. "2023-11-01".' })
  month!: string;

  @Field(() => Int, { description: 'Routes operating during the month.' })
  activeRoutes!: number;

  @Field(() => Int, { description: 'Sum of the weekly frequencies of the operating routes.' })
  weeklyFrequency!: number;

  @Field(() => Int, {
    description: 'Routes opened by the end of the month but suspended for the whole of it.',
  })
  suspendedRoutes!: number;

  @Field(() => Float, {
    description:
      'Sum of the weekly cargo capacities (tonnes) of the operating routes that report one.',
  })
  weeklyCargoCapacityTonnes!: number;
}
