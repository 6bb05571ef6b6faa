import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { notFound } from '../../kit';
import type { Context } from '../context';
import { checkRouteEnds } from '../cross-agency';
import { CreateRouteInput, SetRouteStatusInput } from '../entities/inputs/route-inputs';
import { Route } from '../entities/route';
import { alreadyExists, assertVersion, runRoutesMutation } from '../mutation-support';
import { routeStatusUpdate } from '../route-rules';
import { routeLifecycle } from '../state-machines';
import { checkCreateRoute, checkSetRouteStatus, routeIdOf } from '../write-validation';

/** The route as committed, read afresh through the request's loaders. */
async function reread(ctx: Context, id: string): Promise<Route> {
  const route = await ctx.loaders.route.clear(id).load(id);
  if (!route) throw new Error(`route ${id} is missing after the write`);
  return route;
}

@Resolver(() => Route)
export class RouteMutationsResolver {
  @Mutation(() => Route, {
    description:
      'Registers a new route of an airline between a Beijing hub and another airport, PLANNED or ACTIVE. Both airports must be in the airports register (checked through the gateway) and one of them must be PEK or PKX. Its id is derived: airline, origin and destination. CONFLICT when the route exists already.',
  })
  async createRoute(
    @Arg('input', () => CreateRouteInput, { description: 'The route.' }) input: CreateRouteInput,
    @Ctx() ctx: Context,
  ): Promise<Route> {
    checkCreateRoute(input);
    await checkRouteEnds(ctx.gateway, input.origin, input.destination);
    const id = await runRoutesMutation(ctx, 'createRoute', input, async (repo) => {
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
      if (!created) throw alreadyExists(`route ${routeId} exists already`);
      await repo.recordStatusChange({
        entityType: 'Route',
        entityId: routeId,
        from: null,
        to: input.status,
        actor: ctx.actor,
      });
      return routeId;
    });
    return reread(ctx, id);
  }

  @Mutation(() => Route, {
    description:
      'Changes a route’s operating status on a date: ACTIVE opens a PLANNED route, SUSPENDED suspends an ACTIVE or RESUMED one, RESUMED resumes a SUSPENDED one. Any other move is INVALID_STATE_TRANSITION. Recorded in the route’s history.',
  })
  async setRouteStatus(
    @Arg('input', () => SetRouteStatusInput, { description: 'The route and its new status.' })
    input: SetRouteStatusInput,
    @Ctx() ctx: Context,
  ): Promise<Route> {
    checkSetRouteStatus(input);
    const id = input.routeId;
    await runRoutesMutation(ctx, 'setRouteStatus', input, async (repo) => {
      const route = await repo.lockRoute(id, 'UPDATE');
      if (!route) throw notFound(`no route ${id}`, 'input.routeId');
      assertVersion('Route', id, input.expectedVersion, route.version);
      routeLifecycle.assert(id, route.status, input.status);
      await repo.updateRouteStatus(id, routeStatusUpdate(route, input.status, input.effectiveOn));
      await repo.recordStatusChange({
        entityType: 'Route',
        entityId: id,
        from: route.status,
        to: input.status,
        actor: ctx.actor,
        reason: input.reason,
      });
      return id;
    });
    return reread(ctx, id);
  }
}
