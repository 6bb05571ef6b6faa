import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Connection, PUBLIC_CACHE_HINT } from '../../kit';
import { DateScalar } from './scalars';
import { Region, RouteStatus } from './route-enums';

export { Region, RouteStatus };

@ObjectType({
  description:
    'A scheduled air route of one airline between two airports, as authorised by the civil aviation authority.',
})
@Directive('@key(fields: "id")')
// Public reference data: the same for every caller (see kit/cache-hints).
@Directive(PUBLIC_CACHE_HINT)
export class Route {
  @Field(() => ID, {
    description: 'Route identifier: airline, origin and destination, e.g. "CA-PEK-FRA".',
  })
  id!: string;

  /** IATA designator of the operating airline (resolved to `airline`). */
  airlineIata!: string;
  /** IATA code of the origin airport (resolved to `origin`). */
  originIata!: string;
  /** IATA code of the destination airport (resolved to `destination`). */
  destinationIata!: string;

  @Field(() => Region, { description: 'Region of the non-Beijing end of the route.' })
  region!: Region;

  @Field(() => RouteStatus, { description: 'Current operating status.' })
  status!: RouteStatus;

  @Field(() => Int, { description: 'Scheduled flights per week in each direction.' })
  weeklyFrequency!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Scheduled cargo capacity per week, in tonnes; null when not reported.',
  })
  weeklyCargoCapacityTonnes!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date of the first operated flight; null for a route not yet opened.',
  })
  openedOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date operations were last suspended; null if never suspended.',
  })
  suspendedOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date operations resumed after the suspension; null if not (yet) resumed.',
  })
  resumedOn!: string | null;

  @Field(() => Int, {
    description:
      'Revision of the record, incremented by every write: pass it as `expectedVersion` to change the route only if nobody changed it since you read it.',
  })
  version!: number;
}

@ObjectType({ description: 'A page of routes, ordered by route id.' })
export class RouteConnection extends Connection('Route', Route) {}
