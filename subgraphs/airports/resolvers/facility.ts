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
  checkAirportCode,
  PageArgs,
  PagedListSize,
  pageRequest,
  StatusChange,
  toConnection,
} from '../../kit';
import { Context } from '../context';
import { Airport } from '../entities/airport';
import { Facility, FacilityConnection, FacilityKind, FacilityStatus } from '../entities/facility';
import { FACILITY_PAGE } from '../repository';

@ArgsType()
class FacilitiesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only at this airport (IATA code).' })
  airport?: string | null;

  @Field(() => FacilityKind, { nullable: true, description: 'Only of this kind.' })
  kind?: FacilityKind | null;

  @Field(() => FacilityStatus, { nullable: true, description: 'Only in this status.' })
  status?: FacilityStatus | null;
}

@Resolver(() => Facility)
export class FacilityResolver {
  @Query(() => Facility, {
    nullable: true,
    description: 'A facility by id, e.g. "PKX-COLD-1"; null when no facility has that id.',
  })
  facility(
    @Arg('id', () => ID, { description: 'Facility id, e.g. "PKX-COLD-1".' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Facility | null> {
    return ctx.loaders.facilityById.load(id);
  }

  @PagedListSize()
  @Query(() => FacilityConnection, {
    description: 'Facilities at the Beijing hubs, filtered, paginated by id.',
  })
  async facilities(
    @Args(() => FacilitiesArgs) args: FacilitiesArgs,
    @Ctx() ctx: Context,
  ): Promise<FacilityConnection> {
    if (args.airport != null) assertValid(checkAirportCode(args.airport), 'airport');
    const page = pageRequest(args, FACILITY_PAGE);
    const filter = { airport: args.airport, kind: args.kind, status: args.status };
    const rows = await ctx.repository.facilitiesPage(filter, page);
    for (const row of rows) ctx.loaders.facilityById.prime(row.id, row);
    return toConnection(rows, page, () =>
      ctx.repository.countFacilities(filter),
    ) as FacilityConnection;
  }

  @FieldResolver(() => Airport, { description: 'The airport the facility belongs to.' })
  async airport(@Root() facility: Facility, @Ctx() ctx: Context): Promise<Airport> {
    const airport = await ctx.loaders.airportByCode.load(facility.airportIata);
    if (!airport)
      throw new Error(`facility ${facility.id}: airport ${facility.airportIata} missing`);
    return airport;
  }

  @FieldResolver(() => [StatusChange], {
    description: 'Every status change of the facility, oldest first: when, from, to, who and why.',
  })
  history(@Root() facility: Facility, @Ctx() ctx: Context): Promise<StatusChange[]> {
    return ctx.loaders.facilityHistory.load(facility.id);
  }
}
