import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { assertValid, checkFlightNumber, StatusChange } from '../../kit';
import type { Context } from '../context';
import { Flight } from '../entities/flight';
import { Route } from '../entities/route';
import { DateScalar } from '../entities/scalars';
import { flightHistoryId } from '../state-machines';
import { assertDate } from '../validation';

@ArgsType()
class FlightArgs {
  @Field({ description: 'Flight number, e.g. "CA931".' })
  number!: string;

  @Field(() => DateScalar, { description: 'Local departure date at the origin.' })
  date!: string;
}

@Resolver(() => Flight)
export class FlightResolver {
  @Query(() => Flight, {
    nullable: true,
    description: 'A flight by number and local departure date; null when unknown.',
  })
  flight(@Args(() => FlightArgs) { number, date }: FlightArgs, @Ctx() ctx: Context) {
    assertValid(checkFlightNumber(number), 'number');
    assertDate(date, 'date');
    return ctx.loaders.flight.load([number, date]);
  }

  @FieldResolver(() => Route, { description: 'The route flown.' })
  async route(@Root() flight: Flight, @Ctx() ctx: Context): Promise<Route> {
    const route = await ctx.loaders.route.load(flight.routeId);
    if (!route) throw new Error(`flight ${flight.number} ${flight.date}: route is missing`);
    return route;
  }

  @FieldResolver(() => [StatusChange], {
    description: 'Every change of the flight’s status, oldest first: when, from, to, who and why.',
  })
  history(@Root() flight: Flight, @Ctx() ctx: Context): Promise<StatusChange[]> {
    return ctx.loaders.flightHistory.load(flightHistoryId(flight.number, flight.date));
  }
}
