import {
  Arg,
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import {
  assertValid,
  checkAirlineCode,
  checkAirportCode,
  ConnectionShape,
  PageArgs,
  PagedListSize,
  pageRequest,
  StatusChange,
  toConnection,
} from '../../kit';
import type { Context } from '../context';
import { Airline } from '../entities/airline';
import { Airport } from '../entities/airport';
import { Flight } from '../entities/flight';
import { Region, Route, RouteConnection, RouteStatus } from '../entities/route';
import { DateScalar } from '../entities/scalars';
import { ROUTE_PAGE, RouteFilter } from '../repository';
import { assertDate, assertDateRange, checkRouteId, MAX_FLIGHT_RANGE_DAYS } from '../validation';

@ArgsType()
class RoutesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'IATA code of the origin airport.' })
  origin?: string | null;

  @Field(() => ID, { nullable: true, description: 'IATA code of the destination airport.' })
  destination?: string | null;

  @Field(() => Region, { nullable: true, description: 'Region of the non-Beijing end.' })
  region?: Region | null;

  @Field(() => RouteStatus, { nullable: true, description: 'Operating status.' })
  status?: RouteStatus | null;

  @Field(() => ID, { nullable: true, description: 'IATA designator of the operating airline.' })
  airline?: string | null;
}

@ArgsType()
class FlightsArgs {
  @Field(() => DateScalar, { description: 'First local departure date (inclusive).' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last local departure date (inclusive).' })
  to!: string;
}

@Resolver(() => Route)
export class RouteResolver {
  @Query(() => Route, { nullable: true, description: 'A route by id; null when unknown.' })
  route(
    @Arg('id', () => ID, { description: 'Route id, e.g. "CA-PEK-FRA".' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Route | null> {
    assertValid(checkRouteId(id), 'id');
    return ctx.loaders.route.load(id);
  }

  @PagedListSize()
  @Query(() => RouteConnection, {
    description: 'Routes matching every given filter, ordered by id, one page at a time.',
  })
  async routes(
    @Args(() => RoutesArgs) args: RoutesArgs,
    @Ctx() ctx: Context,
  ): Promise<ConnectionShape<Route>> {
    const { origin, destination, region, status, airline } = args;
    if (origin != null) assertValid(checkAirportCode(origin), 'origin');
    if (destination != null) assertValid(checkAirportCode(destination), 'destination');
    if (airline != null) assertValid(checkAirlineCode(airline), 'airline');
    const page = pageRequest(args, ROUTE_PAGE);
    const filter: RouteFilter = { origin, destination, region, status, airline };
    const rows = await ctx.repository.routesPage(filter, page);
    return toConnection(rows, page, () => ctx.repository.countRoutes(filter));
  }

  @FieldResolver(() => Airline, { description: 'The airline operating the route.' })
  async airline(@Root() route: Route, @Ctx() ctx: Context): Promise<Airline> {
    const airline = await ctx.loaders.airline.load(route.airlineIata);
    if (!airline) throw new Error(`route ${route.id}: airline ${route.airlineIata} is missing`);
    return airline;
  }

  @FieldResolver(() => Airport, { description: 'Airport the route departs from.' })
  origin(@Root() route: Route): Airport {
    return { iataCode: route.originIata };
  }

  @FieldResolver(() => Airport, { description: 'Airport the route arrives at.' })
  destination(@Root() route: Route): Airport {
    return { iataCode: route.destinationIata };
  }

  @FieldResolver(() => [Flight], {
    description: `Flights of the route departing between \`from\` and \`to\` (inclusive, local dates), by date. At most ${MAX_FLIGHT_RANGE_DAYS} days per request.`,
  })
  flights(
    @Root() route: Route,
    @Args(() => FlightsArgs) { from, to }: FlightsArgs,
    @Ctx() ctx: Context,
  ): Promise<Flight[]> {
    assertDate(from, 'from');
    assertDate(to, 'to');
    assertDateRange(from, to);
    return ctx.loaders.flightsOfRoute.load([route.id, from, to]);
  }

  @FieldResolver(() => [StatusChange], {
    description: 'Every change of the route’s status, oldest first: when, from, to, who and why.',
  })
  history(@Root() route: Route, @Ctx() ctx: Context): Promise<StatusChange[]> {
    return ctx.loaders.routeHistory.load(route.id);
  }
}
