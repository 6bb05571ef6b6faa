import { Args, ArgsType, Ctx, Field, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { Airport } from '../entities/airport';
import { Region, Route, RouteStatus } from '../entities/route';

@ArgsType()
class AirportRoutesArgs {
  @Field(() => RouteStatus, { nullable: true, description: 'Only routes in this status.' })
  status?: RouteStatus | null;

  @Field(() => Region, { nullable: true, description: 'Only routes to this region.' })
  region?: Region | null;
}

@Resolver(() => Airport)
export class AirportResolver {
  @FieldResolver(() => [Route], {
    description: 'Routes with this airport as origin or destination, ordered by route id.',
  })
  routes(
    @Root() airport: Airport,
    @Args(() => AirportRoutesArgs) { status, region }: AirportRoutesArgs,
    @Ctx() ctx: Context,
  ): Promise<Route[]> {
    return ctx.loaders.routesOfAirport.load([airport.iataCode, status ?? null, region ?? null]);
  }
}
