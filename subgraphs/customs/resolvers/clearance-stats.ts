import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { DateScalar } from '../../kit';
import type { Context } from '../context';
import { ClearanceGroupBy, ClearanceStat } from '../entities/clearance-stat';
import { minimumStatsGroup } from '../rules/statistics';
import { validAirport, validDateRange } from '../validation';

@ArgsType()
class ClearanceStatsArgs {
  @Field(() => ID, {
    nullable: true,
    description:
      "Only shipments entering at this Beijing hub (IATA, the shipment's port of entry).",
  })
  airport?: string | null;

  @Field(() => DateScalar, { description: 'First filing day, Asia/Shanghai.' })
  from!: string;

  @Field(() => DateScalar, { description: 'Last filing day, Asia/Shanghai.' })
  to!: string;

  @Field(() => ClearanceGroupBy, { description: 'How to group the declarations.' })
  groupBy!: ClearanceGroupBy;
}

@Resolver(() => ClearanceStat)
export class ClearanceStatsResolver {
  @Query(() => [ClearanceStat], {
    description:
      "Clearance times of the declarations filed between `from` and `to` (inclusive, Asia/Shanghai dates), grouped. Hours run from filing to release (customs' own clock, not the cargo's arrival); at most 1096 days. Groups of fewer declarations than the configured minimum (default 5) are left out unless you hold `trade:read`, so that no statistic singles out one enterprise.",
  })
  clearanceStats(
    @Args(() => ClearanceStatsArgs) { airport, from, to, groupBy }: ClearanceStatsArgs,
    @Ctx() ctx: Context,
  ): Promise<ClearanceStat[]> {
    if (airport != null) validAirport(airport, 'airport');
    validDateRange(from, to);
    return ctx.repository.clearanceStats({
      airport: airport ?? null,
      from,
      to,
      groupBy,
      minGroup: minimumStatsGroup(ctx.identity),
    });
  }
}
