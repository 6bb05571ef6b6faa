import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { assertValid, checkAirlineCode } from '../../kit';
import type { Context } from '../context';
import { Airline } from '../entities/airline';

@Resolver(() => Airline)
export class AirlineResolver {
  @Query(() => Airline, {
    nullable: true,
    description: 'An airline by its IATA designator; null when none is registered.',
  })
  airline(
    @Arg('iataCode', () => ID, { description: 'IATA airline designator, e.g. "CA".' })
    iataCode: string,
    @Ctx() ctx: Context,
  ): Promise<Airline | null> {
    assertValid(checkAirlineCode(iataCode), 'iataCode');
    return ctx.loaders.airline.load(iataCode);
  }
}
