import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Region } from '../entities/route';
import { RouteRecoveryPoint } from '../entities/route-recovery';

@Resolver(() => RouteRecoveryPoint)
export class RouteRecoveryResolver {
  @Query(() => [RouteRecoveryPoint], {
    description:
      'Route recovery: for every month from the earliest route opening to the current month, the routes operating and their weekly frequencies. A route operates in a month when it opened by the month’s end and was not suspended for the whole month.',
  })
  routeRecovery(
    @Arg('region', () => Region, { nullable: true, description: 'Only routes to this region.' })
    region: Region | null,
    @Ctx() ctx: Context,
  ): Promise<RouteRecoveryPoint[]> {
    return ctx.repository.routeRecovery(region ?? null);
  }
}
