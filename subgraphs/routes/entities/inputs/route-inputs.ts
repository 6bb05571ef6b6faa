import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../scalars';
import { Region, RouteStatus } from '../route';
import { RoutesIdempotentInput, RoutesTransitionInput } from './common';

@InputType({
  description:
    'A new route of one airline between a Beijing hub (PEK or PKX) and another airport. Its id is derived: airline, origin and destination, e.g. "CA-PEK-FRA".',
})
export class CreateRouteInput extends RoutesIdempotentInput {
  @Field(() => ID, { description: 'IATA designator of the operating airline, e.g. "CA".' })
  airline!: string;

  @Field(() => ID, { description: 'IATA code of the origin airport, e.g. "PEK".' })
  origin!: string;

  @Field(() => ID, { description: 'IATA code of the destination airport, e.g. "FRA".' })
  destination!: string;

  @Field(() => Region, { description: 'Region of the non-Beijing end of the route.' })
  region!: Region;

  @Field(() => RouteStatus, {
    description:
      'PLANNED (announced, not yet operated; activate it later with `setRouteStatus`) or ACTIVE (operating since `openedOn`).',
  })
  status!: RouteStatus;

  @Field(() => Int, { description: 'Scheduled flights per week in each direction, 0 or more.' })
  weeklyFrequency!: number;

  @Field(() => Float, { description: 'Scheduled cargo capacity per week, in tonnes, 0 or more.' })
  weeklyCargoCapacityTonnes!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Date of the first operated flight: required for an ACTIVE route, absent for a PLANNED one.',
  })
  openedOn?: string | null;
}

@InputType({
  description:
    'A route’s change of operating status on a given date: ACTIVE (opens a PLANNED route), SUSPENDED (an ACTIVE or RESUMED route) or RESUMED (a SUSPENDED route).',
})
export class SetRouteStatusInput extends RoutesTransitionInput {
  @Field(() => ID, { description: 'Route id, e.g. "CA-PEK-FRA".' })
  routeId!: string;

  @Field(() => RouteStatus, { description: 'The status the route moves to.' })
  status!: RouteStatus;

  @Field(() => DateScalar, {
    description:
      'Date the change takes effect: becomes `openedOn` (ACTIVE), `suspendedOn` (SUSPENDED) or `resumedOn` (RESUMED). A suspension is not before the opening or the last resumption; a resumption is not before the suspension.',
  })
  effectiveOn!: string;

  @Field(() => String, { nullable: true, description: 'Why, recorded in the route’s history.' })
  reason?: string | null;
}
