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
import { assertValid, checkAirportCode } from '../../kit';
import { Context } from '../context';
import { Airport } from '../entities/airport';
import { Facility, FacilityKind, FacilityStatus } from '../entities/facility';

@ArgsType()
class AirportFacilitiesArgs {
  @Field(() => FacilityKind, { nullable: true, description: 'Only facilities of this kind.' })
  kind?: FacilityKind | null;

  @Field(() => FacilityStatus, { nullable: true, description: 'Only facilities in this status.' })
  status?: FacilityStatus | null;
}

@Resolver(() => Airport)
export class AirportResolver {
  @Query(() => Airport, {
    nullable: true,
    description: 'An airport by IATA code; null when no airport has that code.',
  })
  airport(
    @Arg('iataCode', () => ID, { description: 'IATA code, 3 upper-case letters, e.g. "PKX".' })
    iataCode: string,
    @Ctx() ctx: Context,
  ): Promise<Airport | null> {
    assertValid(checkAirportCode(iataCode), 'iataCode');
    return ctx.loaders.airportByCode.load(iataCode);
  }

  @Query(() => [Airport], { description: 'Every airport known, ordered by IATA code.' })
  async airports(
    @Arg('beijingHubsOnly', () => Boolean, {
      nullable: true,
      defaultValue: false,
      description: 'Only PEK and PKX.',
    })
    beijingHubsOnly: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<Airport[]> {
    const rows = await ctx.repository.listAirports(beijingHubsOnly ?? false);
    for (const row of rows) ctx.loaders.airportByCode.prime(row.iataCode, row);
    return rows;
  }

  @FieldResolver(() => [Facility], {
    description:
      "The airport's cargo facilities, ordered by kind and id; empty for airports outside Beijing.",
  })
  async facilities(
    @Root() airport: Airport,
    @Args(() => AirportFacilitiesArgs) { kind, status }: AirportFacilitiesArgs,
    @Ctx() ctx: Context,
  ): Promise<Facility[]> {
    const all = await ctx.loaders.facilitiesByAirport.load(airport.iataCode);
    return all.filter((f) => (!kind || f.kind === kind) && (!status || f.status === status));
  }
}
