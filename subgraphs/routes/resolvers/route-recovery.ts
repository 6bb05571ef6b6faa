import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { Region } from '../entities/route';
import { RouteRecoveryPoint } from '../entities/route-recovery';
import { DateScalar } from '../entities/scalars';
import { RECOVERY_DEFAULT_MONTHS, RECOVERY_MAX_MONTHS, recoveryMonths } from '../validation';

@ArgsType()
class RouteRecoveryArgs {
  @Field(() => Region, { nullable: true, description: 'Only routes to this region.' })
  region?: Region | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: `First month, given by any day in it. Default: ${RECOVERY_DEFAULT_MONTHS} months up to \`to\`.`,
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last month, given by any day in it. Default: today.',
  })
  to?: string | null;
}

@Resolver(() => RouteRecoveryPoint)
export class RouteRecoveryResolver {
  @Query(() => [RouteRecoveryPoint], {
    description: `Route recovery: one point per month from the month of \`from\` to the month of \`to\`, the routes operating and their weekly frequencies. \`to\` defaults to today (UTC), \`from\` to ${RECOVERY_DEFAULT_MONTHS} months up to \`to\`; at most ${RECOVERY_MAX_MONTHS} months per request (BAD_USER_INPUT beyond). The series starts no earlier than the first route opening and ends no later than the current month. A route operates in a month when it opened by the month’s end and was not suspended for the whole month.`,
  })
  routeRecovery(
    @Args(() => RouteRecoveryArgs) { region, from, to }: RouteRecoveryArgs,
    @Ctx() ctx: Context,
  ): Promise<RouteRecoveryPoint[]> {
    const today = new Date().toISOString().slice(0, 10);
    const { first, last } = recoveryMonths(from, to, today);
    return ctx.repository.routeRecovery(region ?? null, first, last);
  }
}
