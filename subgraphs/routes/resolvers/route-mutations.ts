import { Arg, Ctx, Directive, Mutation, Resolver } from 'type-graphql';
import { alreadyExists, notFound, requiresWriteOf, reread } from '../../kit';
import type { Context } from '../context';
import { checkRouteEnds } from '../cross-agency';
import { CreateRouteInput, SetRouteStatusInput } from '../entities/inputs/route-inputs';
import { Route } from '../entities/route';
import { routeIdOf, transitionRoute } from '../rules/route-rules';
import { checkCreateRoute, checkSetRouteStatus } from '../validation';
import { RoutesWriteRepository } from '../write-repository';

@Resolver(() => Route)
export class RouteMutationsResolver {
  @Mutation(() => Route, {
    description:
      'Registers a new route of an airline between a Beijing hub and another airport, PLANNED or ACTIVE. Both airports must be in the airports register (checked through the gateway) and one of them must be PEK or PKX. Its id is derived: airline, origin and destination. CONFLICT when the route exists already.',
  })
  @Directive(requiresWriteOf('routes'))
  async createRoute(
    @Arg('input', () => CreateRouteInput, { description: 'The route.' }) input: CreateRouteInput,
    @Ctx() ctx: Context,
  ): Promise<Route> {
    checkCreateRoute(input);
    const id = await ctx.mutations.run({
      operation: 'createRoute',
      input,
      check: () => checkRouteEnds(ctx.gateway, input.origin, input.destination),
      write: async (tx) => {
        const repo = new RoutesWriteRepository(tx);
        const routeId = routeIdOf(input.airline, input.origin, input.destination);
        if (!(await repo.airlineExists(input.airline))) {
          throw notFound(`no airline ${input.airline} is registered`, 'input.airline');
        }
        const created = await repo.insertRoute({
          id: routeId,
          airline: input.airline,
          origin: input.origin,
          destination: input.destination,
          region: input.region,
          status: input.status,
          weeklyFrequency: input.weeklyFrequency,
          weeklyCargoCapacityTonnes: input.weeklyCargoCapacityTonnes,
          openedOn: input.openedOn ?? null,
        });
        // The id is airline-origin-destination: the destination is the usual one to change.
        if (!created) throw alreadyExists('Route', routeId, 'input.destination');
        await tx.recordStatusChange({
          entityType: 'Route',
          entityId: routeId,
          from: null,
          to: input.status,
        });
        return routeId;
      },
    });
    return reread(ctx.loaders.route, id, 'Route');
  }

  @Mutation(() => Route, {
    description:
      'Changes a route’s operating status on a date: ACTIVE opens a PLANNED route, SUSPENDED suspends an ACTIVE or RESUMED one, RESUMED resumes a SUSPENDED one. Any other move is INVALID_STATE_TRANSITION. Recorded in the route’s history.',
  })
  @Directive(requiresWriteOf('routes'))
  async setRouteStatus(
    @Arg('input', () => SetRouteStatusInput, { description: 'The route and its new status.' })
    input: SetRouteStatusInput,
    @Ctx() ctx: Context,
  ): Promise<Route> {
    checkSetRouteStatus(input);
    const id = await ctx.mutations.run({
      operation: 'setRouteStatus',
      input,
      write: (tx) => transitionRoute(tx, input),
    });
    return reread(ctx.loaders.route, id, 'Route');
  }
}
