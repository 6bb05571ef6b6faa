import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { assertValid, checkAirportCode, DateScalar } from '../../kit';
import { Context } from '../context';
import { Interval, ThroughputPoint } from '../entities/throughput';
import { assertThroughputRange, MAX_PERIODS } from '../rules/throughput';

@ArgsType()
class ThroughputArgs {
  @Field(() => ID, { description: 'IATA code of the airport, e.g. "PKX".' })
  airport!: string;

  @Field(() => DateScalar, { description: 'First local date counted (inclusive).' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last local date counted (inclusive).' })
  to!: string;

  @Field(() => Interval, { description: 'Length of each period.' })
  interval!: Interval;
}

@Resolver()
export class ThroughputResolver {
  @Query(() => [ThroughputPoint], {
    description:
      `Cargo tallied at an airport per period, in the airport's local time: one point per period ` +
      `that has arrivals, ordered by periodStart. At most ${MAX_PERIODS.DAY} days, ` +
      `${MAX_PERIODS.WEEK} weeks or ${MAX_PERIODS.MONTH} months per call. Unknown airport: [].`,
  })
  cargoThroughput(
    @Args(() => ThroughputArgs) { airport, from, to, interval }: ThroughputArgs,
    @Ctx() ctx: Context,
  ): Promise<ThroughputPoint[]> {
    assertValid(checkAirportCode(airport), 'airport');
    assertThroughputRange(from, to, interval);
    return ctx.repository.throughput(airport, from, to, interval);
  }
}
